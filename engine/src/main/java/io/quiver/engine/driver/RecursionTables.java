package io.quiver.engine.driver;

import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.recursive.RecursionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The working and result tables of the recursive queries that run now (connector
 * {@value RecursionTable#CONNECTOR}): batches the driver holds between the jobs of a recursive
 * query, which its scans read. A table's content is replaced as a whole (a new list of batches)
 * between jobs, never while a job reads it. Split s of n reads the batches whose index is s mod n,
 * each copied into the reading task's allocator. Thread-safe. The batches belong to the query that
 * made them ({@link RecursiveQueryRunner}), which frees them.
 */
final class RecursionTables implements TableDataSource {

  private final Map<String, List<VectorSchemaRoot>> tables = new ConcurrentHashMap<>();

  private static String key(TableHandle handle) {
    return handle.schema() + "/" + handle.table();
  }

  @Override
  public String connectorName() {
    return RecursionTable.CONNECTOR;
  }

  /** Makes the table's content {@code batches} (which stay owned by the caller). */
  void set(TableHandle table, List<VectorSchemaRoot> batches) {
    tables.put(key(table), List.copyOf(batches));
  }

  /** Forgets the tables (their batches are the caller's to free). */
  void remove(List<TableHandle> handles) {
    handles.forEach(handle -> tables.remove(key(handle)));
  }

  @Override
  public SplitReader open(TableHandle table, List<Integer> columns, RowSchema schema, int split, int splitCount,
      BufferAllocator allocator, int batchSize) {
    List<VectorSchemaRoot> batches = tables.get(key(table));
    if (batches == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "recursive query table " + table + " is not there");
    }
    List<VectorSchemaRoot> mine = new ArrayList<>();
    for (int i = split; i < batches.size(); i += splitCount) {
      mine.add(batches.get(i));
    }
    return new SplitReader() {
      private int next;

      @Override
      public VectorSchemaRoot next() {
        if (next >= mine.size()) {
          return null;
        }
        VectorSchemaRoot source = mine.get(next++);
        VectorSchemaRoot copy = VectorSchemaRoot.create(schema.toArrowSchema(), allocator);
        try {
          int rows = source.getRowCount();
          for (int i = 0; i < columns.size(); i++) {
            RowCopier.append(source.getVector(columns.get(i)), null, 0, rows, copy.getVector(i), 0);
          }
          copy.setRowCount(rows);
          return copy;
        } catch (RuntimeException | Error e) {
          copy.close();
          throw e;
        }
      }

      @Override
      public void close() {
        next = mine.size();
      }
    };
  }
}
