package io.quiver.engine.connector.memory;

import io.quiver.planner.fragment.TypeMapping;
import io.quiver.planner.statistics.ColumnDistinctCounts;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.RowSchema;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table of the memory catalog as the planner sees it: its columns, its exact row count, each
 * column's distinct count as estimated while the table was written, and one split per partition. Its handle carries the table's id, so a scan planned before the table was
 * dropped (and perhaps created again under the same name) never reads another table's data.
 */
public final class MemoryTable extends AbstractTable implements ConnectorTable,
    ColumnDistinctCounts, SchemaObject, io.quiver.engine.metadata.ConstrainedTable {

  /** The table handle property that carries the table's id to the executors. */
  public static final String TABLE_ID_PROPERTY = "tableId";

  /** The handle property that says how many batches of each partition the scanned version holds. */
  public static final String BATCH_COUNTS_PROPERTY = "batches";

  /**
   * The handle property that names the scanned generation of the table's data: UPDATE, DELETE,
   * MERGE and TRUNCATE replace the data by a new generation; INSERT appends to the current one.
   */
  public static final String GENERATION_PROPERTY = "generation";

  private final long id;
  private final String schemaName;
  private final String tableName;
  private final RowSchema rowSchema;
  private final MemoryTableData data;
  private final MemoryTableData.TableVersion version;
  private final long generation;
  private final TableRules rules;

  /** The table as its data is now. */
  MemoryTable(long id, String schemaName, String tableName, RowSchema rowSchema, MemoryTableData data,
      TableRules rules) {
    this(id, schemaName, tableName, rowSchema, data, data.version(), 0, rules);
  }

  private MemoryTable(long id, String schemaName, String tableName, RowSchema rowSchema, MemoryTableData data,
      MemoryTableData.TableVersion version, long generation, TableRules rules) {
    this.id = id;
    this.rules = rules;
    this.generation = generation;
    this.schemaName = schemaName;
    this.tableName = tableName;
    this.rowSchema = rowSchema;
    this.data = data;
    this.version = version;
  }

  /** The same table at another version of its data (after an INSERT). */
  MemoryTable withVersion(MemoryTableData.TableVersion newVersion) {
    return new MemoryTable(id, schemaName, tableName, rowSchema, data, newVersion, generation, rules);
  }

  /** The same table with other data, as its next generation (after UPDATE, DELETE, MERGE, TRUNCATE). */
  MemoryTable withData(MemoryTableData newData) {
    return new MemoryTable(id, schemaName, tableName, rowSchema, newData, newData.version(), generation + 1, rules);
  }

  /** Which generation of the table's data this is (0 when created, one more per replacement). */
  long generation() {
    return generation;
  }

  @Override
  public org.apache.calcite.schema.Table table() {
    return this;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : rowSchema.columns()) {
      builder.add(column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
    }
    return builder.build();
  }

  /** The exact row count, and the PRIMARY KEY and UNIQUE keys as the planner's unique keys. */
  @Override
  public Statistic getStatistic() {
    List<org.apache.calcite.util.ImmutableBitSet> keySets = new java.util.ArrayList<>();
    for (UniqueKey key : rules.uniqueKeys()) {
      // A UNIQUE key with a nullable column does not make rows distinct (NULLs repeat).
      boolean notNull = true;
      for (int column : key.columns()) {
        notNull &= !rowSchema.column(column).nullable();
      }
      if (notNull) {
        keySets.add(org.apache.calcite.util.ImmutableBitSet.of(key.columns()));
      }
    }
    return Statistics.of((double) version.rowCount(), keySets);
  }

  /** Estimated while the rows were written. */
  @Override
  public double distinctCount(int column) {
    return version.distinctCount(column);
  }

  @Override
  public String connectorName() {
    return MemoryConnector.NAME;
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
    return Map.of(TABLE_ID_PROPERTY, Long.toString(id), BATCH_COUNTS_PROPERTY, version.batchCountsProperty(),
        GENERATION_PROPERTY, Long.toString(generation));
  }

  @Override
  public int splitCount() {
    return data.partitionCount();
  }

  public long id() {
    return id;
  }

  public RowSchema rowSchema() {
    return rowSchema;
  }

  /** The table's PRIMARY KEY and UNIQUE constraints (not UNIQUE indexes). */
  public List<UniqueKey> keys() {
    return rules.keys();
  }

  /** The same table, data and version with other rules (CREATE INDEX, DROP INDEX). */
  MemoryTable withRules(TableRules newRules) {
    return new MemoryTable(id, schemaName, tableName, rowSchema, data, version, generation, newRules);
  }

  @Override
  public List<io.quiver.engine.metadata.IndexDescription> indexes() {
    List<io.quiver.engine.metadata.IndexDescription> result = new java.util.ArrayList<>();
    rules.indexes().forEach(index -> result.add(new io.quiver.engine.metadata.IndexDescription(index.name(),
        index.unique(), index.columnNames())));
    return result;
  }

  /** Everything CREATE TABLE declared about the rows: keys, checks, foreign keys, defaults. */
  public TableRules rules() {
    return rules;
  }

  @Override
  public List<io.quiver.engine.metadata.ConstraintInfo> constraints() {
    return rules.constraints();
  }

  @Override
  public java.util.Optional<String> columnDefault(String column) {
    return java.util.Optional.ofNullable(rules.defaults().get(column));
  }

  /** The rows of this version, batch by batch, to read (a constraint check). */
  List<StoredBatch> batches() {
    return data.batches(version);
  }

  /** Rows of this version of the table. */
  public long rowCount() {
    return version.rowCount();
  }

  /** Bytes of data this version of the table holds. */
  public long bytes() {
    return version.bytes();
  }

  MemoryTableData data() {
    return data;
  }

  @Override
  public String toString() {
    return MemoryConnector.NAME + "." + schemaName + "." + tableName;
  }
}
