package io.quiver.exec.operator.join;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.KeyHashing;
import io.quiver.exec.batch.ValueLayout;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The build side of a hash join, indexed on its key columns, all in primitive arrays over dense
 * build row ids. Rows whose key has a NULL are kept (for outer joins) but never indexed, since a
 * NULL key equals nothing; their ids are listed in {@link #nullKeyRows}.
 *
 * <p>One BIGINT/INTEGER-like key takes a fast path: an open-addressing table (linear probing) of the
 * distinct key values and the first build row of each, side by side in {@code slots};
 * {@code next[row]} links the rows of one key value, so a chain holds only matches and a probe that
 * misses touches one slot. The table is sized for an upper bound of the distinct key values (the
 * number of runs of equal adjacent keys: exact for a build side ordered by its key, as lineitem is
 * by orderkey), not for the rows, and when every key fits in 32 bits a slot packs key and row into
 * one long: half the bytes, so a large build side misses the cache and the TLB less. Two
 * BIGINT/INTEGER-like keys whose build values all fit in 32 bits (partkey and suppkey, say) take the
 * same path, packed into one long key (exact: the packing is one-to-one on such pairs; a probe pair
 * outside the int range matches nothing). Other keys
 * use chained buckets ({@code buckets[hash & mask]} is the first row of a chain, {@code next[row]}
 * the following one) that compare the {@link KeyHashing} hash first, then each column through a
 * {@link JoinKeyColumn}. Hashes are the ones exchanges use, and
 * buckets take the low bits while partitions take the high bits, so a hash-partitioned build side
 * still spreads over the buckets.
 *
 * <p>The index lives in Java arrays, but its size is charged to the task allocator through a
 * reservation, so a build side too large for the task's memory limit fails as such.
 *
 * <p>Probing works a batch at a time: {@link #loadProbe} hashes and reads the probe batch's keys and
 * finds every probe row's first match in one pass over the batch (independent table lookups that
 * the processor overlaps, instead of one cache miss after another), then {@link #firstMatch} and
 * {@link #nextMatch} walk the matching build rows of a probe row.
 */
final class JoinHashTable implements AutoCloseable {

  private static final int END = -1;
  private static final long HIGH_HALF = 0xFFFF_FFFF_0000_0000L;
  private static final long LOW_HALF = 0xFFFF_FFFFL;
  /** A free narrow slot: row END (the key half is irrelevant). */
  private static final long EMPTY_NARROW = -1L;

  private final BuildRows rows;
  private final int keyCount;
  private final boolean singleLongKey;
  /** Two integer keys packed into one long ({@link #pack}) on the single-key path. */
  private final boolean pairKeys;
  private final JoinKeyColumn[] keyColumns;
  private final ValueLayout[] keyLayouts;
  /** Chained path: first row of each hash bucket (null on the single-key path). */
  private final int[] buckets;
  /**
   * Single-key path (null otherwise): slot {@code s} is {@code slots[2s]}, a key value, and
   * {@code slots[2s + 1]}, the first build row of that value or END for a free slot; key and row
   * share a cache line, so a probe costs one miss. When {@link #narrowSlots}, slot {@code s} is
   * {@code slots[s]}: the key in the high 32 bits, the row (END for a free slot) in the low ones.
   */
  private final long[] slots;
  /** Single-key path: every build key fits in an int, so a slot is one long (see {@link #slots}). */
  private final boolean narrowSlots;
  private final int mask;
  private final int[] next;
  private final long[] hashes;
  private final long[] singleKeys;
  private final int[] nullKeyRows;
  private final AllocationReservation reservation;

  private long[] probeHashes = new long[0];
  private long[] probeValues = new long[0];
  private boolean[] probeNull = new boolean[0];
  private long[] scratch = new long[0];
  private int[] probeFirst = new int[0];
  /** Single-key path, when chains are walked: the build row after each probe row's first match. */
  private int[] probeSecond = new int[0];
  private boolean secondsLoaded;

  /**
   * Indexes {@code rows} on the build columns {@code keys}. The table owns the rows from now on; if
   * indexing fails they are released.
   */
  static JoinHashTable build(BuildRows rows, List<Integer> keys) {
    AllocationReservation reservation = null;
    try {
      rows.seal();
      reservation = reserve(rows, keys.size());
      return new JoinHashTable(rows, keys, reservation);
    } catch (RuntimeException | Error e) {
      try {
        if (reservation != null) {
          reservation.close();
        }
      } finally {
        rows.close();
      }
      throw e;
    }
  }

  private JoinHashTable(BuildRows rows, List<Integer> keys, AllocationReservation reservation) {
    this.rows = rows;
    this.reservation = reservation;
    this.keyCount = keys.size();
    int rowCount = rows.rowCount();
    keyLayouts = new ValueLayout[keyCount];
    for (int k = 0; k < keyCount; k++) {
      keyLayouts[k] = rowCount == 0 ? ValueLayout.NULL : ValueLayout.of(rows.chunk(0).getVector(keys.get(k)));
    }
    long[] packedPairs = keyCount == 2 && integerLike(keyLayouts[0]) && integerLike(keyLayouts[1])
        ? packBuildPairs(keys) : null;
    pairKeys = packedPairs != null;
    singleLongKey = pairKeys || keyCount == 1 && integerLike(keyLayouts[0]);
    boolean[] nullKey = new boolean[rowCount];
    if (singleLongKey) {
      singleKeys = pairKeys ? packedPairs : new long[rowCount];
      hashes = null;
      keyColumns = null;
    } else {
      singleKeys = null;
      hashes = keyCount == 0 ? null : new long[rowCount];
      keyColumns = new JoinKeyColumn[keyCount];
      for (int k = 0; k < keyCount; k++) {
        keyColumns[k] = JoinKeyColumn.forLayout(keyLayouts[k]);
        keyColumns[k].loadBuild(rows, keys.get(k));
      }
    }
    int nullCount = readBuildKeys(keys, nullKey);
    nullKeyRows = new int[nullCount];
    if (singleLongKey) {
      int capacity = tableSize(distinctBound(nullKey));
      narrowSlots = fitsInInt(nullKey);
      buckets = null;
      if (narrowSlots) {
        slots = new long[capacity];
        Arrays.fill(slots, EMPTY_NARROW);
      } else {
        slots = new long[2 * capacity];
        for (int slot = 0; slot < capacity; slot++) {
          slots[2 * slot + 1] = END;
        }
      }
      mask = capacity - 1;
    } else {
      narrowSlots = false;
      int capacity = tableSize(rowCount - nullCount);
      buckets = new int[capacity];
      Arrays.fill(buckets, END);
      slots = null;
      mask = capacity - 1;
    }
    next = new int[keyCount == 0 ? 0 : rowCount];
    if (keyCount > 0) {
      int nulls = nullCount;
      // inserted last to first so that each chain lists its rows in build order
      for (int row = rowCount - 1; row >= 0; row--) {
        if (nullKey[row]) {
          nullKeyRows[--nulls] = row;
        } else if (narrowSlots) {
          insertNarrow(row);
        } else if (singleLongKey) {
          insertSingle(row);
        } else {
          int bucket = (int) hashes[row] & mask;
          next[row] = buckets[bucket];
          buckets[bucket] = row;
        }
      }
    }
  }

  /** Puts {@code row} at the head of its key's chain, taking a free slot for a new key value. */
  private void insertSingle(int row) {
    long key = singleKeys[row];
    int slot = (int) KeyHashing.mix(key) & mask;
    while (slots[2 * slot + 1] != END && slots[2 * slot] != key) {
      slot = (slot + 1) & mask;
    }
    next[row] = (int) slots[2 * slot + 1];
    slots[2 * slot] = key;
    slots[2 * slot + 1] = row;
  }

  private static boolean integerLike(ValueLayout layout) {
    return layout == ValueLayout.LONG || layout == ValueLayout.BOOLEAN;
  }

  /** Two int-sized values as one long: one-to-one, so packed keys are equal exactly when both are. */
  private static long pack(long first, long second) {
    return first << 32 | second & LOW_HALF;
  }

  /**
   * The two key columns of every build row packed into one long, or null when a value does not fit
   * in an int (a NULL key's undefined value too: such a table takes the chained path).
   */
  private long[] packBuildPairs(List<Integer> keys) {
    int rowCount = rows.rowCount();
    int chunkRows = Math.min(rowCount, rows.chunkCapacity());
    long[] first = new long[chunkRows];
    long[] second = new long[chunkRows];
    long[] packed = new long[rowCount];
    for (int c = 0; c < rows.chunkCount(); c++) {
      VectorSchemaRoot chunk = rows.chunk(c);
      int count = chunk.getRowCount();
      int base = rows.rowId(c, 0);
      ColumnReader.readLongs(chunk.getVector(keys.get(0)), count, first);
      ColumnReader.readLongs(chunk.getVector(keys.get(1)), count, second);
      boolean fits = true;
      for (int i = 0; i < count; i++) {
        long a = first[i];
        long b = second[i];
        fits &= a == (int) a & b == (int) b;
        packed[base + i] = pack(a, b);
      }
      if (!fits) {
        return null;
      }
    }
    return packed;
  }

  /** {@link #insertSingle} for narrow slots: the key in the high half, the row in the low half. */
  private void insertNarrow(int row) {
    long key = singleKeys[row];
    long high = key << 32;
    int slot = (int) KeyHashing.mix(key) & mask;
    long entry = slots[slot];
    while ((int) entry != END && (entry & HIGH_HALF) != high) {
      slot = (slot + 1) & mask;
      entry = slots[slot];
    }
    next[row] = (int) entry;
    slots[slot] = high | (row & LOW_HALF);
  }

  /**
   * An upper bound of the distinct non-NULL single keys: the runs of equal adjacent keys (NULL rows
   * skipped), exact when the build rows come ordered by their key.
   */
  private int distinctBound(boolean[] nullKey) {
    int runs = 0;
    long previous = 0;
    boolean first = true;
    for (int row = 0; row < singleKeys.length; row++) {
      if (nullKey[row]) {
        continue;
      }
      long key = singleKeys[row];
      if (first || key != previous) {
        runs++;
        first = false;
        previous = key;
      }
    }
    return runs;
  }

  /** True when every non-NULL single key fits in an int (narrow slots). */
  private boolean fitsInInt(boolean[] nullKey) {
    boolean fits = true;
    for (int row = 0; row < singleKeys.length; row++) {
      long key = singleKeys[row];
      fits &= nullKey[row] || key == (int) key;
    }
    return fits;
  }

  /** Charges the index's arrays to the build rows' allocator before they are created. */
  private static AllocationReservation reserve(BuildRows rows, int keyCount) {
    long rowCount = rows.rowCount();
    long bytes = indexBytes(rowCount, keyCount);
    AllocationReservation reservation = rows.allocator().newReservation();
    if (!reservation.add(bytes)) {
      reservation.close();
      throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, "the hash table of a join's build side of "
          + rowCount + " rows needs " + bytes + " bytes more than the task's memory limit allows");
    }
    return reservation;
  }

  /** The bytes the index of {@code rowCount} build rows on {@code keyCount} keys takes (charged when it is built). */
  static long indexBytes(long rowCount, int keyCount) {
    // next, null flags, hashes or key values, per-column key copies, and the buckets (with a key each
    // on the single-key path, which one or two integer keys take)
    if (keyCount == 0) {
      return 0;
    }
    int entries = (int) Math.min(Integer.MAX_VALUE / 2, rowCount * 3 / 2);
    return rowCount * (4 + 1 + 8 + 16L * keyCount) + tableSize(entries) * (keyCount <= 2 ? 16L : 4L);
  }

  private static int tableSize(int entries) {
    int wanted = Math.max(16, entries + (entries >>> 1));
    return Integer.highestOneBit(wanted - 1) << 1;
  }

  /** Reads keys and hashes of every build row, chunk by chunk; returns how many rows have a NULL key. */
  private int readBuildKeys(List<Integer> keys, boolean[] nullKey) {
    if (keyCount == 0) {
      return 0;
    }
    int chunkRows = Math.min(rows.rowCount(), rows.chunkCapacity());
    long[] chunkHashes = new long[chunkRows];
    long[] chunkScratch = new long[chunkRows];
    int nullCount = 0;
    for (int c = 0; c < rows.chunkCount(); c++) {
      VectorSchemaRoot chunk = rows.chunk(c);
      int count = chunk.getRowCount();
      int base = rows.rowId(c, 0);
      if (pairKeys) {
        // packed already
      } else if (singleLongKey) {
        ColumnReader.readLongs(chunk.getVector(keys.get(0)), count, chunkScratch);
        System.arraycopy(chunkScratch, 0, singleKeys, base, count);
      } else {
        for (int k = 0; k < keyCount; k++) {
          KeyHashing.hashColumn(chunk.getVector(keys.get(k)), count, chunkHashes, k == 0, chunkScratch);
        }
        System.arraycopy(chunkHashes, 0, hashes, base, count);
      }
      for (int k = 0; k < keyCount; k++) {
        FieldVector vector = chunk.getVector(keys.get(k));
        if (vector instanceof NullVector) {
          Arrays.fill(nullKey, base, base + count, true);
        } else if (vector.getNullCount() > 0) {
          ArrowBuf validity = vector.getValidityBuffer();
          for (int i = 0; i < count; i++) {
            nullKey[base + i] |= !ColumnReader.isValid(validity, i);
          }
        }
      }
    }
    for (boolean isNull : nullKey) {
      nullCount += isNull ? 1 : 0;
    }
    return nullCount;
  }

  BuildRows rows() {
    return rows;
  }

  int rowCount() {
    return rows.rowCount();
  }

  int keyCount() {
    return keyCount;
  }

  /** Build rows whose key has a NULL, ascending. */
  int[] nullKeyRows() {
    return nullKeyRows;
  }

  /**
   * Hashes and reads the probe keys of {@code batch}'s rows and finds each row's first matching build
   * row; valid until the next call. With {@code chains}, the caller walks the matches with
   * {@link #nextMatch} (not only {@link #hasMatch}): the single-key path then reads each first
   * match's successor in the same pass over the batch, independent loads instead of one cache miss
   * per probe row in the walk (a unique build key, the usual case, has none).
   */
  void loadProbe(VectorSchemaRoot batch, List<Integer> keys, boolean chains) {
    int count = batch.getRowCount();
    secondsLoaded = false;
    if (probeNull.length < count) {
      int capacity = Math.max(count, 1024);
      probeHashes = new long[capacity];
      probeValues = new long[capacity];
      probeNull = new boolean[capacity];
      scratch = new long[capacity];
      probeFirst = new int[capacity];
      probeSecond = new int[capacity];
    }
    Arrays.fill(probeNull, 0, count, false);
    for (int k = 0; k < keyCount; k++) {
      FieldVector vector = batch.getVector(keys.get(k));
      if (vector instanceof NullVector) {
        Arrays.fill(probeNull, 0, count, true);
      } else if (vector.getNullCount() > 0) {
        ArrowBuf validity = vector.getValidityBuffer();
        for (int i = 0; i < count; i++) {
          probeNull[i] |= !ColumnReader.isValid(validity, i);
        }
      }
    }
    if (keyCount == 0 || rows.rowCount() == 0) {
      Arrays.fill(probeFirst, 0, count, END);
      return;
    }
    if (singleLongKey) {
      FieldVector vector = batch.getVector(keys.get(0));
      FieldVector second = pairKeys ? batch.getVector(keys.get(1)) : null;
      if (vector instanceof NullVector || second instanceof NullVector) {
        Arrays.fill(probeFirst, 0, count, END);
        return;
      }
      JoinKeyColumn.checkLayout(keyLayouts[0], vector);
      ColumnReader.readLongs(vector, count, probeValues);
      if (pairKeys) {
        JoinKeyColumn.checkLayout(keyLayouts[1], second);
        ColumnReader.readLongs(second, count, scratch);
        packProbePairs(count);
      }
      if (narrowSlots) {
        findNarrow(count);
      } else {
        findSingle(count);
      }
      if (pairKeys) {
        for (int i = 0; i < count; i++) {
          if (scratch[i] != 0) {
            probeFirst[i] = END;
          }
        }
      }
      if (chains) {
        int[] firsts = probeFirst;
        int[] seconds = probeSecond;
        int[] links = next;
        for (int i = 0; i < count; i++) {
          int row = firsts[i];
          seconds[i] = row == END ? END : links[row];
        }
        secondsLoaded = true;
      }
      return;
    }
    for (int k = 0; k < keyCount; k++) {
      FieldVector vector = batch.getVector(keys.get(k));
      if (keyLayouts[k] != ValueLayout.NULL) {
        JoinKeyColumn.checkLayout(keyLayouts[k], vector);
      }
      KeyHashing.hashColumn(vector, count, probeHashes, k == 0, scratch);
      keyColumns[k].loadProbe(vector, count);
    }
    // the bucket heads first, in a loop of independent loads, then the chains
    for (int i = 0; i < count; i++) {
      probeFirst[i] = buckets[(int) probeHashes[i] & mask];
    }
    for (int i = 0; i < count; i++) {
      probeFirst[i] = probeNull[i] ? END : walk(i, probeFirst[i]);
    }
  }

  /** The single-key path's first matches of the batch's {@code count} probe rows. */
  private void findSingle(int count) {
    long[] values = probeValues;
    long[] table = slots;
    int[] first = probeFirst;
    boolean[] nulls = probeNull;
    for (int i = 0; i < count; i++) {
      long value = values[i];
      int slot = (int) KeyHashing.mix(value) & mask;
      long row = table[2 * slot + 1];
      // a slot holds one key value; an occupied slot of another value sends the probe to the next
      while (row != END && table[2 * slot] != value) {
        slot = (slot + 1) & mask;
        row = table[2 * slot + 1];
      }
      first[i] = nulls[i] ? END : (int) row;
    }
  }

  /**
   * Packs the probe pairs (first values in {@code probeValues}, second ones in {@code scratch}) into
   * {@code probeValues}; {@code scratch} then flags (non-zero) the pairs that cannot match, a value
   * being outside the int range.
   */
  private void packProbePairs(int count) {
    long[] values = probeValues;
    long[] seconds = scratch;
    for (int i = 0; i < count; i++) {
      long a = values[i];
      long b = seconds[i];
      values[i] = pack(a, b);
      seconds[i] = a == (int) a & b == (int) b ? 0 : 1;
    }
  }

  /** {@link #findSingle} over narrow slots; a probe value outside the int range matches nothing. */
  private void findNarrow(int count) {
    long[] values = probeValues;
    long[] table = slots;
    int[] first = probeFirst;
    boolean[] nulls = probeNull;
    for (int i = 0; i < count; i++) {
      long value = values[i];
      long high = value << 32;
      int slot = (int) KeyHashing.mix(value) & mask;
      long entry = table[slot];
      while ((int) entry != END && (entry & HIGH_HALF) != high) {
        slot = (slot + 1) & mask;
        entry = table[slot];
      }
      first[i] = nulls[i] || value != (int) value ? END : (int) entry;
    }
  }

  /** True when probe row {@code probeRow}'s key has a NULL. */
  boolean probeKeyIsNull(int probeRow) {
    return probeNull[probeRow];
  }

  /** The first build row whose key equals probe row {@code probeRow}'s, or -1. Needs at least one key. */
  int firstMatch(int probeRow) {
    return probeFirst[probeRow];
  }

  /** The build row after {@code previous} (a match of {@code probeRow}) that matches too, or -1. */
  int nextMatch(int probeRow, int previous) {
    // the single-key path chains only rows of one key value
    if (singleLongKey) {
      return secondsLoaded && previous == probeFirst[probeRow] ? probeSecond[probeRow] : next[previous];
    }
    return walk(probeRow, next[previous]);
  }

  /** The chained path: the first row from {@code row} on along its chain that matches {@code probeRow}. */
  private int walk(int probeRow, int row) {
    long hash = probeHashes[probeRow];
    while (row != END && !(hashes[row] == hash && keysEqual(probeRow, row))) {
      row = next[row];
    }
    return row;
  }

  private boolean keysEqual(int probeRow, int buildRow) {
    for (JoinKeyColumn column : keyColumns) {
      if (!column.equal(probeRow, buildRow)) {
        return false;
      }
    }
    return true;
  }

  /** True when probe row {@code probeRow} has at least one matching build row. */
  boolean hasMatch(int probeRow) {
    return firstMatch(probeRow) != END;
  }

  @Override
  public void close() {
    try {
      reservation.close();
    } finally {
      rows.close();
    }
  }
}
