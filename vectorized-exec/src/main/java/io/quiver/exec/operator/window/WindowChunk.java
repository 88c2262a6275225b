package io.quiver.exec.operator.window;

import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.WindowFrame;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * Whole partitions of the window's input, ready to be computed: rows {@code 0..rowCount)} of the
 * chunk are consecutive rows of the held batches. It gives the window functions what they read —
 * partition and peer-group bounds, frame bounds, argument columns as primitive arrays — each made
 * once and shared by every call that needs it, with its memory charged to {@link ChunkMemory}.
 */
final class WindowChunk {

  private final List<HeldBatch> batches;
  private final int[] segmentStarts;
  private final int[] segmentFirstRows;
  private final int rowCount;
  private final ChunkMemory memory;
  private final List<SortKey> orderKeys;
  private int[] partitionStarts;
  private int[] peerStart;
  private int[] peerEnd;
  private final Map<WindowFrame, FrameBounds> frames = new HashMap<>();
  private final Map<Integer, boolean[]> validity = new HashMap<>();
  private final Map<Integer, long[]> longs = new HashMap<>();
  private final Map<Integer, double[]> doubles = new HashMap<>();
  private final Map<Integer, long[][]> decimals = new HashMap<>();
  private final Map<Integer, NonNullRows> nonNullRows = new HashMap<>();

  /**
   * @param batches the held batches the chunk's rows lie in, in order
   * @param firstRow the row (of the first batch) where the chunk begins
   * @param rowCount the chunk's rows, ending at a partition boundary
   */
  WindowChunk(List<HeldBatch> batches, int firstRow, int rowCount, List<SortKey> orderKeys, ChunkMemory memory) {
    this.batches = List.copyOf(batches);
    this.rowCount = rowCount;
    this.memory = memory;
    this.orderKeys = orderKeys;
    segmentStarts = new int[batches.size() + 1];
    segmentFirstRows = new int[batches.size()];
    int position = 0;
    for (int b = 0; b < batches.size(); b++) {
      int first = b == 0 ? firstRow : 0;
      segmentStarts[b] = position;
      segmentFirstRows[b] = first;
      position += Math.min(batches.get(b).rows() - first, rowCount - position);
    }
    segmentStarts[batches.size()] = rowCount;
  }

  int rowCount() {
    return rowCount;
  }

  ChunkMemory memory() {
    return memory;
  }

  List<SortKey> orderKeys() {
    return orderKeys;
  }

  /** Number of held batches the chunk spans. */
  int segmentCount() {
    return batches.size();
  }

  HeldBatch segmentBatch(int segment) {
    return batches.get(segment);
  }

  /** The chunk row where segment {@code segment} begins. */
  int segmentStart(int segment) {
    return segmentStarts[segment];
  }

  /** The batch row of the segment's first chunk row. */
  int segmentFirstRow(int segment) {
    return segmentFirstRows[segment];
  }

  int segmentLength(int segment) {
    return segmentStarts[segment + 1] - segmentStarts[segment];
  }

  /** The segment holding chunk row {@code row}, searching from {@code hint} (a segment near it). */
  int segmentOf(int row, int hint) {
    int segment = Math.max(0, Math.min(hint, batches.size() - 1));
    while (row < segmentStarts[segment]) {
      segment--;
    }
    while (row >= segmentStarts[segment + 1]) {
      segment++;
    }
    return segment;
  }

  /** The chunk rows where partitions begin, followed by {@code rowCount}. */
  int[] partitionStarts() {
    if (partitionStarts == null) {
      int count = 0;
      for (int s = 0; s < batches.size(); s++) {
        HeldBatch batch = batches.get(s);
        for (int r = 0; r < segmentLength(s); r++) {
          if (batch.isPartitionStart(segmentFirstRows[s] + r)) {
            count++;
          }
        }
      }
      int[] starts = memory.ints(count + 1);
      int next = 0;
      for (int s = 0; s < batches.size(); s++) {
        HeldBatch batch = batches.get(s);
        for (int r = 0; r < segmentLength(s); r++) {
          if (batch.isPartitionStart(segmentFirstRows[s] + r)) {
            starts[next++] = segmentStarts[s] + r;
          }
        }
      }
      starts[count] = rowCount;
      partitionStarts = starts;
    }
    return partitionStarts;
  }

