package io.quiver.engine.metadata;

import java.util.List;

/**
 * A table as metadata readers (JDBC, information_schema) see it.
 *
 * @param type "TABLE", "VIEW" or "SYSTEM TABLE"
 */
public record TableInfo(String catalog, String schema, String name, String type, List<ColumnInfo> columns) {

  public TableInfo {
    columns = List.copyOf(columns);
  }
}
