package io.quiver.exec.operator.join;

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
    if (closed) {
      throw new IllegalStateException("build rows are closed");
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
   * Copies build column {@code column} of rows {@code rowIds[0..count)} into {@code target} at rows
   * {@code targetStart..}. The row ids must be grouped by chunk in ascending chunk order (see
   * {@link #sortByChunk}); within a chunk any order is fine.
   */
  void gather(int column, int[] rowIds, int count, FieldVector target, int targetStart, int[] scratch) {
    if (count == 0) {
      target.setValueCount(targetStart);
      return;
    }
    if (chunks.size() == 1) {
      RowCopier.append(chunks.get(0).getVector(column), rowIds, 0, count, target, targetStart);
      return;
    }
    int start = 0;
    while (start < count) {
      int chunk = rowIds[start] >>> chunkShift;
      int end = start;
      while (end < count && rowIds[end] >>> chunkShift == chunk) {
        scratch[end] = rowIds[end] & positionMask;
        end++;
      }
      RowCopier.append(chunks.get(chunk).getVector(column), scratch, start, end - start, target,
          targetStart + start);
      start = end;
    }
  }

  /**
   * Reorders the pairs {@code (probeRows[i], rowIds[i])} for {@code i < count} so that row ids are
   * grouped by chunk (a stable counting sort); a no-op with one chunk.
   */
  void sortByChunk(int[] probeRows, int[] rowIds, int count, int[] probeScratch, int[] idScratch) {
    int chunkCount = chunks.size();
    if (chunkCount <= 1 || count < 2) {
      return;
    }
    int[] starts = new int[chunkCount + 1];
    for (int i = 0; i < count; i++) {
      starts[(rowIds[i] >>> chunkShift) + 1]++;
    }
    for (int c = 0; c < chunkCount; c++) {
      starts[c + 1] += starts[c];
    }
    for (int i = 0; i < count; i++) {
      int slot = starts[rowIds[i] >>> chunkShift]++;
      probeScratch[slot] = probeRows[i];
      idScratch[slot] = rowIds[i];
    }
    System.arraycopy(probeScratch, 0, probeRows, 0, count);
    System.arraycopy(idScratch, 0, rowIds, 0, count);
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
