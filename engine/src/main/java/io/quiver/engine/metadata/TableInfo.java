package io.quiver.engine.metadata;

import java.util.List;

/**
 * A table as metadata readers (JDBC, information_schema) see it.
 *
 * @param type "TABLE", "VIEW" or "SYSTEM TABLE"
 * @param constraints its declared constraints (primary key, unique, check, foreign keys)
 * @param indexes its indexes (CREATE INDEX)
 */
public record TableInfo(String catalog, String schema, String name, String type, List<ColumnInfo> columns,
    List<ConstraintInfo> constraints, List<IndexDescription> indexes) {

  public TableInfo {
    columns = List.copyOf(columns);
    constraints = List.copyOf(constraints);
    indexes = List.copyOf(indexes);
  }

  /** A table without declared constraints. */
  public TableInfo(String catalog, String schema, String name, String type, List<ColumnInfo> columns) {
    this(catalog, schema, name, type, columns, List.of(), List.of());
  }
}
