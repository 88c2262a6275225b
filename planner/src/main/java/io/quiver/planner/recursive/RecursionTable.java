package io.quiver.planner.recursive;

import io.quiver.sql.catalog.ConnectorTable;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table of a recursive query's rows that the driver holds while the query runs: the working
 * table (the rows the last iteration added) or the result table (all rows so far). Scanned like
 * any connector table, through connector {@value #CONNECTOR}; the engine fills it between jobs.
 */
public final class RecursionTable extends AbstractTable implements ConnectorTable, ScannableTable {

  /** The connector name of these tables. */
  public static final String CONNECTOR = "recursion";

  private final String queryToken;
  private final String name;
  private final RelDataType rowType;
  private final int splitCount;

  /**
   * @param queryToken unique per planned statement, so that concurrent queries' tables differ
   * @param name the table's name within the query
   */
  public RecursionTable(String queryToken, String name, RelDataType rowType, int splitCount) {
    this.queryToken = queryToken;
    this.name = name;
    this.rowType = rowType;
    this.splitCount = splitCount;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return rowType;
  }

  @Override
  public Statistic getStatistic() {
    // Unknown until the query runs; a small table keeps joins with it broadcast.
    return Statistics.of(1000, null);
  }

  @Override
  public String connectorName() {
    return CONNECTOR;
  }

  @Override
  public String schemaName() {
    return queryToken;
  }

  @Override
  public String tableName() {
    return name;
  }

  @Override
  public Map<String, String> properties() {
    return Map.of();
  }

  @Override
  public int splitCount() {
    return splitCount;
  }

  /** Calcite's own row-at-a-time scan; Quiver's executors read the table through its connector. */
  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    throw new UnsupportedOperationException("recursive query tables are read by Quiver's executors");
  }
}
