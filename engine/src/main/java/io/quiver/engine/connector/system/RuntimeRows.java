package io.quiver.engine.connector.system;

import io.quiver.engine.access.Subject;
import io.quiver.engine.executor.ExecutorInfo;
import io.quiver.engine.profile.JobProfile;
import io.quiver.engine.profile.ProfileFormat;
import io.quiver.engine.profile.QueryRecord;
import io.quiver.engine.profile.RuntimeHistory;
import io.quiver.engine.profile.StageProfile;
import io.quiver.engine.profile.TaskProfile;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.metrics.TaskStats;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The rows of the {@code system.runtime} tables, read from the engine's history now. */
final class RuntimeRows {

  private final RuntimeHistory history;

  RuntimeRows(RuntimeHistory history) {
    this.history = history;
  }

  /**
   * The table's rows now: one array per row, values in the table's column order. A reader without
   * the admin role sees their own queries and those queries' jobs, stages and tasks (a job has its
   * query's id); executors are everyone's.
   */
  List<Object[]> rows(RuntimeTable table, Subject reader) {
    List<Object[]> rows = new ArrayList<>();
    long now = System.currentTimeMillis();
    Set<String> ownQueries = new HashSet<>();
    for (QueryRecord query : history.queries()) {
      if (reader.admin() || reader.user().equals(query.user())) {
        ownQueries.add(query.queryId());
      }
    }
    Predicate<JobProfile> visibleJob = job -> reader.admin() || ownQueries.contains(job.jobId());
    switch (table) {
      case QUERIES -> {
        for (QueryRecord query : history.queries()) {
          if (!ownQueries.contains(query.queryId())) {
            continue;
          }
          long end = query.running() ? now : query.endMillis();
          rows.add(new Object[] {query.queryId(), query.user(), query.state(), query.sql(), time(query.startMillis()),
              query.running() ? null : time(query.endMillis()), end - query.startMillis(),
              query.planningNanos() / 1_000_000, query.rows(), code(query.errorCode()), query.errorMessage()});
        }
      }
      case JOBS -> {
        for (JobProfile job : history.jobs()) {
          if (!visibleJob.test(job)) {
            continue;
          }
          boolean running = job.outcome() == null;
          List<StageProfile> stages = job.stages();
          TaskStats stats = running ? sum(stages) : job.stats();
          rows.add(new Object[] {job.jobId(), running ? "RUNNING" : job.outcome().name(), job.sql(),
              time(job.startMillis()), running ? null : time(job.endMillis()),
              (running ? now : job.endMillis()) - job.startMillis(), job.stageCount(),
              stages.stream().mapToInt(stage -> stage.tasks().size()).sum(), stats.inputRows(), stats.outputRows(),
              stats.tableRows(), stats.shuffleWriteBytes(), stats.spillBytes(), code(job.errorCode()),
              job.errorMessage()});
        }
      }
      case STAGES -> {
        for (JobProfile job : history.jobs()) {
          if (!visibleJob.test(job)) {
            continue;
          }
          for (StageProfile stage : job.stages()) {
            boolean running = stage.outcome() == null;
            List<Long> durations = stage.endedTasks().stream().map(TaskProfile::durationNanos).toList();
            TaskStats stats = stage.stats();
            rows.add(new Object[] {job.jobId(), stage.stageId(), running ? "RUNNING" : stage.outcome().name(),
                stage.taskCount(), stage.tasks().size(),
                (int) stage.tasks().stream().filter(TaskProfile::running).count(),
                stage.sourceStageIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
                time(stage.submitMillis()), running ? null : time(stage.endMillis()),
                (running ? now : stage.endMillis()) - stage.submitMillis(),
                millis(ProfileFormat.quantile(durations, 0)), millis(ProfileFormat.quantile(durations, 0.5)),
                millis(ProfileFormat.quantile(durations, 1)), stats.inputRows(), stats.inputBytes(),
                stats.outputRows(), stats.outputBytes(), stats.shuffleReadBytes(), stats.shuffleWriteBytes(),
                stats.spillBytes(), stats.peakMemoryBytes()});
          }
        }
      }
      case TASKS -> {
        for (JobProfile job : history.jobs()) {
          if (!visibleJob.test(job)) {
            continue;
          }
          for (StageProfile stage : job.stages()) {
            for (TaskProfile task : stage.tasks()) {
              TaskStats stats = task.stats();
              rows.add(new Object[] {job.jobId(), task.stageId(), task.partition(), task.attempt(), task.executorId(),
                  task.slot() < 0 ? null : task.slot(), task.running() ? "RUNNING" : task.outcome().name(), time(task.startMillis()),
                  task.running() ? null : time(task.endMillis()),
                  task.running() ? now - task.startMillis() : millis(task.durationNanos()), stats.inputRows(),
                  stats.inputBytes(), stats.outputRows(), stats.outputBytes(), stats.shuffleReadBytes(),
                  stats.remoteShuffleReadBytes(), stats.shuffleWriteBytes(), stats.spillBytes(), stats.spillFiles(),
                  stats.peakMemoryBytes(), millis(stats.cpuNanos()), millis(stats.gcNanos()),
                  code(task.errorCode()), task.errorMessage()});
            }
          }
        }
      }
      case EXECUTORS -> {
        for (ExecutorInfo executor : history.executors()) {
          rows.add(new Object[] {executor.executorId(), executor.address(), executor.slots(),
              executor.runningTasks(), unknown(executor.memoryUsedBytes()), unknown(executor.memoryLimitBytes()),
              unknown(executor.shuffleBytes()), time(executor.lastHeartbeatMillis()), executor.state()});
        }
      }
      default -> throw new IllegalStateException("no rows for " + table);
    }
    return rows;
  }

  private static TaskStats sum(List<StageProfile> stages) {
    TaskStats sum = TaskStats.EMPTY;
    for (StageProfile stage : stages) {
      sum = sum.plus(stage.stats().withoutOperators());
    }
    return sum;
  }

  private static LocalDateTime time(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.UTC);
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  private static Long unknown(long value) {
    return value < 0 ? null : value;
  }

  private static String code(ErrorCode code) {
    return code == null ? null : code.sqlState();
  }
}
