package io.quiver.planner.explain;

import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The stage DAG as text: for every stage its id, how many tasks run it, where its output goes, the
 * exchanges that feed it and its fragment. Written for users learning how their query will run.
 */
public final class StagePlanPrinter {

  private StagePlanPrinter() {
  }

  public static String print(StagePlan plan) {
    StringBuilder out = new StringBuilder();
    for (StageFragment stage : plan.stages()) {
      out.append("Stage ").append(stage.stageId()).append(": ")
          .append(stage.partitionCount()).append(stage.partitionCount() == 1 ? " partition" : " partitions")
          .append(" (").append(stage.partitionCount()).append(stage.partitionCount() == 1 ? " task" : " tasks")
          .append("), output ").append(describe(stage.output())).append('\n');
      List<String> inputs = inputs(plan, stage.root());
      if (inputs.isEmpty()) {
        out.append("  inputs: none (reads tables or constants)\n");
      } else {
        for (String input : inputs) {
          out.append("  input: ").append(input).append('\n');
        }
      }
      out.append("  fragment:\n");
      PlanNodePrinter.print(stage.root(), "    ", out);
    }
    return out.toString();
  }

  /** How a stage's output leaves it, in words. */
  public static String describe(OutputPartitioning output) {
    if (output instanceof OutputPartitioning.Hash hash) {
      return "hash exchange on columns " + hash.keys() + " into " + hash.partitionCount() + " partitions";
    }
    if (output instanceof OutputPartitioning.Single) {
      return "single exchange (gather into 1 partition)";
    }
    if (output instanceof OutputPartitioning.Broadcast) {
      return "broadcast exchange (every row to every consumer)";
    }
    if (output instanceof OutputPartitioning.RoundRobin roundRobin) {
      return "round-robin exchange into " + roundRobin.partitionCount() + " partitions";
    }
    return "result (rows go to the client)";
  }

  private static List<String> inputs(StagePlan plan, PlanNode node) {
    List<String> inputs = new ArrayList<>();
    collect(plan, node, inputs);
    return inputs;
  }

  private static void collect(StagePlan plan, PlanNode node, List<String> inputs) {
    if (node instanceof ExchangeSourceNode source) {
      StageFragment producer = plan.stage(source.sourceStageId());
      inputs.add("stage " + source.sourceStageId() + " through its " + describe(producer.output())
          + ", " + source.sourcePartitionCount() + " map partitions");
    }
    for (PlanNode child : node.children()) {
      collect(plan, child, inputs);
    }
  }
}
