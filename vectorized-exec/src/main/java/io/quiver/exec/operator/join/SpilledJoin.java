package io.quiver.exec.operator.join;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.shuffle.spill.SpillFile;
import io.quiver.exec.shuffle.spill.SpillFileReader;
import io.quiver.exec.task.CancellationToken;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The grace hash join of a join whose build side did not fit: the build rows are in a partition file
 * ({@link JoinPartitionWriter}); the probe rows go to another one, partitioned alike, as they come.
 * When the probe side ends, partition pairs are joined one at a time: the build partition is read
 * into a hash table and the probe partition streamed through it by a {@link JoinProbe}, which also
 * emits the partition's unmatched build rows for outer joins. Each key's build and probe rows share a
 * partition, so the union of the partitions' joins is the join, for every join type.
 *
 * <p>A build partition that does not fit either is split again, both sides, into partitions of the
 * next level (another hash seed), up to {@link #MAX_LEVEL}; when splitting leaves all its rows in one
 * partition they share one key, and more splitting cannot help: the join fails with 53200 naming
 * itself.
 *
 * <p>NOT IN (NULL_AWARE_ANTI, without a residual condition) keeps rows with a NULL key apart: a NULL
 * build key excludes every probe row, so nothing is probed then; otherwise a NULL probe key is
 * excluded by the (non-empty) build side, and the other probe rows are probed by partition.
 *
 * <p>A file is deleted as soon as its last partition was joined or split; {@link #close} deletes all
 * that are left. One call of {@link #next} joins at most one probe batch's worth or loads (or splits)
 * one partition. Not thread-safe.
 */
final class SpilledJoin implements AutoCloseable {

  /** How many times a partition may be split again before the join gives up. */
  static final int MAX_LEVEL = 6;
  private static final int MAX_STEPS_PER_CALL = 16;

  /** One build partition and its probe partition, to be joined. */
  private record Work(JoinPartitionWriter.Partitioned build, JoinPartitionWriter.Partitioned probe, int partition) {
  }

  private final String name;
  private final JoinType joinType;
  private final List<Integer> buildKeys;
  private final List<Integer> probeKeys;
  private final Schema buildSchema;
  private final Schema probeSchema;
  private final int chunkShift;
  private final BuildMemory memory;
  private final JoinProbe prober;
  private final BufferAllocator allocator;
  private final CancellationToken cancellation;
  private final boolean buildOuter;
  private final boolean nullAware;
  private final JoinPartitionWriter.Partitioned build;
  private final Map<SpillFile, Integer> pendingPartitions = new IdentityHashMap<>();
  private final Deque<Work> work = new ArrayDeque<>();
  /** NOT IN with a NULL build key: no probe row is emitted, and none is kept. */
  private final boolean emptyResult;

  private JoinPartitionWriter probeWriter;
  private boolean probeDone;
  private Work current;
  private SpillFileReader probeReader;
  private boolean done;

  /**
   * Takes over the build side's partition file and starts the probe side's.
   *
   * @param prober joins each partition; the caller keeps and closes it
   */
  SpilledJoin(String name, JoinType joinType, List<Integer> buildKeys, List<Integer> probeKeys, Schema buildSchema,
      Schema probeSchema, int chunkShift, JoinPartitionWriter.Partitioned build, BuildMemory memory, JoinProbe prober,
      BufferAllocator allocator, CancellationToken cancellation) {
    this.name = name;
    this.joinType = joinType;
    this.buildKeys = buildKeys;
    this.probeKeys = probeKeys;
    this.buildSchema = buildSchema;
    this.probeSchema = probeSchema;
    this.chunkShift = chunkShift;
    this.memory = memory;
    this.prober = prober;
    this.allocator = allocator;
    this.cancellation = cancellation;
    this.buildOuter = joinType == JoinType.BUILD_OUTER || joinType == JoinType.FULL_OUTER;
    this.nullAware = joinType == JoinType.NULL_AWARE_ANTI;
    this.build = build;
    this.emptyResult = nullAware && build.rows(JoinPartitionWriter.NULL_KEYS) > 0;
    try {
      if (!emptyResult) {
        probeWriter = writer("probe", probeSchema, probeKeys, 0);
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  static boolean canSpill(JoinType joinType, int keyCount, boolean hasResidual) {
    // NOT IN with a residual condition pairs a NULL probe key with every build row: no partitioning
    return keyCount > 0 && !(joinType == JoinType.NULL_AWARE_ANTI && hasResidual);
  }

  private JoinPartitionWriter writer(String side, Schema schema, List<Integer> keys, int level) {
    return new JoinPartitionWriter(memory.memory(), side, schema, keys, level, nullAware, allocator);
  }

  /** Writes a probe batch (owned from now on) to its partitions. */
  void addProbe(VectorSchemaRoot batch) {
    try (batch) {
      if (probeWriter != null) {
        probeWriter.write(batch);
      }
    }
  }

  /** The probe side ended: the partitions are joined from now on. Idempotent. */
  void finishProbe() {
    if (probeDone) {
      return;
    }
    probeDone = true;
    if (probeWriter == null) {
      return;
    }
    JoinPartitionWriter writer = probeWriter;
    probeWriter = null;
    JoinPartitionWriter.Partitioned probe = writer.finish();
    pendingPartitions.put(probe.file(), 0);
    pendingPartitions.put(build.file(), 0);
    for (int p = JoinPartitionWriter.PARTITIONS - 1; p >= 0; p--) {
      add(new Work(build, probe, p));
    }
    if (nullAware && build.totalRows() == 0) {
      // x NOT IN (empty) is TRUE even for a NULL x
      add(new Work(build, probe, JoinPartitionWriter.NULL_KEYS));
    }
  }

  private void add(Work item) {
    work.push(item);
    pendingPartitions.merge(item.build().file(), 1, Integer::sum);
    pendingPartitions.merge(item.probe().file(), 1, Integer::sum);
  }

  boolean isDone() {
    return done;
  }

  /** The next output batch, or null when this call produced none (see {@link #isDone}). */
  VectorSchemaRoot next() {
    for (int step = 0; step < MAX_STEPS_PER_CALL && !done; step++) {
      if (prober.probing()) {
        VectorSchemaRoot output = prober.next();
        if (output != null) {
          return output;
        }
        continue;
      }
      if (!probeDone) {
        return null;
      }
      if (current != null) {
        VectorSchemaRoot output = continuePartition();
        if (output != null) {
          return output;
        }
        continue;
      }
      if (work.isEmpty()) {
        done = true;
        return null;
      }
      Work item = work.pop();
      if (skippable(item)) {
        finished(item);
        continue;
      }
      JoinHashTable table = load(item);
      if (table != null) {
        prober.load(table);
        current = item;
        probeReader = item.probe().file().openReader(item.partition(), allocator);
        return null;
      }
    }
    return null;
  }

  /** Feeds the current partition's next probe batch, or ends the partition; returns output if any. */
  private VectorSchemaRoot continuePartition() {
    if (probeReader != null) {
      VectorSchemaRoot batch = probeReader.next();
      if (batch != null) {
        prober.addProbe(batch);
        return null;
      }
      probeReader.close();
      probeReader = null;
    }
    if (buildOuter) {
      VectorSchemaRoot output = prober.nextUnmatchedBuildRows();
      if (output != null) {
        return output;
      }
    }
    prober.releaseTable();
    finished(current);
    current = null;
    return null;
  }

  /** A partition whose join is empty whatever it holds. */
  private boolean skippable(Work item) {
    boolean noProbe = item.probe().rows(item.partition()) == 0;
    boolean noBuild = item.build().rows(item.partition()) == 0;
    return noProbe && !buildOuter
        || noBuild && (joinType == JoinType.INNER || joinType == JoinType.SEMI || joinType == JoinType.BUILD_OUTER);
  }

  /** The hash table of a build partition, or null when it did not fit and was split instead. */
  private JoinHashTable load(Work item) {
    BuildRows rows = new BuildRows(buildSchema, allocator, chunkShift);
    try {
      try (SpillFileReader reader = item.build().file().openReader(item.partition(), allocator)) {
        for (VectorSchemaRoot next = reader.next(); next != null; next = reader.next()) {
          try (VectorSchemaRoot batch = next) {
            cancellation.throwIfCancelled();
            if (!memory.roomFor(rows, batch)) {
              if (rows.rowCount() == 0) {
                // not even one batch fits: smaller partitions would not either
                throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, name + " has no room left for even "
                    + batch.getRowCount() + " build rows in the task's memory limit");
              }
              rows.close();
              split(item);
              return null;
            }
            rows.append(batch);
          }
        }
      }
      if (!memory.roomForIndex(rows)) {
        rows.close();
        split(item);
        return null;
      }
    } catch (RuntimeException | Error e) {
      rows.close();
      throw e;
    }
    return JoinHashTable.build(rows, buildKeys);
  }

  /** Splits a partition that does not fit into partitions of the next level, both sides. */
  private void split(Work item) {
    int level = item.build().level() + 1;
    long rows = item.build().rows(item.partition());
    if (level > MAX_LEVEL) {
      throw tooLarge(rows);
    }
    JoinPartitionWriter.Partitioned build = rewrite(item.build(), item.partition(), "build", buildSchema, buildKeys,
        level);
    JoinPartitionWriter.Partitioned probe;
    try {
      for (int p = 0; p < JoinPartitionWriter.PARTITIONS; p++) {
        if (build.rows(p) == rows && rows > 1) {
          // every row in one partition again: one key, which no split divides
          throw tooLarge(rows);
        }
      }
      probe = rewrite(item.probe(), item.partition(), "probe", probeSchema, probeKeys, level);
    } catch (RuntimeException | Error e) {
      build.file().delete();
      throw e;
    }
    pendingPartitions.put(build.file(), 0);
    pendingPartitions.put(probe.file(), 0);
    for (int p = JoinPartitionWriter.PARTITIONS - 1; p >= 0; p--) {
      add(new Work(build, probe, p));
    }
    finished(item);
  }

  private QuiverException tooLarge(long rows) {
    return new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, name + " cannot hold the " + rows
        + " build rows of one key (or of keys no split divides) in the task's memory limit, even after"
        + " spilling to disk");
  }

  private JoinPartitionWriter.Partitioned rewrite(JoinPartitionWriter.Partitioned from, int partition, String side,
      Schema schema, List<Integer> keys, int level) {
    try (JoinPartitionWriter writer = writer(side, schema, keys, level);
        SpillFileReader reader = from.file().openReader(partition, allocator)) {
      for (VectorSchemaRoot next = reader.next(); next != null; next = reader.next()) {
        try (VectorSchemaRoot batch = next) {
          cancellation.throwIfCancelled();
          writer.write(batch);
        }
      }
      return writer.finish();
    }
  }

  private void finished(Work item) {
    release(item.build().file());
    release(item.probe().file());
  }

  /** One partition of {@code file} less to join; deletes the file after its last. */
  private void release(SpillFile file) {
    Integer left = pendingPartitions.get(file);
    if (left == null) {
      return;
    }
    if (left <= 1) {
      pendingPartitions.remove(file);
      file.delete();
    } else {
      pendingPartitions.put(file, left - 1);
    }
  }

  /** Deletes every file left (the prober's table is the caller's to close). */
  @Override
  public void close() {
    done = true;
    if (probeReader != null) {
      probeReader.close();
      probeReader = null;
    }
    if (probeWriter != null) {
      probeWriter.close();
      probeWriter = null;
    }
    for (SpillFile file : pendingPartitions.keySet()) {
      file.delete();
    }
    pendingPartitions.clear();
    build.file().delete();
    work.clear();
  }
}
