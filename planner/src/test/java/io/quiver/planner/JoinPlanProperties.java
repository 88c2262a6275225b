package io.quiver.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
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
      new Pair("test.misc.nullable", "nation", "i = n_nationkey", "s", "n_name"));

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

  /** The side reads a hash exchange on exactly these keys in this order (or is co-located by one). */
  private static void assertHashedOn(StagePlan plan, io.quiver.exec.fragment.node.PlanNode side,
      List<Integer> keys, int partitions, String sql) {
    if (side instanceof ExchangeSourceNode source) {
      OutputPartitioning output = plan.stage(source.sourceStageId()).output();
      assertTrue(output instanceof OutputPartitioning.Hash, sql + ": " + output);
      assertEquals(new OutputPartitioning.Hash(keys, partitions), output, sql);
    }
    // Otherwise the side was already hashed on its keys in this stage (an aggregate or join
    // below): checked by the codec and partition-count invariants above.
  }
}
