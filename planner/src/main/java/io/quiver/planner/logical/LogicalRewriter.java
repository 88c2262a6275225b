package io.quiver.planner.logical;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.RelBuilder;

/**
 * The rule-based logical phase, in order: subqueries to joins/correlates and decorrelation;
 * pushdown, merging and constant folding; DISTINCT aggregates expanded into GROUP BYs; the order
 * of inner joins chosen by cost (MultiJoin, then {@code LoptOptimizeJoinRule}) and join keys of
 * different types cast to a common one; unused
 * columns trimmed and the remaining ones pushed into the scans. Stateless; each call builds its own
 * Hep planners.
 */
public final class LogicalRewriter {

  private static final List<RelOptRule> SUBQUERY_RULES = List.of(
      CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
      CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
      CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);

  /**
   * An aggregate over no rows is no rows only when no grouping set is empty: Calcite's own rule
   * looks at the GROUP BY columns only and would drop the one row that ROLLUP, CUBE or GROUPING
   * SETS ((), ...) owe to the empty set over empty input.
   */
  private static final RelOptRule PRUNE_EMPTY_AGGREGATE =
      PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.AGGREGATE
          .withOperandFor(Aggregate.class, aggregate -> aggregate.getGroupSets().stream()
              .noneMatch(org.apache.calcite.util.ImmutableBitSet::isEmpty))
          .toRule();

  /**
   * Window functions (RexOver in projections) become Window nodes: Calcite's CASE around a nullable
   * SUM is folded first, then each projection splits into a Window and projections around it.
   */
  private static final List<RelOptRule> WINDOW_RULES = List.of(
      SumOverCaseRule.INSTANCE,
      CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW);

  private static final List<RelOptRule> SIMPLIFY_RULES = List.of(
      PullCommonFactorsRule.INSTANCE,
      CoreRules.UNION_TO_DISTINCT,
      CoreRules.UNION_MERGE,
      CoreRules.FILTER_MERGE,
      CoreRules.FILTER_PROJECT_TRANSPOSE,
      CoreRules.FILTER_AGGREGATE_TRANSPOSE,
      CoreRules.FILTER_SET_OP_TRANSPOSE,
      CoreRules.FILTER_INTO_JOIN,
      CoreRules.JOIN_CONDITION_PUSH,
      NullKeyJoinRule.INSTANCE,
      IsNullFilterToAntiJoinRule.INSTANCE,
      CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE,
      CoreRules.FILTER_REDUCE_EXPRESSIONS,
      CoreRules.PROJECT_REDUCE_EXPRESSIONS,
      CoreRules.AGGREGATE_PROJECT_MERGE,
      CoreRules.AGGREGATE_REMOVE,
      PruneEmptyRules.FILTER_INSTANCE,
      PruneEmptyRules.PROJECT_INSTANCE,
      PRUNE_EMPTY_AGGREGATE,
      PruneEmptyRules.SORT_INSTANCE,
      PruneEmptyRules.UNION_INSTANCE);

  /** Inner joins collapsed into one multi-way join per region of inner joins... */
  private static final List<RelOptRule> MULTI_JOIN_RULES = List.of(
      CoreRules.JOIN_TO_MULTI_JOIN,
      CoreRules.PROJECT_MULTI_JOIN_MERGE,
      CoreRules.FILTER_MULTI_JOIN_MERGE);

  /** ...whose join order the cost of intermediate results decides (row counts and selectivities). */
  private static final List<RelOptRule> JOIN_ORDER_RULES = List.of(CoreRules.MULTI_JOIN_OPTIMIZE);

  private static final List<RelOptRule> JOIN_CLEANUP_RULES = List.of(
      CoreRules.FILTER_INTO_JOIN,
      CoreRules.JOIN_CONDITION_PUSH,
      CoreRules.FILTER_MERGE,
      CoreRules.FILTER_PROJECT_TRANSPOSE,
      CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE,
      JoinKeyCastRule.INSTANCE,
      CoreRules.JOIN_PUSH_EXPRESSIONS);

  /**
   * An inner join with a DISTINCT aggregate whose columns are not used above it (what EXISTS and IN
   * decorrelate into) is a semi join; found once trimming has made the unused columns visible.
   */
  private static final List<RelOptRule> SEMI_JOIN_RULES = List.of(
      CoreRules.PROJECT_TO_SEMI_JOIN,
      CoreRules.JOIN_TO_SEMI_JOIN,
      CoreRules.AGGREGATE_PROJECT_MERGE,
      CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE);

