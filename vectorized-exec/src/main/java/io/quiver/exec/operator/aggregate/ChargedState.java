package io.quiver.exec.operator.aggregate;

import org.apache.arrow.memory.BufferAllocator;

/**
 * A {@link GroupedState} whose per-group arrays are charged to the task allocator: each group costs
 * {@code bytesPerGroup} bytes besides the count every group has.
 */
abstract class ChargedState extends GroupedState {

  private final MemoryCharge charge;
  private final int bytesPerGroup;

  ChargedState(BufferAllocator allocator, String name, int bytesPerGroup) {
    this.charge = new MemoryCharge(allocator, "the state of " + name);
    this.bytesPerGroup = bytesPerGroup;
  }

  @Override
  public void ensureCapacity(int groupCount) {
    if (counts.length < groupCount) {
      int capacity = Math.max(groupCount, Math.max(16, counts.length * 2));
      charge.atLeast((long) capacity * (bytesPerGroup + Long.BYTES));
    }
    super.ensureCapacity(groupCount);
  }

  @Override
  public void close() {
    charge.close();
  }
}
