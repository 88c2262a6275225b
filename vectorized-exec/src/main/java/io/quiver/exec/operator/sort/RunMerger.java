package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.shuffle.spill.SpillFile;
import io.quiver.exec.shuffle.spill.SpillFileReader;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A k-way merge of sorted runs: holds the current batch of each run, and emits batches of rows in
 * key order, copying each stretch of consecutive rows that come from one run at once. Ties keep
 * the runs' order. Owns the runs: {@link #close} closes the readers and deletes the files.
 */
final class RunMerger implements AutoCloseable {

  private final List<SpillFile> runs;
  private final Schema schema;
  private final List<SortKey> keys;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final SpillFileReader[] readers;
  private final VectorSchemaRoot[] batches;
  private final BatchSortKeys[] batchKeys;
  private final int[] positions;
  private final PriorityQueue<Integer> heads;
  private boolean started;

  RunMerger(List<SpillFile> runs, Schema schema, List<SortKey> keys, BufferAllocator allocator, int batchSize) {
    this.runs = List.copyOf(runs);
    this.schema = schema;
    this.keys = keys;
    this.allocator = allocator;
    this.batchSize = batchSize;
    int count = runs.size();
    readers = new SpillFileReader[count];
    batches = new VectorSchemaRoot[count];
    batchKeys = new BatchSortKeys[count];
    positions = new int[count];
    heads = new PriorityQueue<>(Math.max(1, count), this::compareHeads);
  }

  private int compareHeads(int left, int right) {
    int comparison = batchKeys[left].compare(positions[left], batchKeys[right], positions[right]);
    return comparison != 0 ? comparison : Integer.compare(left, right);
  }

  /** The next batch of merged rows (owned by the caller), or null when every run is used up. */
  VectorSchemaRoot next() {
    if (!started) {
      started = true;
      for (int run = 0; run < runs.size(); run++) {
        readers[run] = runs.get(run).openReader(0, allocator);
        if (advanceBatch(run)) {
          heads.add(run);
        }
      }
    }
    if (heads.isEmpty()) {
      return null;
    }
    VectorSchemaRoot output = VectorSchemaRoot.create(schema, allocator);
    try {
      int rows = 0;
      while (rows < batchSize && !heads.isEmpty()) {
        int run = heads.poll();
        Integer rival = heads.peek();
        int from = positions[run];
        int end = batches[run].getRowCount();
        int limit = Math.min(end, from + batchSize - rows);
        int to = from + 1;
        while (to < limit && (rival == null || beforeOrTies(run, to, rival))) {
          to++;
        }
        for (int column = 0; column < output.getFieldVectors().size(); column++) {
          RowCopier.append(batches[run].getVector(column), null, from, to - from, output.getVector(column), rows);
        }
        rows += to - from;
        positions[run] = to;
        if (to < end || advanceBatch(run)) {
          heads.add(run);
        }
      }
      output.setRowCount(rows);
      return output;
    } catch (RuntimeException | Error e) {
      output.close();
      throw e;
    }
  }

  /** True when row {@code row} of {@code run} comes no later than the rival run's head. */
  private boolean beforeOrTies(int run, int row, int rival) {
    int comparison = batchKeys[run].compare(row, batchKeys[rival], positions[rival]);
    return comparison < 0 || (comparison == 0 && run < rival);
  }

  /** Loads the run's next non-empty batch; false (and the reader closed) when the run is used up. */
  private boolean advanceBatch(int run) {
    if (batches[run] != null) {
      batches[run].close();
      batches[run] = null;
      batchKeys[run] = null;
    }
    VectorSchemaRoot batch;
    while ((batch = readers[run].next()) != null) {
      if (batch.getRowCount() > 0) {
        batches[run] = batch;
        batchKeys[run] = new BatchSortKeys(batch, keys);
        positions[run] = 0;
        return true;
      }
      batch.close();
    }
    readers[run].close();
    return false;
  }

  @Override
  public void close() {
    for (int run = 0; run < runs.size(); run++) {
      if (batches[run] != null) {
        batches[run].close();
        batches[run] = null;
      }
      if (readers[run] != null) {
        readers[run].close();
      }
      runs.get(run).delete();
    }
  }
}
