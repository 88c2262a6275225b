package io.quiver.engine.connector.memory;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads memory tables on an executor. Split {@code s} of {@code n} reads the partitions {@code p}
 * with {@code p mod n == s} (the planner asks for one split per partition, so normally exactly
 * partition s). Thread-safe.
 */
final class MemoryDataSource implements TableDataSource {

  private final MemoryConnector connector;

  MemoryDataSource(MemoryConnector connector) {
    this.connector = connector;
  }

  @Override
  public String connectorName() {
    return MemoryConnector.NAME;
  }

  @Override
  public SplitReader open(TableHandle handle, List<Integer> columns, RowSchema schema, int split, int splitCount,
      BufferAllocator allocator, int batchSize) {
    MemoryTable table = connector.tableForScan(handle);
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
    RowSchema tableSchema = table.rowSchema();
    for (int i = 0; i < columns.size(); i++) {
      int column = columns.get(i);
      if (column < 0 || column >= tableSchema.size()) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "no column " + column + " in " + table);
      }
      if (!tableSchema.column(column).type().equals(schema.column(i).type())) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "column " + tableSchema.column(column).name()
            + " of " + table + " is " + tableSchema.column(column).type() + ", not " + schema.column(i).type());
      }
    }
    MemoryTableData data = table.data();
    int[] batchCounts = batchCounts(handle, data.partitionCount(), table);
    List<Integer> partitions = new ArrayList<>();
    for (int p = split; p < data.partitionCount(); p += splitCount) {
      partitions.add(p);
    }
    if (!data.acquire()) {
      if (connector.isLive(table.id())) {
        throw new QuiverException(ErrorCode.SERIALIZATION_FAILURE, "table " + table + " was changed more than "
            + "once since the query was planned; run the query again");
      }
      throw dropped(table);
    }
    try {
      return new MemorySplitReader(data, partitions, batchCounts, columns, schema.toArrowSchema(), allocator,
          batchSize);
    } catch (RuntimeException | Error e) {
      data.release();
      throw e;
    }
  }

  /** The version the scan was planned against; null (read everything) for a handle without one. */
  private static int[] batchCounts(TableHandle handle, int partitionCount, MemoryTable table) {
    String property = handle.properties().get(MemoryTable.BATCH_COUNTS_PROPERTY);
    if (property == null) {
      return null;
    }
    String[] parts = property.split(",");
    if (parts.length != partitionCount) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the scan of " + table + " names " + parts.length
          + " partitions, the table has " + partitionCount);
    }
    int[] counts = new int[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        counts[i] = Integer.parseInt(parts[i]);
      }
    } catch (NumberFormatException e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "bad batch counts '" + property + "' for " + table, e);
    }
    return counts;
  }

  static QuiverException dropped(Object table) {
    return new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + table + " was dropped while a query read it");
  }
}
