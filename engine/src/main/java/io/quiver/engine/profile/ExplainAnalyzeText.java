package io.quiver.engine.profile;

import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.metrics.OperatorStats;
import io.quiver.exec.metrics.TaskStats;
import io.quiver.planner.explain.PlanNodePrinter;
import io.quiver.planner.explain.RowEstimates;
import io.quiver.planner.explain.StagePlanPrinter;
import java.util.List;
import java.util.Locale;

/**
 * EXPLAIN ANALYZE as text: the query's totals, then per stage its tasks (count, time min / median /
 * max, so skew shows), rows and bytes in and out, shuffle, spill, peak memory, and its fragment with
 * every operator's estimated and actual rows and its time.
 */
public final class ExplainAnalyzeText {

  private ExplainAnalyzeText() {
  }

  /**
   * @param rows the rows the query returned
   * @param elapsedNanos from the statement's start to its last row
   * @param planningNanos the planning part of it
   */
  public static String print(StagePlan plan, RowEstimates estimates, JobProfile job, long rows, long elapsedNanos,
      long planningNanos) {
    StringBuilder out = new StringBuilder();
    List<StageProfile> stages = job.stages();
    int tasks = stages.stream().mapToInt(stage -> stage.tasks().size()).sum();
    out.append("== Execution ==\n");
    out.append(String.format(Locale.ROOT, "Query %s %s: %d rows in %s (planning %s); %d stages, %d tasks%n",
        job.jobId(), job.outcome() == null ? "RUNNING" : job.outcome(), rows, ProfileFormat.duration(elapsedNanos),
        ProfileFormat.duration(planningNanos), plan.stages().size(), tasks));
    TaskStats total = job.stats();
    out.append("  read ").append(total.tableRows()).append(" rows (").append(ProfileFormat.bytes(total.tableBytes()))
        .append(") from tables; shuffle ").append(ProfileFormat.bytes(total.shuffleWriteBytes()))
        .append(" written; spill ").append(ProfileFormat.bytes(total.spillBytes())).append("; CPU ")
        .append(ProfileFormat.duration(total.cpuNanos())).append("; GC ").append(ProfileFormat.duration(total.gcNanos()))
        .append('\n');
    for (StageFragment fragment : plan.stages()) {
      StageProfile stage = stages.stream().filter(s -> s.stageId() == fragment.stageId()).findFirst().orElse(null);
      stage(out, fragment, stage, estimates);
    }
    return out.toString();
  }

  private static void stage(StringBuilder out, StageFragment fragment, StageProfile stage, RowEstimates estimates) {
    out.append("Stage ").append(fragment.stageId()).append(": ");
    if (stage == null) {
      out.append("not run\n");
      return;
    }
    List<Long> durations = stage.endedTasks().stream().map(TaskProfile::durationNanos).toList();
    TaskStats stats = stage.stats();
    out.append(stage.tasks().size()).append(stage.tasks().size() == 1 ? " task" : " tasks")
        .append(" for ").append(fragment.partitionCount()).append(" partitions, ")
        .append(stage.outcome() == null ? "RUNNING" : stage.outcome() + " in "
            + ProfileFormat.duration(stage.durationNanos()))
        .append(", output ").append(StagePlanPrinter.describe(fragment.output())).append('\n');
    out.append("  inputs: ").append(fragment.sourceStageIds().isEmpty() ? "none (reads tables or constants)"
        : "stages " + fragment.sourceStageIds()).append('\n');
    out.append("  task time: min ").append(ProfileFormat.duration(ProfileFormat.quantile(durations, 0)))
        .append(", median ").append(ProfileFormat.duration(ProfileFormat.quantile(durations, 0.5)))
        .append(", max ").append(ProfileFormat.duration(ProfileFormat.quantile(durations, 1))).append('\n');
    out.append("  rows in ").append(stats.inputRows()).append(" (").append(ProfileFormat.bytes(stats.inputBytes()))
        .append("), out ").append(stats.outputRows()).append(" (").append(ProfileFormat.bytes(stats.outputBytes()))
        .append(")\n");
    out.append("  shuffle read ").append(stats.shuffleReadRows()).append(" rows (")
        .append(ProfileFormat.bytes(stats.shuffleReadBytes())).append(", remote ")
        .append(ProfileFormat.bytes(stats.remoteShuffleReadBytes())).append("), write ")
        .append(stats.shuffleWriteRows()).append(" rows (").append(ProfileFormat.bytes(stats.shuffleWriteBytes()))
        .append("); spill ").append(ProfileFormat.bytes(stats.spillBytes())).append(" in ")
        .append(stats.spillFiles()).append(stats.spillFiles() == 1 ? " file" : " files").append("; peak memory ")
        .append(ProfileFormat.bytes(stats.peakMemoryBytes())).append(" (largest task)\n");
    out.append("  operators (estimated rows, actual rows, time summed over tasks):\n");
    int[] nextId = {0};
    node(out, fragment.stageId(), fragment.root(), "    ", nextId, stats, estimates);
    OperatorStats sink = stats.operator(OperatorStats.SINK_NODE);
    if (sink != null) {
      out.append("    -> ").append(sink.operator()).append(": ").append(sink.inputRows()).append(" rows written, ")
          .append(ProfileFormat.duration(sink.wallNanos())).append('\n');
    }
  }

  private static void node(StringBuilder out, int stageId, PlanNode node, String indent, int[] nextId,
      TaskStats stats, RowEstimates estimates) {
    int nodeId = nextId[0]++;
    OperatorStats operator = stats.operator(nodeId);
    Double estimate = estimates.estimate(stageId, nodeId);
    out.append(indent).append(PlanNodePrinter.describe(node)).append("  [est. ")
        .append(estimate == null ? "?" : String.format(Locale.ROOT, "%.0f", estimate)).append(" rows, actual ");
    if (operator == null) {
      out.append("- (not run)]\n");
    } else {
      out.append(operator.outputRows()).append(" rows in ").append(operator.outputBatches()).append(" batches, ")
          .append(ProfileFormat.duration(operator.wallNanos())).append(" (CPU ")
          .append(ProfileFormat.duration(operator.cpuNanos())).append("), peak memory ")
          .append(ProfileFormat.bytes(operator.peakMemoryBytes())).append("]\n");
    }
    for (PlanNode child : node.children()) {
      node(out, stageId, child, indent + "  ", nextId, stats, estimates);
    }
  }
}
