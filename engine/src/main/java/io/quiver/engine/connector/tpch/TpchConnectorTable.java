package io.quiver.engine.connector.tpch;

import io.quiver.planner.fragment.TypeMapping;
import io.quiver.sql.catalog.ConnectorTable;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/** One TPC-H table at one scale factor, as the planner sees it. Its rows are generated when scanned. */
public final class TpchConnectorTable extends AbstractTable implements ConnectorTable,
    io.quiver.engine.metadata.ConstrainedTable {

  /** The table handle property that carries the scale factor to the executors. */
  public static final String SCALE_FACTOR_PROPERTY = "scaleFactor";

  private final TpchTableDefinition<?> definition;
  private final String schemaName;
  private final double scaleFactor;
  private final int splitCount;

  TpchConnectorTable(TpchTableDefinition<?> definition, String schemaName, double scaleFactor, int splitCount) {
    this.definition = definition;
    this.schemaName = schemaName;
    this.scaleFactor = scaleFactor;
    this.splitCount = splitCount;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : definition.rowSchema().columns()) {
      builder.add(column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), false));
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of((double) rowCount(), List.of(ImmutableBitSet.of(definition.primaryKey())));
  }

  @Override
  public String connectorName() {
    return TpchConnector.NAME;
  }

  @Override
  public String schemaName() {
    return schemaName;
  }

  @Override
  public String tableName() {
    return definition.name();
  }

  @Override
  public Map<String, String> properties() {
    return Map.of(SCALE_FACTOR_PROPERTY, Double.toString(scaleFactor));
  }

  @Override
  public int splitCount() {
    return splitCount;
  }

  /** The estimated row count (exact except for lineitem). */
  public long rowCount() {
    return definition.estimatedRowCount(scaleFactor);
  }

  public double scaleFactor() {
    return scaleFactor;
  }

  /** The primary key of the specification, as JDBC and information_schema report it (the data keeps it). */
  @Override
  public List<io.quiver.engine.metadata.ConstraintInfo> constraints() {
    List<String> columns = definition.rowSchema().columns().stream().map(Column::name).toList();
    return io.quiver.engine.metadata.ConstraintInfo.primaryKey(definition.name(), columns, definition.primaryKey());
  }

  /** The columns in table order. */
  public RowSchema rowSchema() {
    return definition.rowSchema();
  }

  @Override
  public String toString() {
    return "tpch." + schemaName + "." + definition.name();
  }
}
