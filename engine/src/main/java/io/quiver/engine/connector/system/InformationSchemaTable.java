package io.quiver.engine.connector.system;

import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.List;

/**
 * One table of {@code information_schema}, as in the SQL standard, PostgreSQL and Trino. Its rows
 * are made from the catalogs when a scan opens ({@link InformationSchemaRows}), so every change is
 * visible at once. One split; JDBC lists it as a SYSTEM TABLE.
 */
public enum InformationSchemaTable {

  SCHEMATA(List.of(text("catalog_name"), text("schema_name"))),
  TABLES(List.of(text("table_catalog"), text("table_schema"), text("table_name"), text("table_type"))),
  COLUMNS(List.of(text("table_catalog"), text("table_schema"), text("table_name"), text("column_name"),
      new Column("ordinal_position", DataType.INTEGER, false), new Column("column_default", DataType.VARCHAR, true),
      text("is_nullable"), text("data_type"), number("character_maximum_length"), number("numeric_precision"),
      number("numeric_precision_radix"), number("numeric_scale"))),
  VIEWS(List.of(text("table_catalog"), text("table_schema"), text("table_name"), text("view_definition"))),
  /** PRIMARY KEY, UNIQUE, CHECK and FOREIGN KEY constraints; enforced YES or NO (FOREIGN KEY). */
  TABLE_CONSTRAINTS(List.of(text("constraint_catalog"), text("constraint_schema"), text("constraint_name"),
      text("table_catalog"), text("table_schema"), text("table_name"), text("constraint_type"),
      text("is_deferrable"), text("initially_deferred"), text("enforced"))),
  /** The columns of PRIMARY KEY, UNIQUE and FOREIGN KEY constraints, in key order. */
  KEY_COLUMN_USAGE(List.of(text("constraint_catalog"), text("constraint_schema"), text("constraint_name"),
      text("table_catalog"), text("table_schema"), text("table_name"), text("column_name"),
      new Column("ordinal_position", DataType.INTEGER, false), number("position_in_unique_constraint"))),
  /** The conditions of CHECK constraints, as written. */
  CHECK_CONSTRAINTS(List.of(text("constraint_catalog"), text("constraint_schema"), text("constraint_name"),
      text("check_clause"))),
  /** FOREIGN KEY constraints and the keys they reference. */
  REFERENTIAL_CONSTRAINTS(List.of(text("constraint_catalog"), text("constraint_schema"), text("constraint_name"),
      text("unique_constraint_catalog"), text("unique_constraint_schema"), text("unique_constraint_name"),
      text("match_option"), text("update_rule"), text("delete_rule")));

  /** The schema's name, in every catalog listing. */
  public static final String SCHEMA_NAME = "information_schema";

  private final RowSchema columns;

  InformationSchemaTable(List<Column> columns) {
    this.columns = new RowSchema(columns);
  }

  /** The table's name: the constant's name in lower case. */
  public String tableName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public RowSchema columns() {
    return columns;
  }

  /** The table the planner sees. */
  ConnectorTable table() {
    return new SystemTable(SCHEMA_NAME, tableName(), columns);
  }

  private static Column text(String name) {
    return new Column(name, DataType.VARCHAR, false);
  }

  private static Column number(String name) {
    return new Column(name, DataType.INTEGER, true);
  }
}
