package io.quiver.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.FilterNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.ProjectNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of join plans over generated joins of TPC-H tables (join kinds, extra non-equi
 * conditions, filters, grouping, both statistics scales and broadcast thresholds).
 */
class JoinPlanProperties {

  /** Two tables, their join condition and a column of each. */
  private record Pair(String left, String right, String condition, String leftColumn,
      String rightColumn) {
  }

  private static final List<Pair> PAIRS = List.of(
      new Pair("customer", "orders", "c_custkey = o_custkey", "c_name", "o_totalprice"),
      new Pair("orders", "lineitem", "o_orderkey = l_orderkey", "o_orderdate", "l_quantity"),
      new Pair("nation", "customer", "n_nationkey = c_nationkey", "n_name", "c_acctbal"),
      new Pair("region", "nation", "r_regionkey = n_regionkey", "r_name", "n_name"),
      new Pair("partsupp", "lineitem", "ps_partkey = l_partkey and ps_suppkey = l_suppkey",
          "ps_availqty", "l_extendedprice"),
      new Pair("supplier", "nation", "s_nationkey = n_nationkey", "s_name", "n_name"),
      new Pair("test.misc.nullable", "nation", "i = n_nationkey", "s", "n_name"),
      // Two GROUP BY subqueries whose output order swaps their grouping order on one side (q97).
      new Pair("(select l_suppkey s, l_partkey p from lineitem group by l_partkey, l_suppkey) a",
          "(select ps_partkey p, ps_suppkey s from partsupp group by ps_partkey, ps_suppkey) b",
          "a.s = b.s and a.p = b.p", "a.s", "b.p"));

  private static final List<String> KINDS = List.of("join", "left join", "right join", "full join");
  private static final List<String> EXTRAS = List.of("", " and %s is not null", " and %s < %s");

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<Pair> pair = Arbitraries.of(PAIRS);
    Arbitrary<String> kind = Arbitraries.of(KINDS);
    Arbitrary<Integer> extra = Arbitraries.integers().between(0, EXTRAS.size() - 1);
    Arbitrary<Integer> shape = Arbitraries.integers().between(0, 4);
    Arbitrary<Boolean> swap = Arbitraries.of(true, false);
    return Combinators.combine(pair, kind, extra, shape, swap).as((p, k, e, s, sw) -> {
      String left = sw ? p.right() : p.left();
      String right = sw ? p.left() : p.right();
      String condition = p.condition();
      if (e == 1) {
        condition += String.format(" and %s is not null", p.leftColumn());
      } else if (e == 2) {
        condition += " and " + p.leftColumn() + " is not distinct from " + p.leftColumn();
      }
      switch (s) {
        case 0:
          return "select * from " + left + " " + k + " " + right + " on " + condition;
        case 1:
          return "select " + p.leftColumn() + ", count(*) from " + left + " " + k + " " + right
              + " on " + condition + " group by " + p.leftColumn();
        case 2:
          return "select " + p.rightColumn() + " from " + left + " " + k + " " + right + " on "
              + condition + " order by 1 limit 10";
        case 3:
          return "select " + p.leftColumn() + " from " + p.left() + " where exists (select * from "
              + p.right() + " where " + p.condition() + ")";
        default:
          return "select " + p.leftColumn() + " from " + p.left() + " where not exists (select * from "
              + p.right() + " where " + p.condition() + ")";
      }
    });
  }

  @Property(tries = 80)
  void joinPlansAreWellFormed(@ForAll("queries") String sql, @ForAll boolean sf1,
      @ForAll boolean broadcastEverything) {
    QueryPlanner planner = new QueryPlanner(TpchTestCatalog.create(),
        new PlannerSettings(PlanTesting.SHUFFLE_PARTITIONS, broadcastEverything ? Long.MAX_VALUE : 10_000));
    StagePlan plan = planner.plan(sql, sf1 ? List.of("tpch", "sf1") : PlanTesting.TINY).stagePlan();
    assertEquals(plan, FragmentCodec.decodePlan(FragmentCodec.encode(plan)), sql);
    TpchPlanningTest.checkWellFormed(plan);
    QueryPlannerTest.assertResultStageIsOrderSafe(plan);
    // (A LEFT join whose right columns are unused, on a unique right key, may be removed.)
    for (StageFragment stage : plan.stages()) {
      for (HashJoinNode join : PlanTesting.nodes(stage, HashJoinNode.class)) {
        boolean broadcastBuild = join.build() instanceof ExchangeSourceNode source && source.broadcast();
        if (join.joinType() == JoinType.BUILD_OUTER || join.joinType() == JoinType.FULL_OUTER) {
          // Unmatched build rows must come from exactly one task.
          assertFalse(broadcastBuild, sql);
        }
        if (!broadcastBuild && stage.partitionCount() > 1) {
          // Both sides hash-partitioned on their keys, pairwise, into the stage's partitions.
          assertFalse(join.probeKeys().isEmpty(), sql);
          assertHashedOn(plan, join.probe(), join.probeKeys(), stage.partitionCount(), sql);
          assertHashedOn(plan, join.build(), join.buildKeys(), stage.partitionCount(), sql);
        }
      }
    }
  }

  /**
   * The side's key columns, followed down through projections, filters and aggregates of its stage
   * (a column that is a plain input column there), come from a hash exchange on exactly these
   * columns in exactly this order. A side that is only co-located (hashed on fewer columns, by a
   * join below) passes when the exchange's columns are a subsequence of the traced keys.
   */
  private static void assertHashedOn(StagePlan plan, PlanNode side, List<Integer> keys, int partitions,
      String sql) {
    PlanNode node = side;
    List<Integer> columns = keys;
    while (!(node instanceof ExchangeSourceNode)) {
      if (node instanceof ProjectNode project) {
        List<Integer> below = new java.util.ArrayList<>();
        for (int column : columns) {
          if (!(project.projections().get(column) instanceof InputReference reference)) {
            throw new AssertionError(sql + ": join key " + column + " is computed above its exchange");
          }
          below.add(reference.index());
        }
        columns = below;
        node = project.input();
      } else if (node instanceof FilterNode filter) {
        node = filter.input();
      } else if (node instanceof AggregateNode aggregate) {
        List<Integer> below = new java.util.ArrayList<>();
        for (int column : columns) {
          if (column >= aggregate.groupKeys().size()) {
            throw new AssertionError(sql + ": join key " + column + " is an aggregate value");
          }
          below.add(aggregate.step() == io.quiver.exec.fragment.node.AggregateStep.FINAL
              ? column : aggregate.groupKeys().get(column));
        }
        columns = below;
        node = aggregate.input();
      } else {
        // A join below: co-location by its keys is what JoinPlanningTest checks case by case.
        return;
      }
    }
    OutputPartitioning output = plan.stage(((ExchangeSourceNode) node).sourceStageId()).output();
    assertTrue(output instanceof OutputPartitioning.Hash, sql + ": " + output);
    OutputPartitioning.Hash hash = (OutputPartitioning.Hash) output;
    assertEquals(partitions, hash.partitionCount(), sql);
    assertEquals(columns, hash.keys(), sql + ": the side is hashed on other columns or in another order");
  }
}
