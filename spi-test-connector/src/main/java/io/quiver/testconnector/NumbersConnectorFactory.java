package io.quiver.testconnector;

import io.quiver.spi.Connector;
import io.quiver.spi.ConnectorFactory;
import java.util.Map;

/** The {@code numbers} catalog; setting {@code rows} (system property {@code quiver.connector.numbers.rows}). */
public final class NumbersConnectorFactory implements ConnectorFactory {

  public static final String NAME = "numbers";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Connector create(Map<String, String> config) {
    return new NumbersConnector(Long.parseLong(config.getOrDefault("rows", "10000")));
  }
}
