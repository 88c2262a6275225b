package io.quiver.exec.operator.window;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.fragment.node.WindowFrame.BoundKind;
import io.quiver.exec.operator.aggregate.Accumulator;
import io.quiver.exec.operator.aggregate.AggregateDefinition;
import io.quiver.exec.operator.aggregate.AggregateDefinitions;
import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Any aggregate function over any frame, computed by the accumulator of its
 * {@link AggregateDefinition} (the same code as the GROUP BY aggregate, never a second
 * implementation), fed the frame's rows through an {@link AccumulatorFeed}:
 * <ul>
 *   <li><b>Running frames</b> (start UNBOUNDED PRECEDING, end before the partition's end) of a
 *       splittable aggregate, whose state reads its result without consuming it: one accumulator per
 *       partition takes the rows that enter the frame, and the result is read once per distinct frame
 *       end (per row in ROWS units, per peer group in RANGE units). Linear in the partition.
 *   <li><b>Every other frame</b>, and the aggregates that need all their values at once (STRING_AGG,
 *       PERCENTILE_CONT, PERCENTILE_DISC): each distinct frame is one group, filled with the frame's
 *       rows, a block of groups per accumulator. Consecutive rows with the same frame share their
 *       group, so a whole-partition frame costs its rows once; a sliding frame costs
 *       rows × frame rows (SUM, COUNT, AVG, MIN and MAX never come here: they slide in constant time
 *       per row in their own evaluators).
 * </ul>
 * Accumulators, the staging batch and the results they write are charged to the task allocator and
 * released before the chunk's next call runs.
 */
final class AccumulatorEvaluator implements WindowEvaluator {

  /** Groups (distinct frames) per accumulator when frames are recomputed. */
  static final int BLOCK_GROUPS = 512;
  /** Frame rows per accumulator before a block ends (after its first group), bounding buffered state. */
  static final int BLOCK_ROWS = 1 << 16;

  private final AggregateDefinition definition;
  private final AggregateCall staged;
  private final List<Integer> columns;
  private final WindowCall call;
  private final boolean running;

  AccumulatorEvaluator(WindowCall call) {
    this.call = call;
    this.definition = AggregateDefinitions.of(call.aggregate());
    this.columns = new ArrayList<>();
    List<Integer> arguments = new ArrayList<>();
    for (int argument : call.arguments()) {
      if (!columns.contains(argument)) {
        columns.add(argument);
      }
      arguments.add(columns.indexOf(argument));
    }
    DataType argumentType = call.argumentType() == null ? DataType.BIGINT : call.argumentType();
    this.staged = new AggregateCall(call.aggregate(), arguments, false, argumentType, call.resultType(), call.name());
    // fails with NOT_SUPPORTED while the query is planned when the aggregate does not take these types
    definition.accumulator(staged, AggregateStep.SINGLE, null).close();
    this.running = call.frame().start().kind() == BoundKind.UNBOUNDED_PRECEDING
        && call.frame().end().kind() != BoundKind.UNBOUNDED_FOLLOWING && definition.splittable();
  }

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    FrameBounds bounds = chunk.frame(call.frame());
    BufferAllocator allocator = chunk.memory().allocator();
    try (AccumulatorFeed feed = new AccumulatorFeed(chunk, columns, allocator);
        FieldVector values = output.newResultVector(allocator)) {
      if (running) {
        running(chunk, bounds, feed, values, output, allocator);
      } else {
        recomputed(chunk, bounds, feed, values, output, allocator);
      }
    }
  }

  private void running(WindowChunk chunk, FrameBounds bounds, AccumulatorFeed feed, FieldVector values,
      ChunkOutput output, BufferAllocator allocator) {
    int[] partitions = chunk.partitionStarts();
    int[] end = bounds.end();
    for (int p = 0; p + 1 < partitions.length; p++) {
      int partitionStart = partitions[p];
      int partitionEnd = partitions[p + 1];
      Accumulator accumulator = newAccumulator(allocator);
      try {
        feed.target(accumulator);
        int added = partitionStart;
        int runStart = partitionStart;
        for (int i = partitionStart; i < partitionEnd; i++) {
          if (i > partitionStart && end[i] == end[i - 1]) {
            continue;
          }
          output.copy(values, 0, runStart, i);
          runStart = i;
          if (end[i] < added) {
            // frames only move forward (FrameBounds); should one ever shrink, start it again
            feed.target(null);
            accumulator.close();
            accumulator = newAccumulator(allocator);
            feed.target(accumulator);
            added = partitionStart;
          }
          feed.add(added, end[i], 0);
          feed.flush();
          added = end[i];
          accumulator.writeFinal(values, 0, 1);
        }
        output.copy(values, 0, runStart, partitionEnd);
      } finally {
        feed.detach();
        accumulator.close();
      }
    }
  }

  private void recomputed(WindowChunk chunk, FrameBounds bounds, AccumulatorFeed feed, FieldVector values,
      ChunkOutput output, BufferAllocator allocator) {
    int rows = chunk.rowCount();
    int[] start = bounds.start();
    int[] end = bounds.end();
    int[] groupEnds = chunk.memory().ints(BLOCK_GROUPS);
    int row = 0;
    while (row < rows) {
      int blockStart = row;
      int groups = 0;
      long frameRows = 0;
      try (Accumulator accumulator = newAccumulator(allocator)) {
        feed.target(accumulator);
        while (row < rows && groups < BLOCK_GROUPS && (groups == 0 || frameRows < BLOCK_ROWS)) {
          int next = row + 1;
          while (next < rows && start[next] == start[row] && end[next] == end[row]) {
            next++;
          }
          accumulator.ensureCapacity(groups + 1);
          feed.add(start[row], end[row], groups);
          frameRows += end[row] - start[row];
          groupEnds[groups++] = next;
          row = next;
        }
        feed.target(null);
        accumulator.writeFinal(values, 0, groups);
      }
      int from = blockStart;
      for (int group = 0; group < groups; group++) {
        output.copy(values, group, from, groupEnds[group]);
        from = groupEnds[group];
      }
    }
  }

  private Accumulator newAccumulator(BufferAllocator allocator) {
    Accumulator accumulator = definition.accumulator(staged, AggregateStep.SINGLE, allocator);
    accumulator.ensureCapacity(1);
    return accumulator;
  }
}
