package io.quiver.exec.operator.window;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The working arrays of one chunk of partitions (positions, frame bounds, running values), charged
 * to the task's allocator before they are created: a reservation holds their bytes against the
 * allocator's limit for as long as the chunk is computed. A chunk that does not fit fails with
 * MEMORY_LIMIT_EXCEEDED naming the window, before the JVM heap is touched.
 */
final class ChunkMemory implements AutoCloseable {

  private final BufferAllocator allocator;
  private final AllocationReservation reservation;
  private final String window;
  private final int rows;

  /**
   * @param window the window, as the error names it
   * @param rows the chunk's rows, as the error reports them
   */
  ChunkMemory(BufferAllocator allocator, String window, int rows) {
    this.allocator = allocator;
    this.reservation = allocator.newReservation();
    this.window = window;
    this.rows = rows;
  }

  /**
   * The task's allocator, for working state that lives in Arrow buffers or charges itself (the
   * accumulators of window aggregates); whoever allocates from it releases what it allocated.
   */
  BufferAllocator allocator() {
    return allocator;
  }

  long[] longs(int count) {
    reserve(8L * count);
    return new long[count];
  }

  int[] ints(int count) {
    reserve(4L * count);
    return new int[count];
  }

  double[] doubles(int count) {
    reserve(8L * count);
    return new double[count];
  }

  boolean[] booleans(int count) {
    reserve(count);
    return new boolean[count];
  }

  /** Charges {@code bytes} more (for arrays made elsewhere, such as object arrays). */
  void reserve(long bytes) {
    if (bytes > 0 && !reservation.add(bytes)) {
      throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, "the window " + window + " over a partition of "
          + rows + " rows needs " + (reservation.getSizeLong() + bytes)
          + " bytes of working memory, more than the task's memory limit allows");
    }
  }

  @Override
  public void close() {
    reservation.close();
  }
}
