package io.quiver.exec.connector;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data sources an executor can read, by connector name, and optionally one that reads every
 * other connector's tables (an executor process reads the tables that live in the driver through
 * the driver).
 */
public final class TableDataSources {

  private final Map<String, TableDataSource> sources = new ConcurrentHashMap<>();
  private volatile TableDataSource fallback;

  public void register(TableDataSource source) {
    sources.put(source.connectorName(), source);
  }

  /** Reads the tables of every connector not registered by name. */
  public void registerFallback(TableDataSource source) {
    this.fallback = source;
  }

  public TableDataSource get(String connectorName) {
    TableDataSource source = sources.get(connectorName);
    if (source == null) {
      source = fallback;
    }
    if (source == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "no data source for connector '" + connectorName + "'");
    }
    return source;
  }
}
