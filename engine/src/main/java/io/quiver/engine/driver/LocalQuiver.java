package io.quiver.engine.driver;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.event.EventBus;
import io.quiver.engine.metadata.CatalogMetadata;

/** A driver with one in-process executor. (Placeholder until the engine lands.) */
public final class LocalQuiver implements Quiver {

  private final QuiverConfig config;

  public LocalQuiver(QuiverConfig config) {
    this.config = config;
  }

  @Override
  public QuiverConfig config() {
    return config;
  }

  @Override
  public Session openSession() {
    throw new UnsupportedOperationException("not built yet");
  }

  @Override
  public CatalogMetadata metadata() {
    throw new UnsupportedOperationException("not built yet");
  }

  @Override
  public EventBus events() {
    throw new UnsupportedOperationException("not built yet");
  }

  @Override
  public void close() {
  }
}
