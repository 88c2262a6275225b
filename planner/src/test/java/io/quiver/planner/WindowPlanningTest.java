package io.quiver.planner;

import static io.quiver.planner.PlanTesting.nodes;
import static io.quiver.planner.PlanTesting.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.GroupTopNNode;
import io.quiver.exec.fragment.node.LimitNode;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.SortNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.node.TopNNode;
import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.fragment.node.WindowFunction;
import io.quiver.exec.fragment.node.WindowNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Window plans: an exchange on the PARTITION BY keys (a gather without), a sort, the window; windows
 * that share their PARTITION BY and ORDER BY share the exchange and the sort; ORDER BYs a window's
 * order satisfies cost no second sort.
 */
class WindowPlanningTest {

  private static StagePlan stages(String sql) {
    StagePlan plan = plan(sql).stagePlan();
    assertEquals(plan, FragmentCodec.decodePlan(FragmentCodec.encode(plan)), sql);
    TpchPlanningTest.checkWellFormed(plan);
    return plan;
  }

  /** The stage whose fragment holds the window (the only one in these queries). */
  private static StageFragment windowStage(StagePlan plan) {
    return plan.stages().stream().filter(stage -> !nodes(stage, WindowNode.class).isEmpty()).findFirst()
        .orElseThrow();
  }

  @Test
  void partitionedWindowRunsAfterAHashExchangeAndASort() {
    StagePlan plan = stages("select l_suppkey, row_number() over (partition by l_suppkey order by l_extendedprice"
        + " desc) from lineitem");
    assertEquals(2, plan.stages().size());
    StageFragment scan = plan.stages().get(0);
    assertEquals(new OutputPartitioning.Hash(List.of(0), PlanTesting.SHUFFLE_PARTITIONS), scan.output());
    StageFragment window = plan.stages().get(1);
    assertEquals(PlanTesting.SHUFFLE_PARTITIONS, window.partitionCount());
    WindowNode node = nodes(window, WindowNode.class).get(0);
    assertEquals(List.of(0), node.partitionKeys());
    assertEquals(List.of(new SortKey(1, false, true)), node.orderKeys());
    SortNode sort = assertInstanceOf(SortNode.class, node.input());
    assertEquals(List.of(new SortKey(0, true, false), new SortKey(1, false, true)), sort.keys());
    assertInstanceOf(ExchangeSourceNode.class, sort.input());
    // the scan reads only the columns the window needs
    assertEquals(2, nodes(scan, TableScanNode.class).get(0).columns().size());
  }

  @Test
  void windowWithoutPartitionRunsInOnePartitionAfterAGather() {
    StagePlan plan = stages("select o_orderkey, sum(o_totalprice) over (order by o_orderdate rows 6 preceding)"
        + " from orders");
    StageFragment window = windowStage(plan);
    assertEquals(1, window.partitionCount());
    WindowNode node = nodes(window, WindowNode.class).get(0);
    assertTrue(node.partitionKeys().isEmpty());
    WindowCall call = node.calls().get(0);
    assertEquals(AggregateFunction.SUM, call.aggregate());
    assertEquals("ROWS BETWEEN 6 PRECEDING AND CURRENT ROW", call.frame().toString());
  }

  @Test
  void windowsSharingPartitionAndOrderShareOneExchangeAndOneSort() {
    StagePlan plan = stages("select l_orderkey, row_number() over w, rank() over w, sum(l_quantity) over (w rows 2"
        + " preceding), avg(l_quantity) over (partition by l_suppkey order by l_partkey) from lineitem"
        + " window w as (partition by l_suppkey order by l_partkey)");
    assertEquals(2, plan.stages().size());
    StageFragment window = plan.stages().get(1);
    assertEquals(1, nodes(window, WindowNode.class).size());
    assertEquals(1, nodes(window, SortNode.class).size());
    assertEquals(4, nodes(window, WindowNode.class).get(0).calls().size());
  }

  @Test
  void windowsWithOneOrderKeyMoreShareTheSortOfTheLongerOrder() {
    StagePlan plan = stages("select l_orderkey, row_number() over (partition by l_suppkey order by l_partkey),"
        + " row_number() over (partition by l_suppkey order by l_partkey, l_orderkey) from lineitem");
    StageFragment window = windowStage(plan);
    assertEquals(2, nodes(window, WindowNode.class).size());
    assertEquals(1, nodes(window, SortNode.class).size());
    assertEquals(1, PlanTesting.nodes(plan, ExchangeSourceNode.class).size());
  }

  @Test
  void windowsPartitionedByASupersetNeedNoSecondExchange() {
    StagePlan plan = stages("select count(*) over (partition by l_suppkey, l_partkey), count(*) over (partition by"
        + " l_suppkey) from lineitem");
    assertEquals(2, plan.stages().size());
    assertEquals(2, nodes(plan.stages().get(1), WindowNode.class).size());
  }

