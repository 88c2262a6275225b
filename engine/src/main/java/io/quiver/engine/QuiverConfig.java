package io.quiver.engine;

/**
 * How a local cluster is set up.
 *
 * @param slots executor slots (tasks that run at once); default one per core
 * @param shufflePartitions partitions of a hash or round-robin exchange; default 2 x slots
 * @param batchSize the most rows in one batch
 * @param memoryLimitBytes the most memory all running queries' buffers may hold
 */
public record QuiverConfig(int slots, int shufflePartitions, int batchSize, long memoryLimitBytes) {

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
  }

  public static QuiverConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new QuiverConfig(cores, 2 * cores, 8192, Runtime.getRuntime().maxMemory() / 2);
  }

  public QuiverConfig withSlots(int newSlots) {
    return new QuiverConfig(newSlots, shufflePartitions, batchSize, memoryLimitBytes);
  }

  public QuiverConfig withShufflePartitions(int partitions) {
    return new QuiverConfig(slots, partitions, batchSize, memoryLimitBytes);
  }

  public QuiverConfig withBatchSize(int rows) {
    return new QuiverConfig(slots, shufflePartitions, rows, memoryLimitBytes);
  }
}
