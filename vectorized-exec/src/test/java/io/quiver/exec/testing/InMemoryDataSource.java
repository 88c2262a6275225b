package io.quiver.exec.testing;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A connector over rows held in Java lists. Split s of n holds the rows whose index is s mod n.
 * A table named "failing" throws after its first batch.
 */
public final class InMemoryDataSource implements TableDataSource {

  private final Map<String, List<List<Object>>> tables = new HashMap<>();
  private final AtomicInteger openReaders = new AtomicInteger();

  public void add(String table, List<List<Object>> rows) {
    tables.put(table, rows);
  }

  public static TableHandle handle(String table) {
    return new TableHandle("memory", "test", table, Map.of());
  }

  public int openReaders() {
    return openReaders.get();
  }

  @Override
  public String connectorName() {
    return "memory";
  }

  @Override
  public SplitReader open(TableHandle table, List<Integer> columns, RowSchema schema, int split, int splitCount,
      BufferAllocator allocator, int batchSize) {
    List<List<Object>> all = tables.get(table.table());
    if (all == null) {
      throw new IllegalArgumentException("no table " + table);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int i = split; i < all.size(); i += splitCount) {
      List<Object> row = new ArrayList<>();
      for (int column : columns) {
        row.add(all.get(i).get(column));
      }
      rows.add(row);
    }
    boolean failing = table.table().equals("failing");
    openReaders.incrementAndGet();
    return new SplitReader() {
      private int next;
      private boolean closed;

      @Override
      public VectorSchemaRoot next() {
        if (failing && next > 0) {
          throw new IllegalStateException("disk on fire");
        }
        if (next >= rows.size()) {
          return null;
        }
        int end = Math.min(rows.size(), next + batchSize);
        VectorSchemaRoot batch = TestTables.batch(allocator, schema, rows.subList(next, end));
        next = end;
        return batch;
      }

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          openReaders.decrementAndGet();
        }
      }
    };
  }
}