  @Test
  void windowsOfDifferentPartitionsExchangeOnceEach() {
    StagePlan plan = stages("select row_number() over (partition by l_suppkey order by l_orderkey), row_number()"
        + " over (partition by l_partkey order by l_orderkey), count(*) over () from lineitem");
    // scan, hash on l_suppkey (or l_partkey), hash on the other, gather for OVER ()
    assertEquals(4, plan.stages().size());
    assertEquals(3, PlanTesting.nodes(plan, WindowNode.class).size());
  }

  @Test
  void windowOverRowsAlreadyColocatedNeedsNoExchange() {
    StagePlan colocated = stages("select l_suppkey, s, rank() over (partition by l_suppkey order by s) from"
        + " (select l_suppkey, sum(l_quantity) as s from lineitem group by l_suppkey) as t");
    StageFragment aggregateAndWindow = windowStage(colocated);
    assertEquals(1, nodes(aggregateAndWindow, io.quiver.exec.fragment.node.AggregateNode.class).size(),
        "the window runs in the stage of the aggregate, which is hashed on its key already");
    assertEquals(2, colocated.stages().size());
  }

  @Test
  void orderByThatTheWindowSatisfiesCostsNoSecondSort() {
    StagePlan plan = stages("select o_orderdate, sum(o_totalprice) over (order by o_orderdate) from orders"
        + " order by o_orderdate");
    assertEquals(1, PlanTesting.nodes(plan, SortNode.class).size());
    StagePlan limited = stages("select o_orderdate, sum(o_totalprice) over (order by o_orderdate) from orders"
        + " order by o_orderdate limit 5");
    assertTrue(PlanTesting.nodes(limited, TopNNode.class).isEmpty());
    assertEquals(1, PlanTesting.nodes(limited, LimitNode.class).size());
    // an ORDER BY the window's order does not give still sorts
    StagePlan other = stages("select o_orderdate, sum(o_totalprice) over (order by o_orderdate) from orders"
        + " order by o_orderdate desc");
    assertEquals(2, PlanTesting.nodes(other, SortNode.class).size());
    StagePlan partitioned = stages("select o_custkey, row_number() over (partition by o_custkey order by"
        + " o_orderdate) from orders order by o_custkey");
    assertEquals(2, PlanTesting.nodes(partitioned, SortNode.class).size(), "a gather of several partitions"
        + " loses their order");
  }

  @Test
  void explainShowsTheWindowStages() {
    String text = plan("explain select l_suppkey, row_number() over (partition by l_suppkey order by"
        + " l_extendedprice desc) from lineitem").explainText();
    assertTrue(text.contains("QuiverWindow(partition=[[l_suppkey]]"), text);
    assertTrue(text.contains("hash exchange on columns [0] into 4 partitions"), text);
    assertTrue(text.contains("Window OVER (PARTITION BY $0 ORDER BY $1 DESC NULLS FIRST) calls=["), text);
    assertTrue(text.contains("Sort [$0 ASC NULLS LAST, $1 DESC NULLS FIRST]"), text);
  }

  @Test
  void sumOfANullableColumnIsOneWindowCallAndAvgStaysWhole() {
    StagePlan plan = stages("select sum(l_quantity) over (partition by l_suppkey order by l_orderkey rows 3"
        + " preceding), avg(l_extendedprice) over (partition by l_suppkey order by l_orderkey rows 3 preceding)"
        + " from lineitem");
    List<WindowCall> calls = PlanTesting.nodes(plan, WindowNode.class).get(0).calls();
    assertEquals(2, calls.size(), calls.toString());
    assertEquals(AggregateFunction.SUM, calls.get(0).aggregate());
    assertEquals(AggregateFunction.AVG, calls.get(1).aggregate());
  }

  @Test
  void constantsOfAWindowBecomeParametersOrColumns() {
    StagePlan plan = stages("select ntile(4) over (order by n_name), lag(n_name, 2, 'none') over (order by n_name),"
        + " nth_value(n_nationkey, 3) over (order by n_name) from nation");
    List<WindowCall> calls = PlanTesting.nodes(plan, WindowNode.class).get(0).calls();
    assertEquals(WindowFunction.NTILE, calls.get(0).function());
    assertEquals(4L, calls.get(0).parameter());
    assertEquals(2L, calls.get(1).parameter());
    assertEquals(2, calls.get(1).arguments().size(), "value and default columns");
    assertEquals(3L, calls.get(2).parameter());
  }

