package io.quiver.engine;

import java.nio.file.Path;

/**
 * How a local cluster is set up.
 *
 * @param slots executor slots (tasks that run at once); default one per core
 * @param shufflePartitions partitions of a hash or round-robin exchange; default 2 x slots
 * @param batchSize the most rows in one batch
 * @param memoryLimitBytes the most memory all running queries' buffers may hold
 * @param shuffleMemoryBytes the most bytes of shuffle data kept in memory; map outputs beyond it are
 *     spilled to Arrow IPC files in {@code spillDirectory} (0 spills every map output,
 *     {@link Long#MAX_VALUE} never spills). Default a quarter of {@code memoryLimitBytes}, or the
 *     system property {@value #SHUFFLE_MEMORY_PROPERTY}
 * @param spillDirectory where spill files go (each engine makes its own subdirectory and deletes it
 *     when it closes); null for the system's temporary directory, or the system property
 *     {@value #SPILL_DIRECTORY_PROPERTY}
 */
public record QuiverConfig(int slots, int shufflePartitions, int batchSize, long memoryLimitBytes,
    long shuffleMemoryBytes, Path spillDirectory) {

  /** System property: the default of {@link #shuffleMemoryBytes()}, in bytes. */
  public static final String SHUFFLE_MEMORY_PROPERTY = "quiver.shuffle.memoryBytes";
  /** System property: the default of {@link #spillDirectory()}. */
  public static final String SPILL_DIRECTORY_PROPERTY = "quiver.spill.directory";

  public QuiverConfig {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, was " + slots);
    }
    if (shufflePartitions < 1) {
      throw new IllegalArgumentException("shufflePartitions must be at least 1, was " + shufflePartitions);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    if (shuffleMemoryBytes < 0) {
      throw new IllegalArgumentException("shuffleMemoryBytes must not be negative, was " + shuffleMemoryBytes);
    }
  }

  /** A configuration with the default spill settings (see {@link #shuffleMemoryBytes()}, {@link #spillDirectory()}). */
  public QuiverConfig(int slots, int shufflePartitions, int batchSize, long memoryLimitBytes) {
    this(slots, shufflePartitions, batchSize, memoryLimitBytes, defaultShuffleMemoryBytes(memoryLimitBytes),
        defaultSpillDirectory());
  }

  public static QuiverConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new QuiverConfig(cores, 2 * cores, 8192, Runtime.getRuntime().maxMemory() / 2);
  }

  public QuiverConfig withSlots(int newSlots) {
    return new QuiverConfig(newSlots, shufflePartitions, batchSize, memoryLimitBytes, shuffleMemoryBytes, spillDirectory);
  }

  public QuiverConfig withShufflePartitions(int partitions) {
    return new QuiverConfig(slots, partitions, batchSize, memoryLimitBytes, shuffleMemoryBytes, spillDirectory);
  }

  public QuiverConfig withBatchSize(int rows) {
    return new QuiverConfig(slots, shufflePartitions, rows, memoryLimitBytes, shuffleMemoryBytes, spillDirectory);
  }

  public QuiverConfig withShuffleMemoryBytes(long bytes) {
    return new QuiverConfig(slots, shufflePartitions, batchSize, memoryLimitBytes, bytes, spillDirectory);
  }

  public QuiverConfig withSpillDirectory(Path directory) {
    return new QuiverConfig(slots, shufflePartitions, batchSize, memoryLimitBytes, shuffleMemoryBytes, directory);
  }

  private static long defaultShuffleMemoryBytes(long memoryLimitBytes) {
    String configured = System.getProperty(SHUFFLE_MEMORY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      try {
        return Long.parseLong(configured.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("system property " + SHUFFLE_MEMORY_PROPERTY + " is not a number of bytes: '"
            + configured + "'", e);
      }
    }
    return memoryLimitBytes / 4;
  }

  private static Path defaultSpillDirectory() {
    String configured = System.getProperty(SPILL_DIRECTORY_PROPERTY);
    return configured == null || configured.isBlank() ? null : Path.of(configured.trim());
  }
}
