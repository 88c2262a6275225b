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
    List<Integer> partitions = new ArrayList<>();
    for (int p = split; p < data.partitionCount(); p += splitCount) {
      partitions.add(p);
    }
    if (!data.acquire()) {
      throw dropped(table);
    }
    try {
      return new MemorySplitReader(data, partitions, columns, schema.toArrowSchema(), allocator, batchSize);
    } catch (RuntimeException | Error e) {
      data.release();
      throw e;
    }
  }

  static QuiverException dropped(Object table) {
    return new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + table + " was dropped while a query read it");
  }
}
