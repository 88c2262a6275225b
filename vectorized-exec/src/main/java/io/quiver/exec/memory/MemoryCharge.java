package io.quiver.exec.memory;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Charges state that lives in Java arrays (hash tables, group keys, accumulators) to a task
 * allocator through a reservation, so that the task's memory limit bounds it like Arrow buffers and
 * a state too large fails with MEMORY_LIMIT_EXCEEDED (53200) naming its owner instead of a JVM
 * OutOfMemoryError. A spilling owner gives the charge back with {@link #releaseTo} once its state
 * went to disk. {@link #close} releases all of it. Not thread-safe: one operator owns it.
 */
public final class MemoryCharge implements AutoCloseable {

  private final BufferAllocator allocator;
  private final String what;
  private AllocationReservation reservation;
  private long charged;

  /** @param what names the state in the error message ("the state of var_pop") */
  public MemoryCharge(BufferAllocator allocator, String what) {
    this.allocator = allocator;
    this.what = what;
  }

  /** Makes the charge at least {@code bytes}, or fails with MEMORY_LIMIT_EXCEEDED naming the state. */
  public void atLeast(long bytes) {
    if (!tryAtLeast(bytes)) {
      throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, what + " needs " + bytes
          + " bytes, more than the task's memory limit allows");
    }
  }

  /** Makes the charge at least {@code bytes} if the allocator allows it; false (charge unchanged) if not. */
  public boolean tryAtLeast(long bytes) {
    if (bytes <= charged || allocator == null) {
      return true;
    }
    if (reservation == null) {
      reservation = allocator.newReservation();
    }
    if (!reservation.add(bytes - charged)) {
      return false;
    }
    charged = bytes;
    return true;
  }

  /**
   * Lowers the charge to {@code bytes} (state went to disk or was dropped). A reservation cannot
   * shrink, so the old one is released and a new one of the smaller size taken; should another
   * task take the room in between, the charge drops to what could be had and grows again later.
   */
  public void releaseTo(long bytes) {
    if (bytes >= charged || allocator == null) {
      return;
    }
    close();
    if (bytes > 0) {
      tryAtLeast(bytes);
    }
  }

  public long charged() {
    return charged;
  }

  @Override
  public void close() {
    if (reservation != null) {
      reservation.close();
      reservation = null;
    }
    charged = 0;
  }
}
