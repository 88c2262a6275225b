package io.quiver.testconnector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads the rows {@code from} (inclusive) to {@code to} (exclusive) of the numbers table. */
final class NumbersReader implements io.quiver.spi.SplitReader {

  private static final long PID = ProcessHandle.current().pid();

  private final List<Integer> columns;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final long to;
  private long next;

  NumbersReader(long from, long to, List<Integer> columns, BufferAllocator allocator, int batchSize) {
    this.next = from;
    this.to = to;
    this.columns = List.copyOf(columns);
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  @Override
  public VectorSchemaRoot next() {
    if (next >= to) {
      return null;
    }
    int count = (int) Math.min(batchSize, to - next);
    List<FieldVector> vectors = new ArrayList<>();
    try {
      for (int column : columns) {
        vectors.add(column(column, count));
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    next += count;
    VectorSchemaRoot batch = new VectorSchemaRoot(vectors);
    batch.setRowCount(count);
    return batch;
  }

  private FieldVector column(int column, int count) {
    if (column == 2) {
      VarCharVector labels = new VarCharVector(NumbersConnector.NUMBERS.columns().get(2), allocator);
      labels.allocateNew(count);
      for (int i = 0; i < count; i++) {
        labels.setSafe(i, ("n" + (next + i)).getBytes(StandardCharsets.UTF_8));
      }
      labels.setValueCount(count);
      return labels;
    }
    BigIntVector numbers = new BigIntVector(NumbersConnector.NUMBERS.columns().get(column), allocator);
    numbers.allocateNew(count);
    for (int i = 0; i < count; i++) {
      long n = next + i;
      numbers.set(i, switch (column) {
        case 0 -> n;
        case 1 -> n * n;
        case 3 -> PID;
        default -> throw new IllegalArgumentException("no column " + column);
      });
    }
    numbers.setValueCount(count);
    return numbers;
  }

  @Override
  public void close() {
    // nothing held between batches
  }
}
