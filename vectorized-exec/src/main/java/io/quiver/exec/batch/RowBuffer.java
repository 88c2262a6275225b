package io.quiver.exec.batch;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** All rows received so far, appended into one growing set of vectors (buffers double as needed). */
public final class RowBuffer implements AutoCloseable {

  private final VectorSchemaRoot rows;
  private int rowCount;

  public RowBuffer(Schema schema, BufferAllocator allocator) {
    rows = VectorSchemaRoot.create(schema, allocator);
  }

  /** Appends the batch's rows; the batch is left as is. */
  public void append(VectorSchemaRoot batch) {
    if (batch.getRowCount() == 0) {
      return;
    }
    RowCopier.appendBatch(batch, rows, rowCount);
    rowCount += batch.getRowCount();
  }

  /** Appends rows {@code positions[from..from+count)} of {@code source}. */
  public void append(VectorSchemaRoot source, int[] positions, int from, int count) {
    for (int column = 0; column < rows.getFieldVectors().size(); column++) {
      RowCopier.append(source.getVector(column), positions, from, count, rows.getVector(column), rowCount);
    }
    rowCount += count;
    rows.setRowCount(rowCount);
  }

  public int rowCount() {
    return rowCount;
  }

  /** The rows so far; owned by the buffer. */
  public VectorSchemaRoot rows() {
    return rows;
  }

  @Override
  public void close() {
    rows.close();
  }
}
