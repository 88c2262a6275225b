package io.quiver.exec.metrics;

/**
 * What one operator of a task did, or (summed with {@link #plus}) one plan node over every task of
 * a stage. Plain data: it travels from executor processes to the driver as JSON.
 *
 * @param nodeId the fragment node the operator runs: its position in a pre-order walk of the stage's
 *     fragment from 0 (the root), children in {@code PlanNode.children()} order; {@link #SINK_NODE}
 *     for the stage's sink (exchange writer or result writer)
 * @param operator the operator's name, for example {@code HashAggregate}
 * @param inputRows rows handed to the operator
 * @param inputBatches batches handed to the operator
 * @param outputRows rows the operator produced
 * @param outputBatches batches the operator produced
 * @param wallNanos wall time spent in the operator's own calls (not in operators it drives)
 * @param cpuNanos thread CPU time of the same calls
 * @param peakMemoryBytes the most bytes the operator's allocations held at once (for a sum over
 *     tasks: the largest of them)
 */
public record OperatorStats(int nodeId, String operator, long inputRows, long inputBatches, long outputRows,
    long outputBatches, long wallNanos, long cpuNanos, long peakMemoryBytes) {

  /** The node id of a stage's sink, which is not a node of its fragment. */
  public static final int SINK_NODE = -1;

  /** Both operators' work as one: counts and times add up, peak memory is the larger one. */
  public OperatorStats plus(OperatorStats other) {
    return new OperatorStats(nodeId, operator, inputRows + other.inputRows, inputBatches + other.inputBatches,
        outputRows + other.outputRows, outputBatches + other.outputBatches, wallNanos + other.wallNanos,
        cpuNanos + other.cpuNanos, Math.max(peakMemoryBytes, other.peakMemoryBytes));
  }
}
