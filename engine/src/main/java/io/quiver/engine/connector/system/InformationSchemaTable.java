package io.quiver.engine.connector.system;

import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

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
  VIEWS(List.of(text("table_catalog"), text("table_schema"), text("table_name"), text("view_definition")));

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
    return new Table(this);
  }

  private static Column text(String name) {
    return new Column(name, DataType.VARCHAR, false);
  }

  private static Column number(String name) {
    return new Column(name, DataType.INTEGER, true);
  }

  private static final class Table extends AbstractTable implements ConnectorTable {

    private final InformationSchemaTable table;

    Table(InformationSchemaTable table) {
      this.table = table;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      RelDataTypeFactory.Builder builder = typeFactory.builder();
      for (Column column : table.columns.columns()) {
        builder.add(column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
      }
      return builder.build();
    }

    @Override
    public Statistic getStatistic() {
      return Statistics.of(1000, List.of());
    }

    @Override
    public Schema.TableType getJdbcTableType() {
      return Schema.TableType.SYSTEM_TABLE;
    }

    @Override
    public String connectorName() {
      return SystemConnector.NAME;
    }

    @Override
    public String schemaName() {
      return SCHEMA_NAME;
    }

    @Override
    public String tableName() {
      return table.tableName();
    }

    @Override
    public Map<String, String> properties() {
      return Map.of();
    }

    @Override
    public int splitCount() {
      return 1;
    }
  }
}
