package io.quiver.engine;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * @param dataDirectories the directories file tables and table functions may read and write, with
 *     everything below them; empty means the directory the process runs in
 */
public record QuiverConfig(int slots, int shufflePartitions, int batchSize, long memoryLimitBytes,
    long shuffleMemoryBytes, Path spillDirectory, List<Path> dataDirectories) {

  /** System property: the default of {@link #shuffleMemoryBytes()}, in bytes. */
  public static final String SHUFFLE_MEMORY_PROPERTY = "quiver.shuffle.memoryBytes";
  /** System property: the default of {@link #spillDirectory()}. */
  public static final String SPILL_DIRECTORY_PROPERTY = "quiver.spill.directory";
  /**
   * The system property that sets the default data directories (the {@code --data-dir} options of
   * the command line): directories separated by the platform's path separator.
   */
  public static final String DATA_DIRECTORIES_PROPERTY = "quiver.dataDirs";

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
    dataDirectories = List.copyOf(dataDirectories);
  }

  /**
   * A configuration with the default spill settings (see {@link #shuffleMemoryBytes()},
   * {@link #spillDirectory()}) whose data directory is the directory the process runs in.
   */
  public QuiverConfig(int slots, int shufflePartitions, int batchSize, long memoryLimitBytes) {
    this(slots, shufflePartitions, batchSize, memoryLimitBytes, defaultShuffleMemoryBytes(memoryLimitBytes),
        defaultSpillDirectory(), List.of());
  }

  public static QuiverConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new QuiverConfig(cores, 2 * cores, 8192, Runtime.getRuntime().maxMemory() / 2)
        .withDataDirectories(parseDataDirectories(System.getProperty(DATA_DIRECTORIES_PROPERTY, "")));
  }

  /** Directories separated by the path separator ({@code :} on Unix); blanks are skipped. */
  public static List<Path> parseDataDirectories(String text) {
    List<Path> directories = new ArrayList<>();
    for (String part : text.split(File.pathSeparator)) {
      if (!part.isBlank()) {
        directories.add(Path.of(part.trim()));
      }
    }
    return directories;
  }

  public QuiverConfig withSlots(int newSlots) {
    return new QuiverConfig(newSlots, shufflePartitions, batchSize, memoryLimitBytes, shuffleMemoryBytes,
        spillDirectory, dataDirectories);
  }

  public QuiverConfig withShufflePartitions(int partitions) {
    return new QuiverConfig(slots, partitions, batchSize, memoryLimitBytes, shuffleMemoryBytes, spillDirectory,
        dataDirectories);
  }

  public QuiverConfig withBatchSize(int rows) {
    return new QuiverConfig(slots, shufflePartitions, rows, memoryLimitBytes, shuffleMemoryBytes, spillDirectory,
        dataDirectories);
  }

  public QuiverConfig withShuffleMemoryBytes(long bytes) {
    return new QuiverConfig(slots, shufflePartitions, batchSize, memoryLimitBytes, bytes, spillDirectory,
        dataDirectories);
  }

  public QuiverConfig withSpillDirectory(Path directory) {
    return new QuiverConfig(slots, shufflePartitions, batchSize, memoryLimitBytes, shuffleMemoryBytes, directory,
        dataDirectories);
  }

  /** The same configuration confined to these data directories (empty: the working directory). */
  public QuiverConfig withDataDirectories(List<Path> directories) {
    return new QuiverConfig(slots, shufflePartitions, batchSize, memoryLimitBytes, shuffleMemoryBytes,
        spillDirectory, directories);
  }

  /** The data directories in effect: the configured ones, or the working directory. */
  public List<Path> effectiveDataDirectories() {
    return dataDirectories.isEmpty() ? List.of(Path.of("").toAbsolutePath()) : dataDirectories;
  }

  private static long defaultShuffleMemoryBytes(long memoryLimitBytes) {
    String configured = System.getProperty(SHUFFLE_MEMORY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      try {
        return Long.parseLong(configured.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("system property " + SHUFFLE_MEMORY_PROPERTY
            + " is not a number of bytes: '" + configured + "'", e);
      }
    }
    return memoryLimitBytes / 4;
  }

  private static Path defaultSpillDirectory() {
    String configured = System.getProperty(SPILL_DIRECTORY_PROPERTY);
    return configured == null || configured.isBlank() ? null : Path.of(configured.trim());
  }
}
