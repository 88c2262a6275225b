package io.quiver.planner.physical.rules;

import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverExchange;
import io.quiver.planner.physical.QuiverProject;
import io.quiver.planner.physical.QuiverSort;
import io.quiver.planner.physical.QuiverWindow;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Plans a logical window the way Spark runs one: for each group of calls that share a PARTITION BY
 * and an ORDER BY ({@link WindowPlan}), a hash exchange on the partition keys (a gather when there
 * are none; nothing when the rows are already co-located), a sort by partition and order keys in
 * each task, and a {@link QuiverWindow}. Groups run one after the other over the same rows, each
 * appending its columns. Constants and arguments of another type than the result are computed by a
 * projection below; a projection above restores Calcite's column order when it differs. Sorts that
 * their input's order already satisfies are removed after planning ({@code SortElimination}).
 */
public final class QuiverWindowRule extends RelRule<QuiverRuleConfig> {

  public static final QuiverWindowRule INSTANCE = (QuiverWindowRule) QuiverRuleConfig.of(
      "QuiverWindowRule",
      b0 -> b0.operand(LogicalWindow.class).anyInputs(),
      QuiverWindowRule::new).toRule();

  private QuiverWindowRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalWindow window = call.rel(0);
    RelOptCluster cluster = window.getCluster();
    int inputCount = window.getInput().getRowType().getFieldCount();
    List<RelDataTypeField> outputFields = window.getRowType().getFieldList();

    // Calcite's calls, flattened over the groups, converted in Calcite's order.
    WindowCallConverter converter = new WindowCallConverter(window);
    List<WindowCall> calls = new ArrayList<>();
    List<RelDataType> callTypes = new ArrayList<>();
    int callIndex = 0;
    for (Window.Group group : window.groups) {
      for (Window.RexWinAggCall aggCall : group.aggCalls) {
        RelDataTypeField field = outputFields.get(inputCount + callIndex++);
        calls.add(converter.convert(group, aggCall, field.getName()));
        callTypes.add(field.getType());
      }
    }

    RelNode current = PhysicalInputs.physical(window.getInput());
    RelDistribution distribution = Distributions.of(current);
    List<RexNode> extra = converter.extraColumns();
    if (!extra.isEmpty()) {
      current = extend(current, extra);
      distribution = Distributions.of(current);
    }
    int chainInputCount = current.getRowType().getFieldCount();
    // where each of Calcite's calls ends up in the chain's output
    int[] positions = new int[calls.size()];
    int next = chainInputCount;
    for (WindowPlan.Spec spec : WindowPlan.specs(window)) {
      if (!Distributions.colocates(distribution, spec.partitionKeys())) {
        distribution = WindowPlan.target(spec);
        current = QuiverExchange.create(current, distribution);
      }
      RelCollation sortKeys = WindowPlan.sortCollation(spec);
      if (!sortKeys.getFieldCollations().isEmpty()) {
        current = new QuiverSort(cluster, Distributions.traits(window, distribution), current, sortKeys);
      }
      RelDataTypeFactory.Builder rowType = cluster.getTypeFactory().builder();
      rowType.addAll(current.getRowType().getFieldList());
      List<WindowCall> specCalls = new ArrayList<>();
      for (int index : spec.calls()) {
        specCalls.add(calls.get(index));
        rowType.add(calls.get(index).name(), callTypes.get(index));
        positions[index] = next++;
      }
      current = new QuiverWindow(cluster, Distributions.traits(window, distribution), current,
          spec.partitionKeys(), spec.order(), specCalls, rowType.uniquify().build());
    }
    call.transformTo(restoreOrder(window, current, inputCount, positions));
  }

  /** The input with {@code extra} columns after its own. */
  private static RelNode extend(RelNode input, List<RexNode> extra) {
    RexBuilder rexBuilder = input.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>(rexBuilder.identityProjects(input.getRowType()));
    projects.addAll(extra);
    RelDataTypeFactory.Builder rowType = input.getCluster().getTypeFactory().builder();
    rowType.addAll(input.getRowType().getFieldList());
    for (int i = 0; i < extra.size(); i++) {
      rowType.add("$window_argument" + i, extra.get(i).getType());
    }
    RelDistribution distribution = Distributions.project(Distributions.of(input), projects);
    return new QuiverProject(input.getCluster(), Distributions.traits(input, distribution), input, projects,
        rowType.uniquify().build());
  }

  /** The chain's output in the logical window's columns: its input's, then the calls in Calcite's order. */
  private static RelNode restoreOrder(LogicalWindow window, RelNode chain, int inputCount, int[] positions) {
    boolean identity = chain.getRowType().getFieldCount() == window.getRowType().getFieldCount();
    for (int i = 0; i < positions.length && identity; i++) {
      identity = positions[i] == inputCount + i;
    }
    if (identity) {
      return chain;
    }
    RexBuilder rexBuilder = window.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < inputCount; i++) {
      projects.add(rexBuilder.makeInputRef(chain, i));
    }
    for (int position : positions) {
      projects.add(rexBuilder.makeInputRef(chain, position));
    }
    RelDistribution distribution = Distributions.project(Distributions.of(chain), projects);
    return new QuiverProject(window.getCluster(), Distributions.traits(window, distribution), chain, projects,
        window.getRowType());
  }
}
