package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.KeyHashing;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Group ids for any number and mix of key columns: open addressing over the rows' combined
 * {@link KeyHashing} hash, keys stored per column in {@link KeyColumn}s, hash compared before keys.
 */
final class MultiColumnGroupByHash implements GroupByHash {

  private static final int EMPTY = -1;

  private final KeyColumn[] columns;
  private int[] slots = new int[1024];
  private int mask = 1023;
  private long[] groupHashes = new long[1024];
  private int groupCount;
  private long[] hashes = new long[0];
  private long[] scratch = new long[0];

  MultiColumnGroupByHash(List<FieldVector> sampleKeys) {
    columns = new KeyColumn[sampleKeys.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = KeyColumn.forVector(sampleKeys.get(i));
    }
    Arrays.fill(slots, EMPTY);
  }

  @Override
  public void groupIds(List<FieldVector> keys, int rowCount, int[] groupIds) {
    probe(keys, rowCount, groupIds);
  }

  private void probe(List<FieldVector> keys, int rowCount, int[] groupIds) {
    if (hashes.length < rowCount) {
      hashes = new long[rowCount];
      scratch = new long[rowCount];
    }
    if (columns.length == 0) {
      Arrays.fill(hashes, 0, rowCount, 0L);
    }
    for (int k = 0; k < columns.length; k++) {
      FieldVector key = keys.get(k);
      KeyHashing.hashColumn(key, rowCount, hashes, k == 0, scratch);
      columns[k].load(key, rowCount);
    }
    for (int row = 0; row < rowCount; row++) {
      long hash = hashes[row];
      int slot = (int) hash & mask;
      while (true) {
        int group = slots[slot];
        if (group == EMPTY) {
          group = newGroup(hash, row);
          slots[slot] = group;
          groupIds[row] = group;
          if (groupCount > (mask + 1) * 3L / 4) {
            grow();
          }
          break;
        }
        if (groupHashes[group] == hash && keysEqual(group, row)) {
          groupIds[row] = group;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  private boolean keysEqual(int group, int row) {
    for (KeyColumn column : columns) {
      if (!column.rowEquals(group, row)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public long estimatedBytes() {
    long bytes = slots.length * 4L + groupHashes.length * 8L + (hashes.length + scratch.length) * 8L;
    for (KeyColumn column : columns) {
      bytes += column.estimatedBytes();
    }
    return bytes;
  }

  private int newGroup(long hash, int row) {
    if (groupCount == groupHashes.length) {
      groupHashes = Arrays.copyOf(groupHashes, groupCount * 2);
    }
    groupHashes[groupCount] = hash;
    for (KeyColumn column : columns) {
      column.appendRow(row);
    }
    return groupCount++;
  }

  private void grow() {
    int capacity = (mask + 1) * 2;
    slots = new int[capacity];
    Arrays.fill(slots, EMPTY);
    mask = capacity - 1;
    for (int group = 0; group < groupCount; group++) {
      int slot = (int) groupHashes[group] & mask;
      while (slots[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = group;
    }
  }

  @Override
  public int groupCount() {
    return groupCount;
  }

  @Override
  public void writeKey(int keyIndex, int from, int count, FieldVector output) {
    columns[keyIndex].write(from, count, output);
  }
}