  /** For each row, the chunk row where its peer group (its partition's rows equal on every ORDER BY key) begins. */
  int[] peerStart() {
    computePeers();
    return peerStart;
  }

  /** For each row, the chunk row after its peer group's last row. */
  int[] peerEnd() {
    computePeers();
    return peerEnd;
  }

  private void computePeers() {
    if (peerStart != null) {
      return;
    }
    int[] starts = memory.ints(rowCount);
    int[] ends = memory.ints(rowCount);
    int groupStart = 0;
    for (int s = 0; s < batches.size(); s++) {
      HeldBatch batch = batches.get(s);
      for (int r = 0; r < segmentLength(s); r++) {
        int row = segmentStarts[s] + r;
        if (row > 0 && batch.isPeerGroupStart(segmentFirstRows[s] + r)) {
          for (int i = groupStart; i < row; i++) {
            ends[i] = row;
          }
          groupStart = row;
        }
        starts[row] = groupStart;
      }
    }
    for (int i = groupStart; i < rowCount; i++) {
      ends[i] = rowCount;
    }
    peerStart = starts;
    peerEnd = ends;
  }

  /** The bounds of {@code frame} for every row. */
  FrameBounds frame(WindowFrame frame) {
    FrameBounds bounds = frames.get(frame);
    if (bounds == null) {
      bounds = FrameBounds.compute(this, frame);
      frames.put(frame, bounds);
    }
    return bounds;
  }

  /** Where the non-NULL values of {@code column} are. */
  NonNullRows nonNullRows(int column) {
    NonNullRows rows = nonNullRows.get(column);
    if (rows == null) {
      rows = NonNullRows.of(this, column);
      nonNullRows.put(column, rows);
    }
    return rows;
  }

  /** The vector of column {@code column} in segment {@code segment}. */
  FieldVector vector(int segment, int column) {
    return batches.get(segment).input().getVector(column);
  }

  /** Whether each row's value in {@code column} is not NULL. */
  boolean[] validity(int column) {
    boolean[] valid = validity.get(column);
    if (valid == null) {
      boolean[] out = memory.booleans(rowCount);
      forEachSegment(column, (vector, first, offset, length) -> RangeReads.validity(vector, first, out, offset, length));
      validity.put(column, out);
      valid = out;
    }
    return valid;
  }

  /** The values of a LONG- or BOOLEAN-layout column, widened to long (NULL rows hold anything). */
  long[] longs(int column) {
    long[] values = longs.get(column);
    if (values == null) {
      long[] out = memory.longs(rowCount);
      forEachSegment(column, (vector, first, offset, length) -> RangeReads.longs(vector, first, out, offset, length));
      longs.put(column, out);
      values = out;
    }
    return values;
  }

  /** The values of a FLOAT- or DOUBLE-layout column as doubles. */
  double[] doubles(int column) {
    double[] values = doubles.get(column);
    if (values == null) {
      double[] out = memory.doubles(rowCount);
      forEachSegment(column, (vector, first, offset, length) -> RangeReads.doubles(vector, first, out, offset, length));
      doubles.put(column, out);
      values = out;
    }
    return values;
  }

  /** The unscaled values of a DECIMAL column: {@code [0]} the low 64 bits, {@code [1]} the high 64 bits. */
  long[][] decimals(int column) {
    long[][] values = decimals.get(column);
    if (values == null) {
      long[] low = memory.longs(rowCount);
      long[] high = memory.longs(rowCount);
      forEachSegment(column, (vector, first, offset, length) -> RangeReads.decimals(vector, first, low, high, offset,
          length));
      values = new long[][] {low, high};
      decimals.put(column, values);
    }
    return values;
  }

  /** Reads a range of one vector into chunk rows {@code [offset, offset + length)}. */
  @FunctionalInterface
  private interface SegmentRead {
    void read(FieldVector vector, int firstRow, int offset, int length);
  }

  private void forEachSegment(int column, SegmentRead read) {
    for (int s = 0; s < batches.size(); s++) {
      read.read(vector(s, column), segmentFirstRows[s], segmentStarts[s], segmentLength(s));
    }
  }
}
