package io.quiver.exec.fragment.node;

import java.util.Map;

/**
 * Names a table for the executor: the connector that reads it, the schema and table within that
 * connector, and connector-specific properties (for example a scale factor or a file location).
 */
public record TableHandle(String connector, String schema, String table, Map<String, String> properties) {

  public TableHandle {
    properties = Map.copyOf(properties);
  }

  @Override
  public String toString() {
    return connector + "." + schema + "." + table;
  }
}
