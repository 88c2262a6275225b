package io.quiver.engine.connector.tpch;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.type.RowSchema;
import io.trino.tpch.TpchEntity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Generates one split of a TPC-H table: part {@code split + 1} of {@code splitCount} of the
 * library's generator (its parts are 1-based). Gathers up to a batch of generated rows, captures
 * each requested column in one loop, and copies it into the batch's vectors. When a cache is given
 * and has room, the captured columns of a complete read are offered to it.
 */
final class TpchSplitReader<E extends TpchEntity> implements SplitReader {

  private final Iterator<E> rows;
  private final TpchTableDefinition<E> definition;
  private final List<Integer> columns;
  private final List<Integer> distinctColumns;
  private final Schema arrowSchema;
  private final BufferAllocator allocator;
  private final E[] batchRows;
  private final TpchDataCache cache;
  private final TpchDataCache.SplitKey cacheKey;
  private Map<Integer, List<TpchChunk>> collected;
  private List<Integer> collectedRows;
  private long collectedBytes;
  private boolean closed;

  /** @param cache where complete reads are offered; null for none */
  @SuppressWarnings("unchecked")
  TpchSplitReader(TpchTableDefinition<E> definition, double scaleFactor, int split, int splitCount,
      List<Integer> columns, RowSchema schema, BufferAllocator allocator, int batchSize, TpchDataCache cache,
      TpchDataCache.SplitKey cacheKey) {
    this.rows = definition.generator().createGenerator(scaleFactor, split + 1, splitCount).iterator();
    this.definition = definition;
    this.columns = List.copyOf(columns);
    this.distinctColumns = columns.stream().distinct().toList();
    this.arrowSchema = schema.toArrowSchema();
    this.allocator = allocator;
    this.batchRows = (E[]) new TpchEntity[batchSize];
    this.cache = cache;
    this.cacheKey = cacheKey;
    if (cache != null && cache.enabled()) {
      collected = new LinkedHashMap<>();
      distinctColumns.forEach(column -> collected.put(column, new ArrayList<>()));
      collectedRows = new ArrayList<>();
    }
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      return null;
    }
    int count = 0;
    while (count < batchRows.length && rows.hasNext()) {
      batchRows[count++] = rows.next();
    }
    if (count == 0) {
      offerToCache();
      close();
      return null;
    }
    Map<Integer, TpchChunk> chunks = new LinkedHashMap<>();
    try {
      for (int column : distinctColumns) {
        chunks.put(column, definition.columns().get(column).values().capture(batchRows, count));
      }
    } finally {
      Arrays.fill(batchRows, 0, count, null);
    }
    collect(chunks, count);
    VectorSchemaRoot batch = VectorSchemaRoot.create(arrowSchema, allocator);
    try {
      for (int i = 0; i < columns.size(); i++) {
        chunks.get(columns.get(i)).fill(batch.getVector(i), 0, count);
      }
      batch.setRowCount(count);
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
    return batch;
  }

  private void collect(Map<Integer, TpchChunk> chunks, int count) {
    if (collected == null) {
      return;
    }
    for (TpchChunk chunk : chunks.values()) {
      collectedBytes += chunk.sizeInBytes();
    }
    if (collectedBytes > cache.remainingBytes()) {
      // It would not fit: stop holding on to it.
      collected = null;
      collectedRows = null;
      return;
    }
    chunks.forEach((column, chunk) -> collected.get(column).add(chunk));
    collectedRows.add(count);
  }

  private void offerToCache() {
    if (collected != null) {
      cache.offer(cacheKey, collectedRows.stream().mapToInt(Integer::intValue).toArray(), collected);
      collected = null;
      collectedRows = null;
    }
  }

  /** Stops reading; an incomplete read is not cached. */
  @Override
  public void close() {
    closed = true;
    collected = null;
    collectedRows = null;
  }
}
