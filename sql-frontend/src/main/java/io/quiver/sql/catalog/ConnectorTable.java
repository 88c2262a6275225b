package io.quiver.sql.catalog;

import java.util.Map;
import org.apache.calcite.schema.Table;

/**
 * A table whose data a connector reads on the executors. The planner turns a scan of it into a
 * {@code TableScanNode} with a {@code TableHandle(connectorName, schemaName, tableName, properties)}
 * cut into {@link #splitCount()} splits. {@link #getStatistic()} gives the row count the cost model
 * uses; {@link #getRowType} gives the columns.
 */
public interface ConnectorTable extends Table {

  String connectorName();

  String schemaName();

  String tableName();

  /** Connector-specific properties that travel with the table handle (for example a scale factor). */
  Map<String, String> properties();

  /** How many splits a scan of the whole table is cut into; one task reads each split. */
  int splitCount();
}
