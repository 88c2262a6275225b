package io.quiver.exec.operator.join;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.RowBuffer;
import io.quiver.exec.operator.aggregate.GroupByHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The build side of a hash join: every build row in one {@link RowBuffer}, a {@link GroupByHash}
 * over the distinct build keys, and per key a chain of the rows that carry it. Rows with a NULL in
 * any key are kept (an outer join emits them) but never chained, so they never match.
 */
final class JoinHashTable implements AutoCloseable {

  private static final int END = -1;

  private final RowBuffer rows;
  private final List<Integer> keyColumns;
  private GroupByHash hash;
  private int[] chainHeads = new int[0];
  private int[] nextInChain = new int[0];
  private boolean hasNullKey;
  private boolean sealed;

  JoinHashTable(Schema schema, List<Integer> keyColumns, BufferAllocator allocator) {
    this.rows = new RowBuffer(schema, allocator);
    this.keyColumns = List.copyOf(keyColumns);
  }

  /** Adds a build batch's rows; the batch is left as is. */
  void add(VectorSchemaRoot batch) {
    if (sealed) {
      throw new IllegalStateException("join hash table is already built");
    }
    rows.append(batch);
  }

  /** Builds the hash table over every row added. */
  void seal() {
    sealed = true;
    int rowCount = rows.rowCount();
    if (rowCount == 0) {
      return;
    }
    List<FieldVector> keys = keys(rows.rows());
    hash = GroupByHash.create(keys);
    int[] groups = new int[rowCount];
    hash.groupIds(keys, rowCount, groups);
    boolean[] keyValid = validKeys(keys, rowCount);
    chainHeads = new int[hash.groupCount()];
    Arrays.fill(chainHeads, END);
    nextInChain = new int[rowCount];
    // prepend from the last row, so each chain lists its rows in input order
    for (int row = rowCount - 1; row >= 0; row--) {
      if (keyValid[row]) {
        nextInChain[row] = chainHeads[groups[row]];
        chainHeads[groups[row]] = row;
      } else {
        hasNullKey = true;
        nextInChain[row] = END;
      }
    }
  }

  private List<FieldVector> keys(VectorSchemaRoot batch) {
    List<FieldVector> keys = new ArrayList<>(keyColumns.size());
    for (int column : keyColumns) {
      keys.add(batch.getVector(column));
    }
    return keys;
  }

  /** True for rows whose every key is non-NULL. */
  static boolean[] validKeys(List<FieldVector> keys, int rowCount) {
    boolean[] valid = new boolean[rowCount];
    Arrays.fill(valid, true);
    boolean[] column = new boolean[rowCount];
    for (FieldVector key : keys) {
      if (!ColumnReader.hasNulls(key, rowCount)) {
        continue;
      }
      ColumnReader.readValidity(key, rowCount, column);
      for (int i = 0; i < rowCount; i++) {
        valid[i] &= column[i];
      }
    }
    return valid;
  }

  /**
   * Fills {@code heads[0..rowCount)} with the first build row matching each probe row's keys, or
   * -1 when none does (always -1 for a NULL probe key).
   */
  void firstMatches(List<FieldVector> probeKeys, int rowCount, int[] heads) {
    if (hash == null) {
      Arrays.fill(heads, 0, rowCount, END);
      return;
    }
    hash.lookup(probeKeys, rowCount, heads);
    for (int i = 0; i < rowCount; i++) {
      int group = heads[i];
      heads[i] = group < 0 ? END : chainHeads[group];
    }
  }

  /** The next build row with the same key as {@code row}, or -1. */
  int nextMatch(int row) {
    return nextInChain[row];
  }

  int rowCount() {
    return rows.rowCount();
  }

  boolean hasNullKey() {
    return hasNullKey;
  }

  VectorSchemaRoot rows() {
    return rows.rows();
  }

  @Override
  public void close() {
    rows.close();
    hash = null;
  }
}
