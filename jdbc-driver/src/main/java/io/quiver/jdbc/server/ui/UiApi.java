package io.quiver.jdbc.server.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.engine.executor.ExecutorInfo;
import io.quiver.engine.profile.ExplainAnalyzeText;
import io.quiver.engine.profile.JobProfile;
import io.quiver.engine.profile.ProfileFormat;
import io.quiver.engine.profile.QueryRecord;
import io.quiver.engine.profile.RuntimeHistory;
import io.quiver.engine.profile.StageProfile;
import io.quiver.engine.profile.TaskProfile;
import io.quiver.exec.metrics.TaskStats;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The JSON the web UI and the shell's remote progress line read, made from the engine's runtime
 * history on every request (nothing cached). Paths below {@code /ui/api}:
 * <ul>
 *   <li>{@code /queries}: running and recent statements;
 *   <li>{@code /jobs/ID}: a job with its stages (the DAG: each stage's sources), their task summaries
 *       and its plan with per-operator measurements;
 *   <li>{@code /jobs/ID/stages/N}: a stage with its task summary and every task;
 *   <li>{@code /executors}: the executors;
 *   <li>{@code /progress}: the stages running now, for progress bars.
 * </ul>
 */
public final class UiApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeHistory history;
  private final Supplier<Predicate<String>> viewerSees;

  /** Every query is shown (the embedded shell's UI: one user). */
  public UiApi(RuntimeHistory history) {
    this(history, () -> user -> true);
  }

  /**
   * @param viewerSees for the request being answered: whose queries (by user name) its user may see
   *     (the server: their own, an admin's everyone's); queries and jobs of others are unknown to them
   */
  public UiApi(RuntimeHistory history, Supplier<Predicate<String>> viewerSees) {
    this.history = history;
    this.viewerSees = viewerSees;
  }

  /** Whether the viewer may see the job (it has the id of a query of a user the viewer sees). */
  private boolean sees(Predicate<String> sees, String jobId) {
    for (QueryRecord query : history.queries()) {
      if (query.queryId().equals(jobId)) {
        return sees.test(query.user());
      }
    }
    return sees.test(null);
  }

  /** The JSON of {@code path} (below {@code /ui/api}), or null for no such resource. */
  public String get(String path) {
    Predicate<String> sees = viewerSees.get();
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    if (parts.length == 1 && parts[0].equals("queries")) {
      return write(queries(sees));
    }
    if (parts.length == 1 && parts[0].equals("executors")) {
      return write(executors());
    }
    if (parts.length == 1 && parts[0].equals("progress")) {
      return write(progress(sees));
    }
    if (parts.length >= 2 && parts[0].equals("jobs")) {
      JobProfile job = history.job(parts[1]);
      if (job == null || !sees(sees, job.jobId())) {
        return null;
      }
      if (parts.length == 2) {
        return write(job(job));
      }
      if (parts.length == 4 && parts[2].equals("stages")) {
        for (StageProfile stage : job.stages()) {
          if (String.valueOf(stage.stageId()).equals(parts[3])) {
            ObjectNode node = stage(stage);
            node.put("jobId", job.jobId());
            ArrayNode tasks = node.putArray("taskList");
            for (TaskProfile task : stage.tasks()) {
              tasks.add(task(task));
            }
            return write(node);
          }
        }
      }
    }
    return null;
  }

  private ArrayNode queries(Predicate<String> sees) {
    ArrayNode out = JSON.createArrayNode();
    long now = System.currentTimeMillis();
    List<QueryRecord> queries = history.queries();
    for (int i = queries.size() - 1; i >= 0; i--) {
      QueryRecord query = queries.get(i);
      if (!sees.test(query.user())) {
        continue;
      }
      ObjectNode node = out.addObject();
      node.put("queryId", query.queryId());
      node.put("user", query.user());
      node.put("state", query.state());
      node.put("sql", query.sql());
      node.put("startMillis", query.startMillis());
      node.put("elapsedMs", (query.running() ? now : query.endMillis()) - query.startMillis());
      node.put("planningMs", ProfileFormat.millis(query.planningNanos()));
      node.put("rows", query.rows());
      node.put("errorCode", query.errorCode() == null ? null : query.errorCode().sqlState());
      node.put("errorMessage", query.errorMessage());
      node.put("hasJob", history.job(query.queryId()) != null);
    }
    return out;
  }

  private ObjectNode job(JobProfile job) {
    ObjectNode node = JSON.createObjectNode();
    long now = System.currentTimeMillis();
    node.put("jobId", job.jobId());
    node.put("state", job.outcome() == null ? "RUNNING" : job.outcome().name());
    node.put("sql", job.sql());
    node.put("startMillis", job.startMillis());
    node.put("elapsedMs", (job.outcome() == null ? now : job.endMillis()) - job.startMillis());
    node.put("stageCount", job.stageCount());
    node.put("errorCode", job.errorCode() == null ? null : job.errorCode().sqlState());
    node.put("errorMessage", job.errorMessage());
    ArrayNode stages = node.putArray("stages");
    for (StageProfile stage : job.stages()) {
      stages.add(stage(stage));
    }
    RuntimeHistory.JobPlan plan = history.plan(job.jobId());
    if (plan != null) {
      // while the job runs, its figures so far (the job's totals come with its end)
      node.put("plan", ExplainAnalyzeText.print(plan.plan(), plan.estimates(), job, job.stats().resultRows(),
          job.outcome() == null ? 0 : job.durationNanos() + plan.planningNanos(), plan.planningNanos()));
    }
    return node;
  }

  private static ObjectNode stage(StageProfile stage) {
    ObjectNode node = JSON.createObjectNode();
    node.put("stageId", stage.stageId());
    node.put("state", stage.outcome() == null ? "RUNNING" : stage.outcome().name());
    node.put("partitions", stage.taskCount());
    node.put("tasks", stage.tasks().size());
    node.put("runningTasks", stage.tasks().stream().filter(TaskProfile::running).count());
    node.put("succeededTasks", stage.tasks().stream()
        .filter(task -> task.outcome() != null && task.outcome().name().equals("SUCCEEDED")).count());
    ArrayNode sources = node.putArray("sourceStageIds");
    stage.sourceStageIds().forEach(sources::add);
    node.put("durationMs", stage.outcome() == null ? System.currentTimeMillis() - stage.submitMillis()
        : ProfileFormat.millis(stage.durationNanos()));
    measures(node, stage.stats());
    List<TaskProfile> ended = stage.endedTasks();
    ObjectNode summary = node.putObject("summary");
    summary.set("durationMs", quantiles(ended, TaskProfile::durationNanos, true));
    summary.set("inputRows", quantiles(ended, task -> task.stats().inputRows(), false));
    summary.set("outputRows", quantiles(ended, task -> task.stats().outputRows(), false));
    summary.set("shuffleReadBytes", quantiles(ended, task -> task.stats().shuffleReadBytes(), false));
    summary.set("shuffleWriteBytes", quantiles(ended, task -> task.stats().shuffleWriteBytes(), false));
    summary.set("spillBytes", quantiles(ended, task -> task.stats().spillBytes(), false));
    return node;
  }

  /** Min, 25th percentile, median, 75th percentile and max. */
  private static ArrayNode quantiles(List<TaskProfile> tasks, ToLongFunction<TaskProfile> value, boolean nanos) {
    List<Long> values = tasks.stream().map(value::applyAsLong).toList();
    ArrayNode out = JSON.createArrayNode();
    for (double q : new double[] {0, 0.25, 0.5, 0.75, 1}) {
      long v = ProfileFormat.quantile(values, q);
      if (nanos) {
        out.add(ProfileFormat.millis(v));
      } else {
        out.add(v);
      }
    }
    return out;
  }

  private static ObjectNode task(TaskProfile task) {
    ObjectNode node = JSON.createObjectNode();
    node.put("partition", task.partition());
    node.put("attempt", task.attempt());
    node.put("executor", task.executorId());
    node.put("slot", task.slot());
    node.put("state", task.running() ? "RUNNING" : task.outcome().name());
    node.put("durationMs", task.running() ? System.currentTimeMillis() - task.startMillis()
        : ProfileFormat.millis(task.durationNanos()));
    measures(node, task.stats());
    node.put("errorCode", task.errorCode() == null ? null : task.errorCode().sqlState());
    return node;
  }

  /** The measures a stage's row and a task's row show alike. */
  private static void measures(ObjectNode node, TaskStats stats) {
    node.put("inputRows", stats.inputRows());
    node.put("outputRows", stats.outputRows());
    node.put("shuffleReadBytes", stats.shuffleReadBytes());
    node.put("shuffleWriteBytes", stats.shuffleWriteBytes());
    node.put("spillBytes", stats.spillBytes());
    node.put("peakMemoryBytes", stats.peakMemoryBytes());
  }

  private ArrayNode executors() {
    ArrayNode out = JSON.createArrayNode();
    for (ExecutorInfo executor : history.executors()) {
      ObjectNode node = out.addObject();
      node.put("executorId", executor.executorId());
      node.put("address", executor.address());
      node.put("slots", executor.slots());
      node.put("runningTasks", executor.runningTasks());
      node.put("memoryUsedBytes", executor.memoryUsedBytes());
      node.put("memoryLimitBytes", executor.memoryLimitBytes());
      node.put("lastHeartbeatMillis", executor.lastHeartbeatMillis());
      node.put("state", executor.state());
    }
    return out;
  }

  private ArrayNode progress(Predicate<String> sees) {
    ArrayNode out = JSON.createArrayNode();
    for (JobProfile job : history.jobs()) {
      if (job.outcome() != null || !sees(sees, job.jobId())) {
        continue;
      }
      for (StageProfile stage : job.stages()) {
        if (stage.outcome() == null) {
          ObjectNode node = out.addObject();
          node.put("jobId", job.jobId());
          node.put("stageId", stage.stageId());
          node.put("totalTasks", stage.taskCount());
          node.put("completedTasks", stage.tasks().stream()
              .filter(task -> task.outcome() != null && task.outcome().name().equals("SUCCEEDED")).count());
          node.put("runningTasks", stage.tasks().stream().filter(TaskProfile::running).count());
          node.put("submittedMillis", stage.submitMillis());
        }
      }
    }
    return out;
  }

  private static String write(Object tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }
}
