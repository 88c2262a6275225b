package io.quiver.planner.physical.rules;

import io.quiver.planner.physical.AggregateCallSpec;
import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverExpand;
import io.quiver.planner.physical.QuiverProject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * GROUPING SETS, ROLLUP and CUBE in one pass over the input (as Spark plans them):
 * {@link QuiverExpand} emits each row once per grouping set, with key copies of the group columns
 * (NULL outside the set) and the set's grouping id; an ordinary aggregate groups the expanded rows by
 * the keys and the grouping id, its calls reading the untouched input columns (PARTIAL, exchange, FINAL, or SINGLE over an exchange); a
 * projection drops the grouping id and computes GROUPING(...), GROUPING_ID(...) and GROUP_ID() from
 * it. When the sets include the empty set (), the aggregate makes that set's group even over empty
 * input (SQL's one row for a grand total).
 */
final class GroupingSetsPlan {

  private GroupingSetsPlan() {
  }

  static void plan(RelOptRuleCall call, LogicalAggregate aggregate) {
    ImmutableBitSet groupSet = aggregate.getGroupSet();
    List<ImmutableBitSet> sets = aggregate.getGroupSets();
    RelNode input = PhysicalInputs.physical(aggregate.getInput());
    RelDistribution inputDistribution = Distributions.of(input);
    RelDistribution expandDistribution = inputDistribution.getType() == RelDistribution.Type.SINGLETON
        ? inputDistribution : RelDistributions.RANDOM_DISTRIBUTED;
    QuiverExpand expand = new QuiverExpand(aggregate.getCluster(),
        Distributions.traits(aggregate, expandDistribution), input, groupSet, sets);

    // Group by the key columns (copies of the group columns, NULL outside a set) and the grouping
    // id; the calls read the input columns themselves.
    int inputColumns = aggregate.getInput().getRowType().getFieldCount();
    List<Integer> keys = new ArrayList<>();
    for (int key = 0; key <= groupSet.cardinality(); key++) {
      keys.add(inputColumns + key);
    }
    List<AggregateCall> computed = new ArrayList<>();
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      if (!isGroupingFunction(aggregateCall)) {
        computed.add(aggregateCall);
      }
    }
    List<AggregateCallSpec> specs = QuiverAggregateRule.specs(aggregate, computed);
    Long emptySetId = sets.contains(ImmutableBitSet.of())
        ? QuiverExpand.groupingId(groupSet, ImmutableBitSet.of()) : null;
    for (RelNode plan : QuiverAggregateRule.plans(aggregate, expand, expand.getRowType(), keys, specs, emptySetId)) {
      call.transformTo(project(aggregate, plan));
    }
  }

  static boolean hasGroupingFunction(LogicalAggregate aggregate) {
    return aggregate.getAggCallList().stream().anyMatch(GroupingSetsPlan::isGroupingFunction);
  }

  private static boolean isGroupingFunction(AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID;
  }

  /**
   * The logical aggregate's columns from the aggregate of the expanded rows (group columns, grouping
   * id, computed calls): group columns, then each call, the grouping functions computed from the
   * grouping id.
   */
  private static RelNode project(LogicalAggregate aggregate, RelNode grouped) {
    RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
    int keyCount = aggregate.getGroupCount();
    RexNode groupingId = rexBuilder.makeInputRef(grouped, keyCount);
    List<RelDataType> types = new ArrayList<>();
    aggregate.getRowType().getFieldList().forEach(field -> types.add(field.getType()));
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < keyCount; i++) {
      projects.add(rexBuilder.makeInputRef(grouped, i));
    }
    int next = keyCount + 1;
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      if (isGroupingFunction(aggregateCall)) {
        projects.add(groupingFunction(rexBuilder, aggregate, aggregateCall, groupingId));
      } else {
        projects.add(rexBuilder.makeInputRef(grouped, next++));
      }
    }
    for (int i = 0; i < projects.size(); i++) {
      if (!projects.get(i).getType().equals(types.get(i))) {
        projects.set(i, rexBuilder.makeCast(types.get(i), projects.get(i), true, false));
      }
    }
    RelDistribution distribution = Distributions.project(Distributions.of(grouped), projects);
    return new QuiverProject(aggregate.getCluster(), Distributions.traits(aggregate, distribution), grouped,
        projects, aggregate.getRowType());
  }

  /**
   * GROUPING(a, b, ...) and GROUPING_ID(a, b, ...): bit {@code m - 1 - i} set when argument i is not
   * in the row's grouping set; as a CASE over the grouping ids of the sets. GROUP_ID() is 0 (Calcite
   * has already split duplicate grouping sets into separate aggregates).
   */
  private static RexNode groupingFunction(RexBuilder rexBuilder, LogicalAggregate aggregate, AggregateCall call,
      RexNode groupingId) {
    RelDataType type = call.getType();
    if (call.getAggregation().getKind() == SqlKind.GROUP_ID) {
      return rexBuilder.makeExactLiteral(BigDecimal.ZERO, type);
    }
    ImmutableBitSet groupSet = aggregate.getGroupSet();
    List<Integer> arguments = call.getArgList();
    List<RexNode> operands = new ArrayList<>();
    List<ImmutableBitSet> sets = aggregate.getGroupSets();
    RexNode last = null;
    for (ImmutableBitSet set : sets) {
      long value = 0;
      for (int i = 0; i < arguments.size(); i++) {
        if (!set.get(arguments.get(i))) {
          value |= 1L << (arguments.size() - 1 - i);
        }
      }
      RexNode literal = rexBuilder.makeExactLiteral(BigDecimal.valueOf(value), type);
      operands.add(rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, groupingId,
          rexBuilder.makeExactLiteral(BigDecimal.valueOf(QuiverExpand.groupingId(groupSet, set)),
              groupingId.getType())));
      operands.add(literal);
      last = literal;
    }
    operands.add(last);
    return rexBuilder.makeCall(type, SqlStdOperatorTable.CASE, operands);
  }
}
