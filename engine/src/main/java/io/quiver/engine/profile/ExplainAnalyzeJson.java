package io.quiver.engine.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.metrics.OperatorStats;
import io.quiver.exec.metrics.TaskStats;
import io.quiver.planner.explain.PlanNodePrinter;
import io.quiver.planner.explain.RowEstimates;
import io.quiver.planner.explain.StagePlanPrinter;
import java.util.List;

/**
 * {@code EXPLAIN (FORMAT JSON)} and {@code EXPLAIN (ANALYZE, FORMAT JSON)}: the stage DAG as one
 * JSON document, with each stage's fragment as a tree of operators; with ANALYZE also what the
 * stages, their tasks and every operator did. Times are in milliseconds, sizes in bytes. The field
 * names are documented in {@code sql-frontend/README.md}.
 */
public final class ExplainAnalyzeJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExplainAnalyzeJson() {
  }

  /** The plan without running it. */
  public static String plan(StagePlan plan, RowEstimates estimates) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode stages = root.putArray("stages");
    for (StageFragment fragment : plan.stages()) {
      ObjectNode stage = stageHeader(stages.addObject(), fragment);
      stage.set("plan", node(fragment.stageId(), fragment.root(), new int[] {0}, null, estimates));
    }
    return write(root);
  }

  /** The plan with what the job did (see {@link ExplainAnalyzeText#print} for the arguments). */
  public static String analyzed(StagePlan plan, RowEstimates estimates, JobProfile job, long rows,
      long elapsedNanos, long planningNanos) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode query = root.putObject("query");
    query.put("jobId", job.jobId());
    query.put("outcome", String.valueOf(job.outcome()));
    query.put("rows", rows);
    query.put("elapsedMs", ProfileFormat.millis(elapsedNanos));
    query.put("planningMs", ProfileFormat.millis(planningNanos));
    measures(query.putObject("totals"), job.stats());
    List<StageProfile> profiles = job.stages();
    ArrayNode stages = root.putArray("stages");
    for (StageFragment fragment : plan.stages()) {
      ObjectNode stage = stageHeader(stages.addObject(), fragment);
      StageProfile profile = profiles.stream().filter(s -> s.stageId() == fragment.stageId()).findFirst()
          .orElse(null);
      TaskStats stats = profile == null ? TaskStats.EMPTY : profile.stats();
      if (profile != null) {
        stage.put("outcome", String.valueOf(profile.outcome()));
        stage.put("tasks", profile.tasks().size());
        stage.put("durationMs", ProfileFormat.millis(profile.durationNanos()));
        List<Long> durations = profile.endedTasks().stream().map(TaskProfile::durationNanos).toList();
        ObjectNode taskTime = stage.putObject("taskTimeMs");
        taskTime.put("min", ProfileFormat.millis(ProfileFormat.quantile(durations, 0)));
        taskTime.put("median", ProfileFormat.millis(ProfileFormat.quantile(durations, 0.5)));
        taskTime.put("max", ProfileFormat.millis(ProfileFormat.quantile(durations, 1)));
        measures(stage.putObject("totals"), stats);
        ArrayNode taskList = stage.putArray("taskList");
        for (TaskProfile task : profile.tasks()) {
          ObjectNode item = taskList.addObject();
          item.put("partition", task.partition());
          item.put("attempt", task.attempt());
          item.put("executor", task.executorId());
          item.put("outcome", String.valueOf(task.outcome()));
          item.put("durationMs", ProfileFormat.millis(task.durationNanos()));
          item.put("inputRows", task.stats().inputRows());
          item.put("outputRows", task.stats().outputRows());
        }
      }
      stage.set("plan", node(fragment.stageId(), fragment.root(), new int[] {0}, stats, estimates));
      OperatorStats sink = stats.operator(OperatorStats.SINK_NODE);
      if (sink != null) {
        stage.set("sink", actual(JSON.createObjectNode().put("operator", sink.operator()), sink));
      }
    }
    return write(root);
  }

  private static ObjectNode stageHeader(ObjectNode stage, StageFragment fragment) {
    stage.put("stageId", fragment.stageId());
    stage.put("partitions", fragment.partitionCount());
    stage.put("output", StagePlanPrinter.describe(fragment.output()));
    ArrayNode sources = stage.putArray("sourceStageIds");
    fragment.sourceStageIds().forEach(sources::add);
    return stage;
  }

  private static ObjectNode node(int stageId, PlanNode node, int[] nextId, TaskStats stats, RowEstimates estimates) {
    int nodeId = nextId[0]++;
    ObjectNode out = JSON.createObjectNode();
    out.put("nodeId", nodeId);
    out.put("node", PlanNodePrinter.describe(node));
    Double estimate = estimates.estimate(stageId, nodeId);
    if (estimate == null) {
      out.putNull("estimatedRows");
    } else {
      out.put("estimatedRows", Math.round(estimate));
    }
    OperatorStats operator = stats == null ? null : stats.operator(nodeId);
    if (operator != null) {
      out.put("operator", operator.operator());
      actual(out, operator);
    }
    ArrayNode children = out.putArray("children");
    for (PlanNode child : node.children()) {
      children.add(node(stageId, child, nextId, stats, estimates));
    }
    return out;
  }

  private static ObjectNode actual(ObjectNode out, OperatorStats operator) {
    out.put("actualRows", operator.outputRows());
    out.put("outputBatches", operator.outputBatches());
    out.put("inputRows", operator.inputRows());
    out.put("inputBatches", operator.inputBatches());
    out.put("wallMs", ProfileFormat.millis(operator.wallNanos()));
    out.put("cpuMs", ProfileFormat.millis(operator.cpuNanos()));
    out.put("peakMemoryBytes", operator.peakMemoryBytes());
    return out;
  }

  private static void measures(ObjectNode out, TaskStats stats) {
    out.put("inputRows", stats.inputRows());
    out.put("inputBytes", stats.inputBytes());
    out.put("outputRows", stats.outputRows());
    out.put("outputBytes", stats.outputBytes());
    out.put("tableRows", stats.tableRows());
    out.put("tableBytes", stats.tableBytes());
    out.put("shuffleReadRows", stats.shuffleReadRows());
    out.put("shuffleReadBytes", stats.shuffleReadBytes());
    out.put("remoteShuffleReadBytes", stats.remoteShuffleReadBytes());
    out.put("shuffleWriteRows", stats.shuffleWriteRows());
    out.put("shuffleWriteBytes", stats.shuffleWriteBytes());
    out.put("spillBytes", stats.spillBytes());
    out.put("spillFiles", stats.spillFiles());
    out.put("peakMemoryBytes", stats.peakMemoryBytes());
    out.put("cpuMs", ProfileFormat.millis(stats.cpuNanos()));
    out.put("gcMs", ProfileFormat.millis(stats.gcNanos()));
  }

  private static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }
}
