package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import io.quiver.exec.batch.KeyHashing;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * The fast path for two integer-like group keys: both values and a two-bit NULL mask stored in the
 * table itself, probed with linear probing over primitive arrays.
 */
final class TwoLongGroupByHash implements GroupByHash {

  private static final int EMPTY = -1;

  private int[] slotGroups = new int[1024];
  private int mask = 1023;
  private long[] firstKeys = new long[1024];
  private long[] secondKeys = new long[1024];
  private byte[] nullMasks = new byte[1024];
  private long[] groupHashes = new long[1024];
  private int groupCount;
  private long[] first = new long[0];
  private long[] second = new long[0];
  private byte[] rowNulls = new byte[0];
  private boolean[] validScratch = new boolean[0];

  TwoLongGroupByHash() {
    Arrays.fill(slotGroups, EMPTY);
  }

  static boolean supports(List<FieldVector> keys) {
    return keys.size() == 2 && LongGroupByHash.supports(keys.get(0)) && LongGroupByHash.supports(keys.get(1));
  }

  @Override
  public void groupIds(List<FieldVector> keys, int rowCount, int[] groupIds) {
    probe(keys, rowCount, groupIds);
  }

  private void probe(List<FieldVector> keys, int rowCount, int[] groupIds) {
    if (first.length < rowCount) {
      first = new long[rowCount];
      second = new long[rowCount];
      rowNulls = new byte[rowCount];
    }
    FieldVector firstKey = keys.get(0);
    FieldVector secondKey = keys.get(1);
    ColumnReader.readLongs(firstKey, rowCount, first);
    ColumnReader.readLongs(secondKey, rowCount, second);
    Arrays.fill(rowNulls, 0, rowCount, (byte) 0);
    markNulls(firstKey, rowCount, first, 1);
    markNulls(secondKey, rowCount, second, 2);
    for (int row = 0; row < rowCount; row++) {
      long a = first[row];
      long b = second[row];
      byte nulls = rowNulls[row];
      // the same combination as KeyHashing over the two columns, so NULL hashes as NULL_HASH
      long hash = KeyHashing.combine((nulls & 1) != 0 ? KeyHashing.NULL_HASH : KeyHashing.mix(a),
          (nulls & 2) != 0 ? KeyHashing.NULL_HASH : KeyHashing.mix(b));
      int slot = (int) hash & mask;
      while (true) {
        int group = slotGroups[slot];
        if (group == EMPTY) {
          group = newGroup(a, b, nulls, hash);
          slotGroups[slot] = group;
          if (groupCount > (mask + 1) * 3L / 4) {
            grow();
          }
          groupIds[row] = group;
          break;
        }
        if (firstKeys[group] == a && secondKeys[group] == b && nullMasks[group] == nulls) {
          groupIds[row] = group;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /** Marks NULL rows in {@code rowNulls} with {@code bit} and zeroes their value, so NULLs compare equal. */
  private void markNulls(FieldVector vector, int rowCount, long[] values, int bit) {
    if (vector.getNullCount() == 0) {
      return;
    }
    ArrowBuf validity = vector.getValidityBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (!ColumnReader.isValid(validity, i)) {
        rowNulls[i] |= (byte) bit;
        values[i] = 0;
      }
    }
  }

  @Override
  public long estimatedBytes() {
    return slotGroups.length * 4L + (firstKeys.length + secondKeys.length + groupHashes.length) * 8L
        + nullMasks.length + (first.length + second.length) * 8L + rowNulls.length + validScratch.length;
  }

  private int newGroup(long a, long b, byte nulls, long hash) {
    if (groupCount == firstKeys.length) {
      int capacity = groupCount * 2;
      firstKeys = Arrays.copyOf(firstKeys, capacity);
      secondKeys = Arrays.copyOf(secondKeys, capacity);
      nullMasks = Arrays.copyOf(nullMasks, capacity);
      groupHashes = Arrays.copyOf(groupHashes, capacity);
    }
    firstKeys[groupCount] = a;
    secondKeys[groupCount] = b;
    nullMasks[groupCount] = nulls;
    groupHashes[groupCount] = hash;
    return groupCount++;
  }

  private void grow() {
    int capacity = (mask + 1) * 2;
    slotGroups = new int[capacity];
    Arrays.fill(slotGroups, EMPTY);
    mask = capacity - 1;
    for (int group = 0; group < groupCount; group++) {
      int slot = (int) groupHashes[group] & mask;
      while (slotGroups[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      slotGroups[slot] = group;
    }
  }

  @Override
  public int groupCount() {
    return groupCount;
  }

  @Override
  public void writeKey(int keyIndex, int from, int count, FieldVector output) {
    int bit = keyIndex == 0 ? 1 : 2;
    if (validScratch.length < from + count) {
      validScratch = new boolean[Math.max(from + count, groupCount)];
    }
    boolean[] valid = validScratch;
    for (int group = from; group < from + count; group++) {
      valid[group] = (nullMasks[group] & bit) == 0;
    }
    ColumnWriter.writeLongs(output, keyIndex == 0 ? firstKeys : secondKeys, valid, from, count);
  }
}
