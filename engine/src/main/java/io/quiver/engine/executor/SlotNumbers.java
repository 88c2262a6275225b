package io.quiver.engine.executor;

import java.util.BitSet;

/**
 * Which slots of one executor are busy, so that a task can be told its slot's number (0 to slots - 1)
 * and the system tables and the UI can show what ran side by side. A task takes the lowest free
 * number; its executor never runs more tasks than it has slots, so a number is always free.
 * Thread-safe.
 */
public final class SlotNumbers {

  private final int slots;
  private final BitSet busy;

  public SlotNumbers(int slots) {
    this.slots = slots;
    this.busy = new BitSet(slots);
  }

  /** The lowest free slot number, now busy. */
  public synchronized int take() {
    int slot = busy.nextClearBit(0);
    if (slot >= slots) {
      throw new IllegalStateException("all " + slots + " slots are busy");
    }
    busy.set(slot);
    return slot;
  }

  /** The slot is free again. */
  public synchronized void release(int slot) {
    busy.clear(slot);
  }
}
