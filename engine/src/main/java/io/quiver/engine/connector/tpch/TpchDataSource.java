package io.quiver.engine.connector.tpch;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Generates TPC-H rows into Arrow batches on an executor, or copies them from the
 * {@link TpchDataCache} when an earlier scan already generated them. Thread-safe.
 */
public final class TpchDataSource implements TableDataSource {

  private final TpchDataCache cache;

  /** A data source that generates every scan anew. */
  public TpchDataSource() {
    this(new TpchDataCache(0));
  }

  public TpchDataSource(TpchDataCache cache) {
    this.cache = cache;
  }

  public TpchDataCache cache() {
    return cache;
  }

  @Override
  public String connectorName() {
    return TpchConnector.NAME;
  }

  @Override
  public SplitReader open(TableHandle table, List<Integer> columns, RowSchema schema, int split, int splitCount,
      BufferAllocator allocator, int batchSize) {
    TpchTableDefinition<?> definition = TpchTables.byName(table.table());
    if (definition == null) {
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "no TPC-H table '" + table.table() + "'");
    }
    double scaleFactor = scaleFactor(table);
    if (splitCount < 1 || split < 0 || split >= splitCount) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR,
          "split " + split + " of " + splitCount + " does not exist for " + table);
    }
    if (batchSize < 1) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "batch size must be at least 1, was " + batchSize);
    }
    if (columns.size() != schema.size()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "scan of " + table + " reads " + columns.size()
          + " columns but its schema has " + schema.size());
    }
    for (int i = 0; i < columns.size(); i++) {
      int column = columns.get(i);
      if (column < 0 || column >= definition.columns().size()) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "no column " + column + " in " + table);
      }
      if (!definition.columns().get(column).type().equals(schema.column(i).type())) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "column " + definition.columns().get(column).name()
            + " of " + table + " is " + definition.columns().get(column).type() + ", not "
            + schema.column(i).type());
      }
    }
    TpchDataCache.SplitKey key = new TpchDataCache.SplitKey(definition.name(), scaleFactor, split, splitCount);
    TpchDataCache.CachedSplit cached = cache.lookup(key, columns);
    if (cached != null) {
      return new TpchCachedSplitReader(cached, columns, schema, allocator, batchSize);
    }
    return newGeneratingReader(definition, scaleFactor, split, splitCount, columns, schema, allocator, batchSize, key);
  }

  private <E extends io.trino.tpch.TpchEntity> SplitReader newGeneratingReader(TpchTableDefinition<E> definition,
      double scaleFactor, int split, int splitCount, List<Integer> columns, RowSchema schema,
      BufferAllocator allocator, int batchSize, TpchDataCache.SplitKey key) {
    return new TpchSplitReader<>(definition, scaleFactor, split, splitCount, columns, schema, allocator, batchSize,
        cache, key);
  }

  private static double scaleFactor(TableHandle table) {
    String property = table.properties().get(TpchConnectorTable.SCALE_FACTOR_PROPERTY);
    if (property != null) {
      try {
        return Double.parseDouble(property);
      } catch (NumberFormatException e) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "bad scale factor '" + property + "' for " + table, e);
      }
    }
    Double bySchema = TpchConnector.SCALE_FACTORS.get(table.schema());
    if (bySchema == null) {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "no TPC-H schema '" + table.schema() + "'");
    }
    return bySchema;
  }
}