  private static final List<RelOptRule> SCAN_RULES = List.of(
      AggregateScanPruneRule.INSTANCE,
      ProjectIntoScanRule.INSTANCE,
      CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE);

  private LogicalRewriter() {
  }

  /** The rewritten plan of {@code rel}. */
  public static RelNode rewrite(RelNode rel, RelBuilder relBuilder) {
    RelNode plan = run(rel, List.of(ExistsToSemiJoinRule.INSTANCE,
        NotInToNullAwareAntiJoinRule.INSTANCE));
    plan = run(plan, SUBQUERY_RULES);
    plan = RelDecorrelator.decorrelateQuery(plan, relBuilder);
    plan = run(plan, WINDOW_RULES);
    plan = run(plan, SIMPLIFY_RULES);
    plan = run(plan, List.of(SetOpToAggregateRule.INSTANCE));
    plan = run(plan, List.of(ApproxCountDistinctRule.INSTANCE, StringAggSeparatorRule.INSTANCE,
        DistinctGroupingSetsToUnionRule.INSTANCE));
    plan = expandDistinctAggregates(plan);
    plan = run(plan, List.of(Sum0ToSumRule.INSTANCE, LiteralAggToProjectRule.INSTANCE));
    if (contains(plan, Join.class)) {
      plan = run(plan, MULTI_JOIN_RULES);
      plan = run(plan, JOIN_ORDER_RULES);
      plan = run(plan, JOIN_CLEANUP_RULES);
    }
    plan = new WindowFieldTrimmer(relBuilder).trim(plan);
    if (contains(plan, Join.class)) {
      plan = run(plan, SEMI_JOIN_RULES);
      // Semi joins drop the right side's columns: trim again so that scans read only the keys.
      plan = new WindowFieldTrimmer(relBuilder).trim(plan);
    }
    plan = run(plan, SCAN_RULES);
    // last, so that trimming and pushdown see no node of Quiver's own between a window and its input
    return run(plan, List.of(WindowGroupLimitRule.INSTANCE));
  }

  /**
   * DISTINCT aggregates as GROUP BYs. One DISTINCT aggregate alone: aggregate by (k, x), then by k.
   * Several, or DISTINCT next to plain aggregates: Calcite's grouping-sets expansion, one aggregate
   * over GROUPING SETS ((k, x), (k, y), (k)) (one pass over the input, see GroupingSetsPlan) and an
   * aggregate by k whose calls each take the rows of their set through FILTER (WHERE ...); Calcite's
   * other expansion would join one aggregate per DISTINCT argument and scan the input once per
   * argument.
   */
  private static RelNode expandDistinctAggregates(RelNode plan) {
    RelNode expanded = run(plan, List.of(CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN,
        CoreRules.PROJECT_MERGE, CoreRules.AGGREGATE_PROJECT_MERGE));
    if (count(expanded, Join.class) > count(plan, Join.class)
        || count(expanded, Correlate.class) > count(plan, Correlate.class)) {
      return run(plan, List.of(CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES,
          CoreRules.PROJECT_MERGE, CoreRules.AGGREGATE_PROJECT_MERGE));
    }
    return expanded;
  }

  private static int count(RelNode rel, Class<? extends RelNode> type) {
    int count = type.isInstance(rel) ? 1 : 0;
    for (RelNode input : rel.getInputs()) {
      count += count(input, type);
    }
    return count;
  }

  private static boolean contains(RelNode rel, Class<? extends RelNode> type) {
    if (type.isInstance(rel)) {
      return true;
    }
    for (RelNode input : rel.getInputs()) {
      if (contains(input, type)) {
        return true;
      }
    }
    return false;
  }

  private static RelNode run(RelNode rel, List<RelOptRule> rules) {
    HepProgram program = new HepProgramBuilder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleCollection(rules)
        .build();
    HepPlanner planner = new HepPlanner(program, null, true, null,
        org.apache.calcite.plan.RelOptCostImpl.FACTORY);
    planner.addListener(io.quiver.planner.PlanningInterrupts.LISTENER);
    planner.setRoot(rel);
    return planner.findBestExp();
  }
}
