package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import io.quiver.exec.batch.KeyHashing;
import io.quiver.exec.batch.ValueLayout;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * The fast path for one integer-like group key (integer kinds, dates, times, timestamps,
 * booleans): open addressing with linear probing over primitive arrays, keys stored in the table.
 */
final class LongGroupByHash implements GroupByHash {

  private static final int EMPTY = -1;

  private long[] slotKeys = new long[1024];
  private int[] slotGroups = new int[1024];
  private int mask = 1023;
  private long[] groupKeys = new long[1024];
  private int groupCount;
  private int nullGroup = -1;
  private long[] values = new long[0];

  LongGroupByHash() {
    Arrays.fill(slotGroups, EMPTY);
  }

  static boolean supports(FieldVector key) {
    ValueLayout layout = ValueLayout.of(key);
    return layout == ValueLayout.LONG || layout == ValueLayout.BOOLEAN;
  }

  @Override
  public void groupIds(List<FieldVector> keys, int rowCount, int[] groupIds) {
    FieldVector key = keys.get(0);
    if (values.length < rowCount) {
      values = new long[rowCount];
    }
    ColumnReader.readLongs(key, rowCount, values);
    if (key.getNullCount() == 0) {
      for (int i = 0; i < rowCount; i++) {
        groupIds[i] = groupOf(values[i]);
      }
    } else {
      ArrowBuf validity = key.getValidityBuffer();
      for (int i = 0; i < rowCount; i++) {
        if (ColumnReader.isValid(validity, i)) {
          groupIds[i] = groupOf(values[i]);
        } else {
          if (nullGroup < 0) {
            nullGroup = newGroup(0);
          }
          groupIds[i] = nullGroup;
        }
      }
    }
  }

  private int groupOf(long value) {
    int slot = (int) KeyHashing.mix(value) & mask;
    while (true) {
      int group = slotGroups[slot];
      if (group == EMPTY) {
        group = newGroup(value);
        slotKeys[slot] = value;
        slotGroups[slot] = group;
        if (groupCount > (mask + 1) * 3L / 4) {
          grow();
        }
        return group;
      }
      if (slotKeys[slot] == value) {
        return group;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int newGroup(long value) {
    if (groupCount == groupKeys.length) {
      groupKeys = Arrays.copyOf(groupKeys, groupCount * 2);
    }
    groupKeys[groupCount] = value;
    return groupCount++;
  }

  private void grow() {
    int capacity = (mask + 1) * 2;
    long[] oldKeys = slotKeys;
    int[] oldGroups = slotGroups;
    slotKeys = new long[capacity];
    slotGroups = new int[capacity];
    Arrays.fill(slotGroups, EMPTY);
    mask = capacity - 1;
    for (int i = 0; i < oldGroups.length; i++) {
      if (oldGroups[i] != EMPTY) {
        int slot = (int) KeyHashing.mix(oldKeys[i]) & mask;
        while (slotGroups[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        slotKeys[slot] = oldKeys[i];
        slotGroups[slot] = oldGroups[i];
      }
    }
  }

  @Override
  public long estimatedBytes() {
    return slotKeys.length * 8L + slotGroups.length * 4L + groupKeys.length * 8L + values.length * 8L;
  }

  @Override
  public int groupCount() {
    return groupCount;
  }

  @Override
  public void writeKey(int keyIndex, int from, int count, FieldVector output) {
    boolean[] valid = null;
    if (nullGroup >= from && nullGroup < from + count) {
      valid = new boolean[from + count];
      Arrays.fill(valid, true);
      valid[nullGroup] = false;
    }
    ColumnWriter.writeLongs(output, groupKeys, valid, from, count);
  }
}
