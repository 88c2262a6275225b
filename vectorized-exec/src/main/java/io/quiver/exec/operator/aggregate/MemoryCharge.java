package io.quiver.exec.operator.aggregate;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Charges state that lives in Java arrays to a task allocator, so that an aggregate too large for
 * the task's memory limit fails as such (and a spilling memory manager can see it later). The
 * charge only grows, like the arrays it stands for; {@link #close} releases it.
 */
final class MemoryCharge implements AutoCloseable {

  private final BufferAllocator allocator;
  private final String what;
  private AllocationReservation reservation;
  private long charged;

  /** @param what names the state in the error message ("the state of var_pop") */
  MemoryCharge(BufferAllocator allocator, String what) {
    this.allocator = allocator;
    this.what = what;
  }

  /** Makes the charge at least {@code bytes}. */
  void atLeast(long bytes) {
    if (bytes <= charged || allocator == null) {
      return;
    }
    if (reservation == null) {
      reservation = allocator.newReservation();
    }
    if (!reservation.add(bytes - charged)) {
      throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, what + " needs " + bytes
          + " bytes, more than the task's memory limit allows");
    }
    charged = bytes;
  }

  long charged() {
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
