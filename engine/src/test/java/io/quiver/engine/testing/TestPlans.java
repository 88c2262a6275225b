package io.quiver.engine.testing;

import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;

/** Stage plans built by hand for scheduling tests; fake tasks ignore the fragments. */
public final class TestPlans {

  public static final RowSchema NUMBERS = new RowSchema(List.of(new Column("n", DataType.BIGINT, false)));

  private final List<StageFragment> stages = new ArrayList<>();

  public static TestPlans plan() {
    return new TestPlans();
  }

  /** A stage that writes to an exchange. */
  public TestPlans stage(int stageId, int partitions, Integer... sources) {
    stages.add(new StageFragment(stageId, new ValuesNode(List.of(), NUMBERS), partitions,
        new OutputPartitioning.RoundRobin(4), List.of(sources)));
    return this;
  }

  /** The result stage; it must come last. */
  public StagePlan result(int stageId, int partitions, Integer... sources) {
    stages.add(new StageFragment(stageId, new ValuesNode(List.of(), NUMBERS), partitions,
        new OutputPartitioning.Result(), List.of(sources)));
    return new StagePlan(stages);
  }
}