  @Test
  void unsupportedAndWrongWindowsFailClearly() {
    QuiverException distinct = assertThrows(QuiverException.class,
        () -> plan("select count(distinct n_regionkey) over (order by n_name) from nation"));
    assertEquals(ErrorCode.NOT_SUPPORTED, distinct.errorCode());
    assertEquals(1, distinct.line());
    assertEquals(8, distinct.column());
    QuiverException ntile = assertThrows(QuiverException.class,
        () -> plan("select n_name,\n  ntile(0) over (order by n_name) from nation"));
    assertEquals(ErrorCode.INVALID_ARGUMENT_FOR_NTILE, ntile.errorCode());
    assertEquals("22014", ntile.sqlState());
    assertEquals(2, ntile.line());
    assertEquals(9, ntile.column());
    QuiverException offset = assertThrows(QuiverException.class,
        () -> plan("select sum(n_nationkey) over (order by n_name rows -2 preceding) from nation"));
    assertEquals("22013", offset.sqlState());
    assertEquals(52, offset.column());
    QuiverException range = assertThrows(QuiverException.class,
        () -> plan("select count(*) over (order by n_nationkey range interval '1' day preceding) from nation"));
    assertEquals(ErrorCode.NOT_SUPPORTED, range.errorCode());
    QuiverException missingOver = assertThrows(QuiverException.class, () -> plan("select rank() from nation"));
    assertEquals("42809", missingOver.sqlState());
  }

  private static List<GroupTopNNode> groupTopN(String filter) {
    return PlanTesting.nodes(stages("select * from (select l_suppkey, l_extendedprice, row_number() over (partition"
        + " by l_suppkey order by l_extendedprice desc) as rn, rank() over (partition by l_suppkey order by"
        + " l_extendedprice desc) as rk, dense_rank() over (partition by l_suppkey order by l_extendedprice desc)"
        + " as dr from lineitem) as w where " + filter), GroupTopNNode.class);
  }

  @Test
  void topNPerGroupCutsEachGroupBeforeTheExchange() {
    StagePlan plan = stages("select * from (select l_suppkey, l_extendedprice, row_number() over (partition by"
        + " l_suppkey order by l_extendedprice desc) as rn from lineitem) as w where rn <= 3");
    GroupTopNNode partial = nodes(plan.stages().get(0), GroupTopNNode.class).get(0);
    assertEquals(3, partial.count());
    assertEquals(WindowFunction.ROW_NUMBER, partial.rank());
    assertEquals(List.of(0), partial.partitionKeys());
    assertInstanceOf(TableScanNode.class, partial.input());
    assertEquals(1, PlanTesting.nodes(stages("select * from (select o_custkey, rank() over (partition by o_custkey"
        + " order by o_totalprice) as r from orders) as w where r < 3"), GroupTopNNode.class).size());
    GroupTopNNode dense = PlanTesting.nodes(stages("select * from (select o_custkey, dense_rank() over (partition"
        + " by o_custkey order by o_totalprice) as r from orders) as w where 2 >= r and o_custkey > 5"),
        GroupTopNNode.class).get(0);
    assertEquals(WindowFunction.DENSE_RANK, dense.rank());
    assertEquals(2, dense.count());
    GroupTopNNode first = PlanTesting.nodes(stages("select * from (select o_custkey, row_number() over (partition"
        + " by o_custkey order by o_orderdate desc) as r from orders) as w where r = 1"), GroupTopNNode.class).get(0);
    assertEquals(1, first.count());
  }

  @Test
  void topNPerGroupNeedsAnUpperBoundOnARankAndNoOtherFunctionInTheWindow() {
    // the three rank functions share one window: each alone bounds the rows, the smallest bound wins
    assertEquals(2, groupTopN("rn <= 5 and dr <= 2").get(0).count());
    assertTrue(groupTopN("rn >= 3").isEmpty());
    assertEquals(2, PlanTesting.nodes(stages("select * from (select l_returnflag, row_number() over (partition by"
        + " l_suppkey order by l_orderkey) as rn from lineitem) as w where l_returnflag like 'R%' and rn <= 2"),
        GroupTopNNode.class).get(0).count(), "other conjuncts, of any type, are left alone");
    assertTrue(groupTopN("rn <= 3 or l_suppkey = 1").isEmpty());
    assertTrue(PlanTesting.nodes(stages("select * from (select l_suppkey, row_number() over w as rn, count(*) over w"
        + " as c from lineitem window w as (partition by l_suppkey order by l_orderkey)) as x where rn <= 3"),
        GroupTopNNode.class).isEmpty(), "the count would see fewer rows");
  }

  @Test
  void windowFunctionsAreNamedAfterTheirFunction() {
    assertEquals(List.of("count", "rank", "lag", "total"), plan("select count(*) over (), rank() over (order by"
        + " n_name), lag(n_name) ignore nulls over (order by n_name), sum(n_nationkey) over () as total from nation")
        .resultSchema().columns().stream().map(io.quiver.exec.type.Column::name).toList());
  }
}
