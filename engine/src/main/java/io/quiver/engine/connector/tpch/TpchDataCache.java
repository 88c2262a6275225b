package io.quiver.engine.connector.tpch;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generated TPC-H columns kept on the Java heap between queries, so that a table is generated once
 * and later scans only copy it into Arrow vectors (generating costs about a microsecond a row;
 * copying a few nanoseconds). Filled by complete reads of a split; a column is added only while the
 * cache stays within its byte budget, and nothing is ever evicted, so what is cached stays
 * predictable. The data is exactly what the generator makes; only where it comes from changes.
 */
public final class TpchDataCache {

  /** Which split of which table. */
  record SplitKey(String table, double scaleFactor, int split, int splitCount) {
  }

  /**
   * The cached columns of one split. Chunk boundaries (rows per chunk) are set by the first
   * complete read; later reads add columns only if their batches had the same boundaries.
   */
  static final class CachedSplit {
    private final int[] chunkRows;
    private final Map<Integer, List<TpchChunk>> columns = new ConcurrentHashMap<>();

    CachedSplit(int[] chunkRows) {
      this.chunkRows = chunkRows.clone();
    }

    int chunkCount() {
      return chunkRows.length;
    }

    int chunkRows(int chunk) {
      return chunkRows[chunk];
    }

    TpchChunk chunk(int column, int chunk) {
      return columns.get(column).get(chunk);
    }

    boolean hasColumns(List<Integer> wanted) {
      return columns.keySet().containsAll(wanted);
    }
  }

  private final long budgetBytes;
  private final AtomicLong usedBytes = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final Map<SplitKey, CachedSplit> splits = new ConcurrentHashMap<>();

  /** @param budgetBytes the most heap bytes the cached columns may take; 0 turns caching off */
  public TpchDataCache(long budgetBytes) {
    if (budgetBytes < 0) {
      throw new IllegalArgumentException("budget must not be negative, was " + budgetBytes);
    }
    this.budgetBytes = budgetBytes;
  }

  /** A quarter of the heap, or the bytes the system property {@code quiver.tpch.cacheBytes} gives. */
  public static long defaultBudgetBytes() {
    String configured = System.getProperty("quiver.tpch.cacheBytes");
    if (configured != null) {
      return Long.parseLong(configured.trim());
    }
    return Runtime.getRuntime().maxMemory() / 4;
  }

  public boolean enabled() {
    return budgetBytes > 0;
  }

  /** Heap bytes the cached columns take now. */
  public long usedBytes() {
    return usedBytes.get();
  }

  /** Bytes that may still be cached. */
  long remainingBytes() {
    return budgetBytes - usedBytes.get();
  }

  /** Scans served from the cache so far. */
  public long hits() {
    return hits.get();
  }

  /** Drops everything cached; scans still running keep the chunks they hold. */
  public void clear() {
    splits.clear();
    usedBytes.set(0);
  }

  /** The split if every one of {@code columns} is cached, else null. */
  CachedSplit lookup(SplitKey key, List<Integer> columns) {
    CachedSplit split = splits.get(key);
    if (split == null || !split.hasColumns(columns)) {
      return null;
    }
    hits.incrementAndGet();
    return split;
  }

  /**
   * Offers the columns of a complete read of a split.
   *
   * @param chunkRows rows in each chunk, in order
   * @param columns chunks per table column ordinal, one per entry of {@code chunkRows}
   */
  void offer(SplitKey key, int[] chunkRows, Map<Integer, List<TpchChunk>> columns) {
    if (!enabled()) {
      return;
    }
    CachedSplit split = splits.computeIfAbsent(key, k -> new CachedSplit(chunkRows));
    if (!Arrays.equals(split.chunkRows, chunkRows)) {
      return;
    }
    for (Map.Entry<Integer, List<TpchChunk>> column : columns.entrySet()) {
      if (split.columns.containsKey(column.getKey())) {
        continue;
      }
      long size = column.getValue().stream().mapToLong(TpchChunk::sizeInBytes).sum();
      if (usedBytes.addAndGet(size) > budgetBytes) {
        usedBytes.addAndGet(-size);
        continue;
      }
      if (split.columns.putIfAbsent(column.getKey(), List.copyOf(column.getValue())) != null) {
        usedBytes.addAndGet(-size);
      }
    }
  }
}
