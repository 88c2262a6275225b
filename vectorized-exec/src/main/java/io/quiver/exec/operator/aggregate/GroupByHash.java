package io.quiver.exec.operator.aggregate;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Assigns dense group ids (0, 1, 2, ... in order of first appearance) to the distinct values of a
 * batch's group-key columns. NULL keys form a group of their own (SQL GROUP BY semantics).
 */
public interface GroupByHash {

  /** Fills {@code groupIds[0..rowCount)} with the group of each row, creating groups as needed. */
  void groupIds(List<FieldVector> keys, int rowCount, int[] groupIds);

  int groupCount();

  /** Writes key {@code keyIndex} of groups {@code from..from+count)} into a fresh output vector. */
  void writeKey(int keyIndex, int from, int count, FieldVector output);

  /** Bytes the table and its stored keys take on the JVM heap (array capacities), for the task's account. */
  long estimatedBytes();

  /** Picks the fastest implementation for the key columns' layouts. */
  static GroupByHash create(List<FieldVector> sampleKeys) {
    if (sampleKeys.size() == 1 && LongGroupByHash.supports(sampleKeys.get(0))) {
      return new LongGroupByHash();
    }
    if (TwoLongGroupByHash.supports(sampleKeys)) {
      return new TwoLongGroupByHash();
    }
    return new MultiColumnGroupByHash(sampleKeys);
  }
}
