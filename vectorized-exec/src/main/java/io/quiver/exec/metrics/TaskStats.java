package io.quiver.exec.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one task did, measured where it ran and carried to the driver in its {@code TaskEnded}
 * event; or (with {@link #plus}) the sum over the tasks of a stage or job. Plain data: it travels
 * from executor processes to the driver as JSON.
 *
 * @param inputRows rows read by the task's sources: tables, files and exchanges
 * @param inputBytes Arrow bytes of those rows
 * @param outputRows rows written to the stage's exchange or to the result
 * @param outputBytes Arrow bytes of those rows
 * @param tableRows rows read from tables and files
 * @param tableBytes Arrow bytes of those rows
 * @param shuffleReadRows rows read from exchanges (map outputs of earlier stages), local and remote
 * @param shuffleReadBytes Arrow bytes of those rows
 * @param remoteShuffleReadRows the part of the shuffle rows fetched from other executors over Arrow Flight
 * @param remoteShuffleReadBytes Arrow bytes of those rows
 * @param shuffleWriteRows rows written to the stage's exchange
 * @param shuffleWriteBytes Arrow bytes of those rows
 * @param resultRows rows sent to the query's result
 * @param resultBytes Arrow bytes of those rows
 * @param fetchedResultBytes bytes of result rows the driver fetched from an executor process over
 *     Arrow Flight (0 when the task ran in the driver's JVM)
 * @param spillBytes bytes written to spill files
 * @param spillFiles spill files written
 * @param peakMemoryBytes the most bytes the task's allocator held at once (for a sum over tasks: the
 *     largest of them)
 * @param cpuNanos thread CPU time of the task
 * @param gcNanos JVM garbage-collection time while the task ran (the whole JVM's, as the JVM reports
 *     it; tasks running at the same time each see it); 0 where the JVM does not say
 * @param operators one entry per operator of the task, by node id; for a sum over a stage's tasks, per
 *     plan node; empty in sums over several stages (a job's)
 */
public record TaskStats(long inputRows, long inputBytes, long outputRows, long outputBytes, long tableRows,
    long tableBytes, long shuffleReadRows, long shuffleReadBytes, long remoteShuffleReadRows,
    long remoteShuffleReadBytes, long shuffleWriteRows, long shuffleWriteBytes, long resultRows, long resultBytes,
    long fetchedResultBytes, long spillBytes, long spillFiles, long peakMemoryBytes, long cpuNanos, long gcNanos,
    List<OperatorStats> operators) {

  /** A task that did nothing (or never ran). */
  public static final TaskStats EMPTY = new TaskStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      List.of());

  public TaskStats {
    operators = operators == null ? List.of() : List.copyOf(operators);
  }

  /** Shuffle rows read from this executor's own store (or the driver's in-process shuffle). */
  public long localShuffleReadRows() {
    return shuffleReadRows - remoteShuffleReadRows;
  }

  public long localShuffleReadBytes() {
    return shuffleReadBytes - remoteShuffleReadBytes;
  }

  /** The same measurements with the bytes the driver fetched of the task's result. */
  public TaskStats withFetchedResultBytes(long bytes) {
    return new TaskStats(inputRows, inputBytes, outputRows, outputBytes, tableRows, tableBytes, shuffleReadRows,
        shuffleReadBytes, remoteShuffleReadRows, remoteShuffleReadBytes, shuffleWriteRows, shuffleWriteBytes,
        resultRows, resultBytes, bytes, spillBytes, spillFiles, peakMemoryBytes, cpuNanos, gcNanos, operators);
  }

  /** The same measurements without the operators (for sums over stages, whose node ids differ). */
  public TaskStats withoutOperators() {
    return new TaskStats(inputRows, inputBytes, outputRows, outputBytes, tableRows, tableBytes, shuffleReadRows,
        shuffleReadBytes, remoteShuffleReadRows, remoteShuffleReadBytes, shuffleWriteRows, shuffleWriteBytes,
        resultRows, resultBytes, fetchedResultBytes, spillBytes, spillFiles, peakMemoryBytes, cpuNanos, gcNanos,
        List.of());
  }

  /**
   * Both tasks' work as one (tasks of one stage: operators are matched by node id): counters and times add up, peak memory is the larger one, operators
   * are summed per node id (ordered by it, the sink last).
   */
  public TaskStats plus(TaskStats other) {
    Map<Integer, OperatorStats> byNode = new TreeMap<>((a, b) -> Integer.compare(order(a), order(b)));
    for (List<OperatorStats> list : List.of(operators, other.operators)) {
      for (OperatorStats operator : list) {
        byNode.merge(operator.nodeId(), operator, OperatorStats::plus);
      }
    }
    return new TaskStats(inputRows + other.inputRows, inputBytes + other.inputBytes, outputRows + other.outputRows,
        outputBytes + other.outputBytes, tableRows + other.tableRows, tableBytes + other.tableBytes,
        shuffleReadRows + other.shuffleReadRows, shuffleReadBytes + other.shuffleReadBytes,
        remoteShuffleReadRows + other.remoteShuffleReadRows, remoteShuffleReadBytes + other.remoteShuffleReadBytes,
        shuffleWriteRows + other.shuffleWriteRows, shuffleWriteBytes + other.shuffleWriteBytes,
        resultRows + other.resultRows, resultBytes + other.resultBytes,
        fetchedResultBytes + other.fetchedResultBytes, spillBytes + other.spillBytes, spillFiles + other.spillFiles,
        Math.max(peakMemoryBytes, other.peakMemoryBytes), cpuNanos + other.cpuNanos, gcNanos + other.gcNanos,
        new ArrayList<>(byNode.values()));
  }

  /** The stats of one operator node, or null when no task ran it. */
  public OperatorStats operator(int nodeId) {
    for (OperatorStats operator : operators) {
      if (operator.nodeId() == nodeId) {
        return operator;
      }
    }
    return null;
  }

  private static int order(int nodeId) {
    return nodeId == OperatorStats.SINK_NODE ? Integer.MAX_VALUE : nodeId;
  }
}
