package io.quiver.engine.connector.system;

import io.quiver.exec.type.Column;
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

/** A table of the {@code system} catalog as the planner sees it: one split; JDBC lists it as a SYSTEM TABLE. */
final class SystemTable extends AbstractTable implements ConnectorTable {

  private final String schema;
  private final String table;
  private final RowSchema columns;

  SystemTable(String schema, String table, RowSchema columns) {
    this.schema = schema;
    this.table = table;
    this.columns = columns;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : columns.columns()) {
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
    return schema;
  }

  @Override
  public String tableName() {
    return table;
  }

  /** Whose statement is planned: a scan returns only the rows that user may see. */
  @Override
  public Map<String, String> properties() {
    return io.quiver.engine.access.PlanningSubject.handleProperties();
  }

  @Override
  public int splitCount() {
    return 1;
  }
}
