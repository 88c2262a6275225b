package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.shuffle.spill.SpillFile;
import io.quiver.exec.shuffle.spill.SpillFileWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The sorted runs an external sort wrote to disk: each an Arrow IPC file in the task's spill
 * directory whose rows are in key order. {@link #merger} merges them back; when there are more runs
 * than {@link #FAN_IN}, groups of runs are first merged into longer runs, so that the final merge
 * holds at most {@code FAN_IN} batches in memory. {@link #close} deletes every file.
 */
final class SortedRuns implements AutoCloseable {

  /** The most runs merged at once (one batch of each is in memory during the merge). */
  static final int FAN_IN = 64;

  private final Schema schema;
  private final List<SortKey> keys;
  private final TaskMemory memory;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final List<SpillFile> runs = new ArrayList<>();

  SortedRuns(Schema schema, List<SortKey> keys, TaskMemory memory, BufferAllocator allocator, int batchSize) {
    this.schema = schema;
    this.keys = keys;
    this.memory = memory;
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  int count() {
    return runs.size();
  }

  /** Writes rows {@code order[0..count)} of {@code rows} as one run; returns its bytes on disk. */
  long write(VectorSchemaRoot rows, int[] order, int count) {
    try (SpillFileWriter writer = new SpillFileWriter(memory.newSpillFile("sort-run"), schema, 1, allocator)) {
      for (int from = 0; from < count; from += batchSize) {
        try (VectorSchemaRoot batch = RowCopier.copyRows(rows, order, from, Math.min(batchSize, count - from),
            allocator)) {
          writer.write(0, batch);
        }
      }
      return add(writer.finish());
    }
  }

  private long add(SpillFile run) {
    runs.add(run);
    memory.spilled(run.sizeInBytes());
    return run.sizeInBytes();
  }

  /**
   * Merges every run into one stream of sorted batches; the runs are handed to the merger, which
   * deletes them as it closes.
   */
  RunMerger merger() {
    while (runs.size() > FAN_IN) {
      List<SpillFile> group = new ArrayList<>(runs.subList(0, FAN_IN));
      runs.subList(0, FAN_IN).clear();
      try (RunMerger merger = new RunMerger(group, schema, keys, allocator, batchSize);
          SpillFileWriter writer = new SpillFileWriter(memory.newSpillFile("sort-run"), schema, 1, allocator)) {
        for (VectorSchemaRoot batch = merger.next(); batch != null; batch = merger.next()) {
          try {
            writer.write(0, batch);
          } finally {
            batch.close();
          }
        }
        add(writer.finish());
      }
    }
    List<SpillFile> all = new ArrayList<>(runs);
    runs.clear();
    return new RunMerger(all, schema, keys, allocator, batchSize);
  }

  @Override
  public void close() {
    runs.forEach(SpillFile::delete);
    runs.clear();
  }
}
