package io.quiver.engine.cluster.protocol;

import io.quiver.engine.event.Outcome;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.metrics.TaskStats;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the Flight actions between driver and executors, as JSON records. Actions the driver
 * serves: {@code register}, {@code heartbeat}, {@code task-status}. Actions an executor serves:
 * {@code stage} (a stage's fragment, once per executor and stage), {@code launch}, {@code cancel-job},
 * {@code remove-job}, {@code ping}, {@code status}. Shuffle output travels as a Flight stream
 * ({@code DoGet}) named by a {@link ShuffleTicket}; the driver serves the splits of its own tables
 * (memory tables, {@code system}, {@code information_schema}) as Flight streams named by a
 * {@link TableSplitTicket}.
 */
public final class ClusterMessages {

  public static final String REGISTER = "register";
  public static final String HEARTBEAT = "heartbeat";
  public static final String TASK_STATUS = "task-status";
  public static final String STAGE = "stage";
  public static final String LAUNCH = "launch";
  public static final String CANCEL_JOB = "cancel-job";
  public static final String REMOVE_JOB = "remove-job";
  public static final String PING = "ping";
  public static final String STATUS = "status";

  private ClusterMessages() {
  }

  /** An executor introduces itself: where its Flight server listens and how many slots it has. */
  public record Register(String host, int port, int slots, long memoryBytes) {
  }

  /** The id the driver gave the executor, and how often it wants to hear from it. */
  public record Registered(String executorId, long heartbeatIntervalMillis) {
  }

  public record Heartbeat(String executorId, int runningTasks) {
  }

  /** {@code known} is false when the driver does not know the executor (any more): it must exit. */
  public record HeartbeatReply(boolean known) {
  }

  /** The fragment of one stage of a job, in {@code FragmentCodec}'s JSON. */
  public record Stage(String jobId, int stageId, String fragmentJson) {
  }

  /** Where one map partition's output lives. */
  public record MapLocation(String executorId, String host, int port) {
  }

  /**
   * Run one partition of a stage whose fragment the executor already has.
   *
   * @param sources for every stage this one reads, the location of each map partition's output
   */
  public record Launch(String jobId, int stageId, int partition, int attempt, Map<Integer, List<MapLocation>> sources) {
  }

  /** The driver tells an executor to cancel or remove a job. */
  public record Job(String jobId) {
  }

  /**
   * How a task ended on an executor.
   *
   * @param rowsPerPartition map output rows per reduce partition; null unless it succeeded
   * @param stats what the task did, measured on the executor
   * @param fetchExecutorId set when the task failed to fetch map output from that executor
   */
  public record TaskStatus(String executorId, String jobId, int stageId, int partition, int attempt, Outcome outcome,
      long[] rowsPerPartition, long[] bytesPerPartition, TaskStats stats, long durationNanos, ErrorCode errorCode, String errorMessage, String fetchExecutorId,
      int fetchStageId, int fetchMapPartition) {
  }

  /**
   * What an executor holds now; for tests and monitoring.
   *
   * @param shuffleOutputs committed map outputs (and result partitions) it keeps
   * @param shuffleBytes bytes of them in memory
   * @param openStreams Flight shuffle streams being served now
   * @param workDirFiles files under its work directory
   * @param remoteBytesFetched bytes its tasks fetched from other executors over Flight since it started
   * @param localBytesRead bytes its tasks read from its own store since it started
   */
  public record ExecutorStatus(String executorId, int runningTasks, int knownJobs, int shuffleOutputs,
      long shuffleBytes, int openStreams, int workDirFiles, long remoteBytesFetched, long localBytesRead) {
  }

  /** Names one reduce partition of one map partition's output. */
  public record ShuffleTicket(String jobId, int stageId, int mapPartition, int reducePartition) {
  }

  /**
   * One split of a table that lives in the driver, which an executor's task scans: what the task's
   * scan node says ({@code TableScanNode}), and the split it reads.
   */
  public record TableSplitTicket(TableHandle table, List<Integer> columns, RowSchema schema, int split,
      int splitCount, int batchSize) {
  }

  /** How the driver words a refused table split, so that the executor's task fails with the driver's code. */
  public static String describe(io.quiver.exec.error.QuiverException error) {
    return error.errorCode().name() + "\t" + error.getMessage();
  }

  /** The error {@link #describe} worded; IO_ERROR with the text when it is not one. */
  public static io.quiver.exec.error.QuiverException undescribe(String description, String context) {
    String text = description == null ? "" : description;
    int tab = text.indexOf('\t');
    if (tab > 0) {
      try {
        return new io.quiver.exec.error.QuiverException(ErrorCode.valueOf(text.substring(0, tab)),
            text.substring(tab + 1));
      } catch (IllegalArgumentException e) {
        // not a code: the whole text
      }
    }
    return new io.quiver.exec.error.QuiverException(ErrorCode.IO_ERROR, context + ": " + text);
  }
}
