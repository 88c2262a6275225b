package io.quiver.exec.operator.join;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.batch.RowCopier;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of a join's build side, copied into chunks of {@code 2^chunkShift} rows allocated from
 * the task allocator. A build row is addressed by one int: its chunk in the high bits and its
 * position in the chunk in the low {@code chunkShift} bits, so row ids are dense
 * ({@code 0..rowCount)}) and the hash table needs only primitive int arrays.
 *
 * <p>Copying into few large chunks (rather than keeping every input batch) bounds how many source
 * vectors a gather must visit and lets small input batches be freed at once.
 */
final class BuildRows implements AutoCloseable {

  /** Rows per chunk, as a power of two: about a million rows, so most build sides fit in one chunk. */
  static final int DEFAULT_CHUNK_SHIFT = 20;

  private final int chunkShift;
  private final int chunkRows;
  private final int positionMask;

  private final Schema schema;
  private final BufferAllocator allocator;
  private final List<VectorSchemaRoot> chunks = new ArrayList<>();
  private int rowCount;
  private BuildColumn[] columns;
  private boolean closed;

  BuildRows(Schema schema, BufferAllocator allocator, int chunkShift) {
    if (chunkShift < 1 || chunkShift > 24) {
      throw new IllegalArgumentException("chunk shift " + chunkShift);
    }
    this.schema = schema;
    this.allocator = allocator;
    this.chunkShift = chunkShift;
    this.chunkRows = 1 << chunkShift;
    this.positionMask = chunkRows - 1;
  }

  Schema schema() {
    return schema;
  }

  BufferAllocator allocator() {
    return allocator;
  }

  int chunkShift() {
    return chunkShift;
  }

  /** The build row id of position {@code position} in chunk {@code chunk}. */
  int rowId(int chunk, int position) {
    return (chunk << chunkShift) | position;
  }

  /** The most rows a chunk holds. */
  int chunkCapacity() {
    return chunkRows;
  }

  /** Copies every row of {@code batch} (which stays with the caller) after the rows held so far. */
  void append(VectorSchemaRoot batch) {
    if (closed || columns != null) {
      throw new IllegalStateException("build rows are closed or sealed");
    }
    if (batch.getFieldVectors().size() != schema.getFields().size()) {
      throw new IllegalArgumentException("build batch has " + batch.getFieldVectors().size()
          + " columns, the join's build side " + schema.getFields().size());
    }
    int rows = batch.getRowCount();
    if ((long) rowCount + rows > Integer.MAX_VALUE - chunkRows) {
      throw new IllegalStateException("join build side exceeds " + (Integer.MAX_VALUE - chunkRows) + " rows");
    }
    int from = 0;
    while (from < rows) {
      int position = rowCount & positionMask;
      if (position == 0) {
        chunks.add(VectorSchemaRoot.create(schema, allocator));
      }
      VectorSchemaRoot chunk = chunks.get(chunks.size() - 1);
      int count = Math.min(rows - from, chunkRows - position);
      for (int column = 0; column < schema.getFields().size(); column++) {
        RowCopier.append(batch.getVector(column), null, from, count, chunk.getVector(column), position);
      }
      chunk.setRowCount(position + count);
      rowCount += count;
      from += count;
    }
  }

  /** Bytes of Arrow buffers the chunks hold. */
  long allocatedBytes() {
    long bytes = 0;
    for (VectorSchemaRoot chunk : chunks) {
      bytes += Batches.allocatedBytes(chunk);
    }
    return bytes;
  }

  /** Bytes of Arrow buffers the chunk being filled holds (it may double as it grows). */
  long growingChunkBytes() {
    return chunks.isEmpty() ? 0 : Batches.allocatedBytes(chunks.get(chunks.size() - 1));
  }

  int rowCount() {
    return rowCount;
  }

  int chunkCount() {
    return chunks.size();
  }

  VectorSchemaRoot chunk(int index) {
    return chunks.get(index);
  }

  int columnCount() {
    return schema.getFields().size();
  }

  /**
   * Ends appending: from now on the chunks' buffers are fixed, and rows can be gathered with
   * {@link #gather}. Idempotent.
   */
  void seal() {
    if (columns != null) {
      return;
    }
    columns = new BuildColumn[schema.getFields().size()];
    for (int column = 0; column < columns.length; column++) {
      columns[column] = new BuildColumn(chunks, column, chunkShift);
    }
  }

  /**
   * Writes build column {@code column} of rows {@code rowIds[0..count)} (in any order, from any
   * chunks) into rows {@code 0..count)} of the fresh vector {@code target}. Only once sealed.
   */
  void gather(int column, int[] rowIds, int count, FieldVector target) {
    if (columns == null) {
      throw new IllegalStateException("build rows are not sealed");
    }
    columns[column].gather(rowIds, count, target);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    for (VectorSchemaRoot chunk : chunks) {
      try {
        chunk.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    chunks.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
