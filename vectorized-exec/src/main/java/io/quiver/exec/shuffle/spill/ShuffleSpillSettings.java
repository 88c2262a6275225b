package io.quiver.exec.shuffle.spill;

import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/**
 * When and where shuffle output goes to disk.
 *
 * <p>A map task's output is written to an Arrow IPC file in {@code directory} instead of being kept
 * in memory once the shuffle's in-memory data would reach {@code memoryBudgetBytes}, or once the
 * engine as a whole has less than a quarter of the shuffle allocator's limit left. A budget of 0
 * spills every map output that has rows; {@link #disabled()} never spills.
 *
 * @param memoryBudgetBytes the most bytes of shuffle data kept in memory before map outputs spill
 * @param directory where spill files go (a new subdirectory per shuffle service is made in it);
 *     null for the system's temporary directory
 */
public record ShuffleSpillSettings(long memoryBudgetBytes, Path directory) {

  /** The share of the shuffle allocator's limit that the default budget takes. */
  public static final int DEFAULT_BUDGET_DIVISOR = 4;

  public ShuffleSpillSettings {
    if (memoryBudgetBytes < 0) {
      throw new IllegalArgumentException("shuffle memory budget must not be negative, was " + memoryBudgetBytes);
    }
  }

  /** Keeps every map output in memory. */
  public static ShuffleSpillSettings disabled() {
    return new ShuffleSpillSettings(Long.MAX_VALUE, null);
  }

  /** A budget of a quarter of {@code allocator}'s limit, spilling to the temporary directory. */
  public static ShuffleSpillSettings defaultsFor(BufferAllocator allocator) {
    return new ShuffleSpillSettings(allocator.getLimit() / DEFAULT_BUDGET_DIVISOR, null);
  }

  public boolean enabled() {
    return memoryBudgetBytes != Long.MAX_VALUE;
  }
}
