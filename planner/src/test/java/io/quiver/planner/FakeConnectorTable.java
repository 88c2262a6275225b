package io.quiver.planner;

import io.quiver.planner.statistics.ColumnDistinctCounts;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** A connector table for planning tests: columns, a row count and a split count, no data. */
final class FakeConnectorTable extends AbstractTable implements ConnectorTable,
    ColumnDistinctCounts {

  /** One column: name, type, precision (-1: none), scale (-1: none), nullable. */
  record ColumnSpec(String name, SqlTypeName type, int precision, int scale, boolean nullable) {
  }

  private final String schemaName;
  private final String tableName;
  private final List<ColumnSpec> columns;
  private final double rowCount;
  private final int splitCount;
  private final List<Integer> primaryKey;
  private final Map<String, Double> distinctCounts;

  FakeConnectorTable(String schemaName, String tableName, List<ColumnSpec> columns, double rowCount,
      int splitCount) {
    this(schemaName, tableName, columns, rowCount, splitCount, List.of());
  }

  /** A table whose {@code primaryKey} columns are unique (as the TPC-H connector declares them). */
  FakeConnectorTable(String schemaName, String tableName, List<ColumnSpec> columns, double rowCount,
      int splitCount, List<Integer> primaryKey) {
    this(schemaName, tableName, columns, rowCount, splitCount, primaryKey, Map.of());
  }

  /** A table with a primary key (may be empty) and distinct counts of some columns, by name. */
  FakeConnectorTable(String schemaName, String tableName, List<ColumnSpec> columns, double rowCount,
      int splitCount, List<Integer> primaryKey, Map<String, Double> distinctCounts) {
    this.distinctCounts = Map.copyOf(distinctCounts);
    this.primaryKey = List.copyOf(primaryKey);
    this.schemaName = schemaName;
    this.tableName = tableName;
    this.columns = new ArrayList<>(columns);
    this.rowCount = rowCount;
    this.splitCount = splitCount;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnSpec column : columns) {
      RelDataType type;
      if (column.precision() >= 0 && column.scale() >= 0) {
        type = typeFactory.createSqlType(column.type(), column.precision(), column.scale());
      } else if (column.precision() >= 0) {
        type = typeFactory.createSqlType(column.type(), column.precision());
      } else {
        type = typeFactory.createSqlType(column.type());
      }
      builder.add(column.name(), typeFactory.createTypeWithNullability(type, column.nullable()));
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(rowCount, primaryKey.isEmpty()
        ? List.of() : List.of(org.apache.calcite.util.ImmutableBitSet.of(primaryKey)));
  }

  @Override
  public double distinctCount(int column) {
    return distinctCounts.getOrDefault(columns.get(column).name(), -1.0);
  }

  @Override
  public String connectorName() {
    return "tpch";
  }

  @Override
  public String schemaName() {
    return schemaName;
  }

  @Override
  public String tableName() {
    return tableName;
  }

  @Override
  public Map<String, String> properties() {
    return Map.of("scaleFactor", schemaName.equals("tiny") ? "0.01" : "1");
  }

  @Override
  public int splitCount() {
    return splitCount;
  }
}
