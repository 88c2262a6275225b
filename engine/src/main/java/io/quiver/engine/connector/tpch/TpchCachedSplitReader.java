package io.quiver.engine.connector.tpch;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Reads a split from the {@link TpchDataCache}: copies cached chunks into batches of at most batchSize rows. */
final class TpchCachedSplitReader implements SplitReader {

  private final TpchDataCache.CachedSplit split;
  private final List<Integer> columns;
  private final Schema arrowSchema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private int chunk;
  private int rowInChunk;
  private boolean closed;

  TpchCachedSplitReader(TpchDataCache.CachedSplit split, List<Integer> columns, RowSchema schema,
      BufferAllocator allocator, int batchSize) {
    this.split = split;
    this.columns = List.copyOf(columns);
    this.arrowSchema = schema.toArrowSchema();
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  @Override
  public VectorSchemaRoot next() {
    while (!closed && chunk < split.chunkCount() && rowInChunk >= split.chunkRows(chunk)) {
      chunk++;
      rowInChunk = 0;
    }
    if (closed || chunk >= split.chunkCount()) {
      close();
      return null;
    }
    int count = Math.min(batchSize, split.chunkRows(chunk) - rowInChunk);
    VectorSchemaRoot batch = VectorSchemaRoot.create(arrowSchema, allocator);
    try {
      for (int i = 0; i < columns.size(); i++) {
        split.chunk(columns.get(i), chunk).fill(batch.getVector(i), rowInChunk, count);
      }
      batch.setRowCount(count);
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
    rowInChunk += count;
    return batch;
  }

  @Override
  public void close() {
    closed = true;
  }
}
