package io.quiver.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * How a local cluster is set up.
 *
 * @param slots executor slots (tasks that run at once); default one per core
 * @param shufflePartitions partitions of a hash or round-robin exchange; default 2 x slots
 * @param batchSize the most rows in one batch
 * @param memoryLimitBytes the most memory all running queries' buffers may hold
 * @param dataDirectories the directories file tables and table functions may read and write, with
 *     everything below them; empty means the directory the process runs in
 */
public record QuiverConfig(int slots, int shufflePartitions, int batchSize, long memoryLimitBytes,
    List<Path> dataDirectories) {

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
    dataDirectories = List.copyOf(dataDirectories);
  }

  /** A configuration whose data directory is the directory the process runs in. */
  public QuiverConfig(int slots, int shufflePartitions, int batchSize, long memoryLimitBytes) {
    this(slots, shufflePartitions, batchSize, memoryLimitBytes, List.of());
  }

  /**
   * The system property that sets the default data directories (the {@code --data-dir} options of
   * the command line): directories separated by the platform's path separator.
   */
  public static final String DATA_DIRECTORIES_PROPERTY = "quiver.dataDirs";

  public static QuiverConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new QuiverConfig(cores, 2 * cores, 8192, Runtime.getRuntime().maxMemory() / 2,
        parseDataDirectories(System.getProperty(DATA_DIRECTORIES_PROPERTY, "")));
  }

  /** Directories separated by the path separator ({@code :} on Unix); blanks are skipped. */
  public static List<Path> parseDataDirectories(String text) {
    List<Path> directories = new java.util.ArrayList<>();
    for (String part : text.split(java.io.File.pathSeparator)) {
      if (!part.isBlank()) {
        directories.add(Path.of(part.trim()));
      }
    }
    return directories;
  }

  public QuiverConfig withSlots(int newSlots) {
    return new QuiverConfig(newSlots, shufflePartitions, batchSize, memoryLimitBytes, dataDirectories);
  }

  public QuiverConfig withShufflePartitions(int partitions) {
    return new QuiverConfig(slots, partitions, batchSize, memoryLimitBytes, dataDirectories);
  }

  public QuiverConfig withBatchSize(int rows) {
    return new QuiverConfig(slots, shufflePartitions, rows, memoryLimitBytes, dataDirectories);
  }

  /** The same configuration confined to these data directories (empty: the working directory). */
  public QuiverConfig withDataDirectories(List<Path> directories) {
    return new QuiverConfig(slots, shufflePartitions, batchSize, memoryLimitBytes, directories);
  }

  /** The data directories in effect: the configured ones, or the working directory. */
  public List<Path> effectiveDataDirectories() {
    return dataDirectories.isEmpty() ? List.of(Path.of("").toAbsolutePath()) : dataDirectories;
  }
}
