package io.quiver.spi;

import java.util.Map;

/**
 * What {@link java.util.ServiceLoader} finds: makes the connector of one catalog. Called once on
 * the driver and once on each executor process, which must get connectors that agree (the same
 * tables, the same splits' meaning).
 */
public interface ConnectorFactory {

  /** The catalog name SQL uses ({@code SELECT ... FROM name.schema.table}); lower case. */
  String name();

  /**
   * @param config settings for the connector, from the engine's system properties
   *     {@code quiver.connector.<name>.<key>} (the same on the driver and executors when they
   *     are started alike); empty when none are set
   */
  Connector create(Map<String, String> config);
}
