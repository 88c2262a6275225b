package io.quiver.planner;

import static io.quiver.planner.PlanTesting.nodes;
import static io.quiver.planner.PlanTesting.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ExpandNode;
import io.quiver.exec.fragment.node.ReplicateNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plan shapes of grouping sets, set operations, DISTINCT aggregates and recursive queries: one scan
 * of the input, the expansion before the partial aggregate, hash exchanges rather than gathers, and
 * plans that survive the fragment codec.
 */
class GroupingPlanningTest {

  private static void assertRoundTrips(StagePlan plan) {
    assertEquals(plan, FragmentCodec.decodePlan(FragmentCodec.encode(plan)));
  }

  @Test
  void rollupExpandsOnceBeforeThePartialAggregateAndScansOnce() {
    StagePlan plan = plan("SELECT l_returnflag, l_linestatus, l_shipmode, count(*), sum(l_quantity) FROM lineitem "
        + "GROUP BY ROLLUP(l_returnflag, l_linestatus, l_shipmode)").stagePlan();
    assertEquals(1, nodes(plan, TableScanNode.class).size());
    List<ExpandNode> expands = nodes(plan, ExpandNode.class);
    assertEquals(1, expands.size());
    assertEquals(4, expands.get(0).sets().size());
    AggregateNode partial = nodes(plan, AggregateNode.class).stream()
        .filter(node -> node.step() == AggregateStep.PARTIAL).findFirst().orElseThrow();
    assertTrue(partial.input() instanceof ExpandNode, "the partial aggregate reads the expanded rows");
    assertEquals(7L, partial.emptyGroupingSetId(), "the grand total's group is made in every task");
    assertRoundTrips(plan);
  }

  @Test
  void groupingSetsWithoutTheEmptySetNeedNoDefaultGroup() {
    StagePlan plan = plan("SELECT l_returnflag, l_shipmode, count(*) FROM lineitem "
        + "GROUP BY GROUPING SETS ((l_returnflag), (l_shipmode))").stagePlan();
    assertTrue(nodes(plan, AggregateNode.class).stream().allMatch(node -> node.emptyGroupingSetId() == null));
    assertEquals(1, nodes(plan, TableScanNode.class).size());
  }

  @Test
  void intersectAndExceptAreHashedOnAllColumnsNotGathered() {
    for (String sql : List.of(
        "SELECT o_custkey, o_orderstatus FROM orders INTERSECT SELECT c_custkey, c_mktsegment FROM customer",
        "SELECT o_custkey, o_orderstatus FROM orders EXCEPT ALL SELECT c_custkey, c_mktsegment FROM customer")) {
      StagePlan plan = plan(sql).stagePlan();
      boolean hashOnBoth = plan.stages().stream().map(StageFragment::output)
          .anyMatch(output -> output instanceof OutputPartitioning.Hash hash && hash.keys().equals(List.of(0, 1)));
      assertTrue(hashOnBoth, sql);
      StageFragment counting = plan.stages().stream()
          .filter(stage -> nodes(stage, AggregateNode.class).stream().anyMatch(n -> n.step() == AggregateStep.FINAL))
          .findFirst().orElseThrow();
      assertTrue(counting.partitionCount() > 1, "the counting aggregate runs in every shuffle partition");
      assertRoundTrips(plan);
    }
    assertEquals(1, nodes(plan("SELECT n_name FROM nation INTERSECT ALL SELECT r_name FROM region").stagePlan(),
        ReplicateNode.class).size());
    assertEquals(0, nodes(plan("SELECT n_name FROM nation INTERSECT SELECT r_name FROM region").stagePlan(),
        ReplicateNode.class).size());
  }

  @Test
  void severalDistinctAggregatesScanTheInputOnce() {
    StagePlan plan = plan("SELECT l_returnflag, count(DISTINCT l_orderkey), count(DISTINCT l_partkey), "
        + "count(DISTINCT l_suppkey), sum(l_quantity) FROM lineitem GROUP BY l_returnflag").stagePlan();
    assertEquals(1, nodes(plan, TableScanNode.class).size());
    assertEquals(1, nodes(plan, ExpandNode.class).size());
    assertTrue(nodes(plan, AggregateNode.class).stream().noneMatch(node -> node.aggregates().stream()
        .anyMatch(call -> call.distinct())));
    assertRoundTrips(plan);
  }

  @Test
  void recursiveQueriesBecomeStepsAroundTheQuery() {
    PlannedStatement planned = plan("WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n + 1 FROM t WHERE n < 3) "
        + "SELECT count(*) FROM t");
    assertEquals(1, planned.recursiveSteps().size());
    assertNotNull(planned.recursiveSteps().get(0).iteration());
    assertRoundTrips(planned.recursiveSteps().get(0).seed());
    assertRoundTrips(planned.recursiveSteps().get(0).iteration());
    assertFalse(plan("SELECT 1").recursiveSteps().size() > 0);
  }

  @Test
  void errorsCarryTheirSqlStates() {
    assertEquals(ErrorCode.GROUPING_ERROR, assertThrows(QuiverException.class,
        () -> plan("SELECT n_name, GROUPING(n_regionkey) FROM nation GROUP BY n_name")).errorCode());
    assertEquals(ErrorCode.SET_OPERATION_COLUMN_COUNT, assertThrows(QuiverException.class,
        () -> plan("SELECT n_name, n_regionkey FROM nation EXCEPT SELECT r_name FROM region")).errorCode());
    assertEquals(ErrorCode.TYPE_MISMATCH, assertThrows(QuiverException.class,
        () -> plan("SELECT n_regionkey FROM nation UNION SELECT DATE '2024-01-01'")).errorCode());
    assertEquals(ErrorCode.DISTINCT_NOT_ALLOWED, assertThrows(QuiverException.class,
        () -> plan("SELECT covar_pop(DISTINCT n_regionkey, n_nationkey) FROM nation")).errorCode());
    QuiverException recursion = assertThrows(QuiverException.class,
        () -> plan("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT max(n) FROM t) SELECT * FROM t"));
    assertEquals(ErrorCode.INVALID_RECURSION, recursion.errorCode());
    assertTrue(recursion.line() > 0);
  }
}
