package io.quiver.exec.operator.sink;

import io.quiver.exec.batch.RowCopier;
import java.util.function.ObjIntConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Deals the rows of incoming batches out to partitions, gathering each partition's rows into a
 * batch of its own that is emitted once it holds {@code batchSize} rows (and at {@link #flush}).
 * Rows are grouped by partition with a counting sort, then copied a partition at a time.
 */
final class PartitionedBatchBuilder implements AutoCloseable {

  private final Schema schema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final VectorSchemaRoot[] pending;
  private final int[] pendingRows;
  private final ObjIntConsumer<VectorSchemaRoot> emit;
  private int[] positions = new int[0];
  private final int[] starts;

  /** @param emit receives (batch, partition); takes ownership of the batch */
  PartitionedBatchBuilder(Schema schema, int partitionCount, BufferAllocator allocator, int batchSize,
      ObjIntConsumer<VectorSchemaRoot> emit) {
    this.schema = schema;
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.pending = new VectorSchemaRoot[partitionCount];
    this.pendingRows = new int[partitionCount];
    this.starts = new int[partitionCount + 1];
    this.emit = emit;
  }

  /** Adds the rows of {@code batch}, row i to partition {@code partitions[i]}; the batch is left as is. */
  void add(VectorSchemaRoot batch, int[] partitions) {
    int rows = batch.getRowCount();
    if (positions.length < rows) {
      positions = new int[rows];
    }
    java.util.Arrays.fill(starts, 0);
    for (int i = 0; i < rows; i++) {
      starts[partitions[i] + 1]++;
    }
    for (int p = 0; p < pending.length; p++) {
      starts[p + 1] += starts[p];
    }
    int[] cursor = starts.clone();
    for (int i = 0; i < rows; i++) {
      positions[cursor[partitions[i]]++] = i;
    }
    for (int p = 0; p < pending.length; p++) {
      int from = starts[p];
      int count = starts[p + 1] - from;
      while (count > 0) {
        if (pending[p] == null) {
          pending[p] = VectorSchemaRoot.create(schema, allocator);
          pendingRows[p] = 0;
        }
        int take = Math.min(count, batchSize - pendingRows[p]);
        VectorSchemaRoot target = pending[p];
        for (int column = 0; column < target.getFieldVectors().size(); column++) {
          RowCopier.append(batch.getVector(column), positions, from, take, target.getVector(column), pendingRows[p]);
        }
        pendingRows[p] += take;
        target.setRowCount(pendingRows[p]);
        from += take;
        count -= take;
        if (pendingRows[p] >= batchSize) {
          emit(p);
        }
      }
    }
  }

  private void emit(int partition) {
    VectorSchemaRoot batch = pending[partition];
    pending[partition] = null;
    pendingRows[partition] = 0;
    emit.accept(batch, partition);
  }

  /** Emits every partition's partial batch. */
  void flush() {
    for (int p = 0; p < pending.length; p++) {
      if (pending[p] != null) {
        emit(p);
      }
    }
  }

  @Override
  public void close() {
    for (int p = 0; p < pending.length; p++) {
      if (pending[p] != null) {
        pending[p].close();
        pending[p] = null;
      }
    }
  }
}
