package io.quiver.planner;

import static io.quiver.planner.PlanTesting.nodes;
import static io.quiver.planner.PlanTesting.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.LimitNode;
import io.quiver.exec.fragment.node.ProjectNode;
import io.quiver.exec.fragment.node.SortNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.node.TopNNode;
import io.quiver.exec.fragment.node.UnionAllNode;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryPlannerTest {

  @Test
  void explainOfQ1ShowsStagesJoinedByHashExchange() {
    PlannedStatement explained = plan("explain " + PlanTesting.Q1);
    assertEquals(PlannedStatement.Kind.EXPLAIN, explained.kind());
    assertNull(explained.stagePlan());
    assertEquals(List.of(new Column("plan", DataType.VARCHAR, false)), explained.resultSchema().columns());
    String text = explained.explainText();
    assertTrue(text.contains("== Logical Plan =="), text);
    assertTrue(text.contains("== Physical Plan =="), text);
    assertTrue(text.contains("QuiverExchange(distribution=[hash[0, 1]])"), text);
    assertTrue(text.contains("Stage 0: 2 partitions"), text);
    assertTrue(text.contains("hash exchange on columns [0, 1] into 4 partitions"), text);
    assertTrue(text.contains("Stage 1: 4 partitions"), text);
    assertTrue(text.contains("input: stage 0 through its hash exchange"), text);
    assertTrue(text.contains("result (rows go to the client)"), text);
    // EXPLAIN PLAN FOR is the same statement.
    assertEquals(text.replaceAll("\\s+", " "), plan("EXPLAIN PLAN FOR " + PlanTesting.Q1).explainText()
        .replaceAll("\\s+", " "));
  }

  @Test
  void aggregateIsPartialThenHashExchangeThenFinal() {
    StagePlan stages = plan(PlanTesting.Q1).stagePlan();
    assertEquals(3, stages.stages().size());

    StageFragment scan = stages.stages().get(0);
    assertEquals(TpchTestCatalog.TINY_SPLITS, scan.partitionCount());
    assertEquals(new OutputPartitioning.Hash(List.of(0, 1), PlanTesting.SHUFFLE_PARTITIONS), scan.output());
    AggregateNode partial = assertInstanceOf(AggregateNode.class, scan.root());
    assertEquals(AggregateStep.PARTIAL, partial.step());
    assertEquals(List.of(0, 1), partial.groupKeys());
    // keys, 4 sums, 3 averages as (sum, count), count: 2 + 4 + 6 + 1 columns
    assertEquals(13, partial.outputSchema().size());
    TableScanNode table = nodes(scan, TableScanNode.class).get(0);
    assertEquals("lineitem", table.table().table());
    assertEquals(List.of(4, 5, 6, 7, 8, 9, 10), table.columns());

    StageFragment finalStage = stages.stages().get(1);
    assertEquals(PlanTesting.SHUFFLE_PARTITIONS, finalStage.partitionCount());
    assertEquals(List.of(0), finalStage.sourceStageIds());
    assertEquals(new OutputPartitioning.Single(), finalStage.output());
    AggregateNode finalAggregate = assertInstanceOf(AggregateNode.class, finalStage.root());
    assertEquals(AggregateStep.FINAL, finalAggregate.step());
    assertEquals(List.of(0, 1), finalAggregate.groupKeys());
    ExchangeSourceNode source = assertInstanceOf(ExchangeSourceNode.class, finalAggregate.input());
    assertEquals(0, source.sourceStageId());
    assertEquals(TpchTestCatalog.TINY_SPLITS, source.sourcePartitionCount());
    // avg_qty reads its (sum, count) pair; count_order its one count column.
    assertEquals(List.of(6, 7), finalAggregate.aggregates().get(4).arguments());
    assertEquals(List.of(12), finalAggregate.aggregates().get(7).arguments());
    assertEquals(DataType.decimal(19, 6), finalAggregate.aggregates().get(4).resultType());

    StageFragment result = stages.resultStage();
    assertEquals(1, result.partitionCount());
    assertEquals(new OutputPartitioning.Result(), result.output());
    assertInstanceOf(SortNode.class, result.root());
  }

  @Test
  void intermediateColumnsMatchTheAggregateFunctions() {
    for (String sql : List.of(PlanTesting.Q1, PlanTesting.Q6,
        "select o_orderstatus, min(o_orderdate), max(o_comment), avg(o_shippriority), count(o_clerk)"
            + " from orders group by o_orderstatus")) {
      for (AggregateNode partial : nodes(plan(sql).stagePlan(), AggregateNode.class)) {
        if (partial.step() != AggregateStep.PARTIAL) {
          continue;
        }
        List<DataType> expected = new ArrayList<>();
        for (int key : partial.groupKeys()) {
          expected.add(partial.input().outputSchema().column(key).type());
        }
        partial.aggregates().forEach(call ->
            expected.addAll(call.function().intermediateTypes(call.argumentType(), call.resultType())));
        assertEquals(expected, partial.outputSchema().columns().stream().map(Column::type)
            .collect(Collectors.toList()), sql);
      }
    }
  }

  @Test
  void globalAggregateGathersPartialResults() {
    StagePlan stages = plan(PlanTesting.Q6).stagePlan();
    assertEquals(2, stages.stages().size());
    assertEquals(new OutputPartitioning.Single(), stages.stages().get(0).output());
    AggregateNode finalAggregate = assertInstanceOf(AggregateNode.class, stages.resultStage().root());
    assertEquals(AggregateStep.FINAL, finalAggregate.step());
    assertTrue(finalAggregate.groupKeys().isEmpty());
    assertEquals(DataType.decimal(38, 4), finalAggregate.outputSchema().column(0).type());
  }

  @Test
  void orderByLimitIsDistributedTopN() {
    StagePlan stages = plan("select o_orderkey, o_totalprice from orders order by o_totalprice desc limit 10")
        .stagePlan();
    assertEquals(2, stages.stages().size());
    TopNNode partial = assertInstanceOf(TopNNode.class, stages.stages().get(0).root());
    assertEquals(10, partial.count());
    assertEquals(new OutputPartitioning.Single(), stages.stages().get(0).output());
    TopNNode finalTopN = assertInstanceOf(TopNNode.class, stages.resultStage().root());
    assertEquals(10, finalTopN.count());
    assertFalse(finalTopN.keys().get(0).ascending());
    assertTrue(finalTopN.keys().get(0).nullsFirst());
    assertInstanceOf(ExchangeSourceNode.class, finalTopN.input());
  }

  @Test
  void offsetIsAppliedAfterTheFinalTopN() {
    StagePlan stages = plan("select o_orderkey from orders order by o_orderkey limit 5 offset 20").stagePlan();
    assertEquals(25, assertInstanceOf(TopNNode.class, stages.stages().get(0).root()).count());
    LimitNode limit = assertInstanceOf(LimitNode.class, stages.resultStage().root());
    assertEquals(20, limit.offset());
    assertEquals(5, limit.fetch());
    assertEquals(25, assertInstanceOf(TopNNode.class, limit.input()).count());
  }

  @Test
  void limitWithoutOrderIsPartialLimitGatherFinalLimit() {
    StagePlan stages = plan("select * from nation limit 3").stagePlan();
    assertEquals(3, assertInstanceOf(LimitNode.class, stages.stages().get(0).root()).fetch());
    LimitNode last = assertInstanceOf(LimitNode.class, stages.resultStage().root());
    assertEquals(3, last.fetch());
    assertEquals(0, last.offset());
  }

  @Test
  void orderByAloneGathersThenSorts() {
    StagePlan stages = plan("select n_name from nation order by n_name").stagePlan();
    assertEquals(2, stages.stages().size());
    assertEquals(new OutputPartitioning.Single(), stages.stages().get(0).output());
    SortNode sort = assertInstanceOf(SortNode.class, stages.resultStage().root());
    assertInstanceOf(ExchangeSourceNode.class, sort.input());
  }

  @Test
  void aggregateOverAggregateOnTheSameKeysNeedsNoSecondExchange() {
    StagePlan stages = plan("select o_custkey, count(*) from (select o_custkey, o_orderstatus, count(*) c"
        + " from orders group by o_custkey, o_orderstatus) group by o_custkey").stagePlan();
    // hash on (custkey, status) does not co-locate custkey groups: two hash exchanges; the last
    // stage sends its rows to the client itself (no gather).
    assertEquals(3, stages.stages().size());

    StagePlan unique = plan("select o_custkey, max(c) from (select o_custkey, count(*) c"
        + " from orders group by o_custkey) group by o_custkey").stagePlan();
    // The outer aggregate is over rows unique on its key: the logical phase removes it; the FINAL
    // stage is the result stage.
    assertEquals(2, unique.stages().size());
    List<AggregateStep> steps = nodes(unique, AggregateNode.class).stream().map(AggregateNode::step)
        .collect(Collectors.toList());
    assertEquals(List.of(AggregateStep.PARTIAL, AggregateStep.FINAL), steps);
  }

  @Test
  void aggregateOverRowsInOnePartitionNeedsNoExchange() {
    StagePlan stages = plan("select o_orderstatus, count(*) from"
        + " (select * from orders order by o_orderkey limit 100) group by o_orderstatus").stagePlan();
    // top-N: partial, gather, final; the aggregate follows in the same (result) stage.
    assertEquals(2, stages.stages().size());
    AggregateNode single = assertInstanceOf(AggregateNode.class, stages.resultStage().root());
    assertEquals(AggregateStep.SINGLE, single.step());
    assertInstanceOf(TopNNode.class, single.input());
  }

  @Test
  void distinctAggregatesBecomeGroupBys() {
    StagePlan stages = plan("select count(distinct o_custkey) from orders").stagePlan();
    List<AggregateNode> aggregates = nodes(stages, AggregateNode.class);
    assertTrue(aggregates.stream().noneMatch(aggregate ->
        aggregate.aggregates().stream().anyMatch(call -> call.distinct())));
    assertEquals(List.of(0), aggregates.get(0).groupKeys());
  }

  @Test
  void countsOfCountsAreZeroNotNullOnEmptyInput() {
    // count(*) beside count(DISTINCT x) becomes a sum of counts, which must be 0 on no rows.
    StagePlan stages = plan("select count(distinct o_custkey), count(*) from orders").stagePlan();
    ProjectNode project = assertInstanceOf(ProjectNode.class, stages.resultStage().root());
    assertEquals("CASE(IS_NOT_NULL($1), $1, 0)", project.projections().get(1).toString());
    assertEquals(DataType.BIGINT, project.outputSchema().column(1).type());
  }

  @Test
  void severalDistinctAggregatesExpandThroughGroupingSetsAndSplit() {
    StagePlan stages = plan("select o_orderstatus, count(distinct o_custkey), count(distinct o_clerk)"
        + " from orders group by o_orderstatus").stagePlan();
    List<AggregateNode> aggregates = nodes(stages, AggregateNode.class);
    assertTrue(aggregates.stream().noneMatch(node -> node.aggregates().stream().anyMatch(call -> call.distinct())));
    assertTrue(aggregates.stream().anyMatch(node -> node.step() == AggregateStep.PARTIAL
        && node.input() instanceof io.quiver.exec.fragment.node.ExpandNode));
  }

  @Test
  void valuesRunInOneStage() {
    PlannedStatement planned = plan("select 1 as first, 'a' as letter union all select 2, 'bc'");
    StagePlan stages = planned.stagePlan();
    assertEquals(1, stages.stages().size());
    assertEquals(1, stages.resultStage().partitionCount());
    assertFalse(nodes(stages, ValuesNode.class).isEmpty());
    assertEquals(List.of("first", "letter"), planned.resultSchema().columns().stream().map(Column::name)
        .collect(Collectors.toList()));
  }

  @Test
  void unionAllOfTablesWithDifferentSplitCountsAlignsPartitions() {
    StagePlan stages = plan("select n_nationkey from nation union all select o_orderkey from orders")
        .stagePlan();
    UnionAllNode union = nodes(stages, UnionAllNode.class).get(0);
    StageFragment unionStage = stages.stages().stream()
        .filter(stage -> !nodes(stage, UnionAllNode.class).isEmpty()).findFirst().orElseThrow();
    assertEquals(TpchTestCatalog.TINY_SPLITS, unionStage.partitionCount());
    assertInstanceOf(ExchangeSourceNode.class, union.inputs().get(0));
    StageFragment nationStage = stages.stage(unionStage.sourceStageIds().get(0));
    assertEquals(new OutputPartitioning.RoundRobin(TpchTestCatalog.TINY_SPLITS), nationStage.output());
  }

  @Test
  void resultColumnsAreNamedAsTheUserSeesThem() {
    PlannedStatement planned = plan("select L_RETURNFLAG, \"l_linestatus\" as \"Status\", count(*)"
        + " from LineItem group by 1, 2");
    assertEquals(List.of("l_returnflag", "Status", "count"), planned.resultSchema().columns().stream()
        .map(Column::name).collect(Collectors.toList()));
    assertEquals(DataType.BIGINT, planned.resultSchema().column(2).type());
    assertTrue(planned.planningNanos() > 0);
  }

  @Test
  void qualifiedNamesResolveAgainstTheRoot() {
    PlannedStatement planned = PlanTesting.planner().plan("select count(*) from tpch.sf1.lineitem",
        List.of("tpch", "tiny"));
    TableScanNode scan = nodes(planned.stagePlan(), TableScanNode.class).get(0);
    assertEquals("sf1", scan.table().schema());
    assertEquals(TpchTestCatalog.SF1_SPLITS, scan.splitCount());
    assertEquals(TpchTestCatalog.SF1_SPLITS, planned.stagePlan().stages().get(0).partitionCount());
    // count(*) reads one narrow column, not all of them.
    assertEquals(1, scan.columns().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      PlanTesting.Q1,
      PlanTesting.Q6,
      "select * from region",
      "select o_orderkey, o_totalprice from orders order by o_totalprice desc limit 10",
      "select count(distinct o_custkey), count(*) from orders",
      "select o_orderstatus, count(distinct o_custkey), sum(o_totalprice) from orders group by o_orderstatus",
      "select 1, 'x', date '2020-02-29', 1.50, 1e0, null union all select 2, 'yz', null, 2.5, 3, 4",
      "select n_name from nation where n_regionkey in (1, 2, 3) and n_name like 'A%' limit 2 offset 1",
      "select r_name from region union all select n_name from nation order by 1",
      "select extract(year from o_orderdate) y, sum(o_totalprice) from orders group by 1 order by 1 desc",
      "select n_name from nation order by n_regionkey, n_name desc",
      "select distinct o_orderstatus from orders",
      "with big as (select o_custkey, sum(o_totalprice) t from orders group by o_custkey having count(*) > 5)"
          + " select * from big where t > 1000 order by t limit 3",
      "select count(distinct o_custkey), count(distinct o_clerk) from orders",
      "select o_orderpriority, count(*) from orders where o_orderdate >= date '1993-07-01'"
          + " and o_orderdate < date '1993-07-01' + interval '3' month group by o_orderpriority order by 1",
  })
  void stagePlansSurviveTheCodecRoundTrip(String sql) {
    StagePlan stages = plan(sql).stagePlan();
    assertEquals(stages, FragmentCodec.decodePlan(FragmentCodec.encode(stages)));
    // Stages come after the stages that feed them; only the last is the result stage.
    for (StageFragment stage : stages.stages()) {
      for (int source : stage.sourceStageIds()) {
        assertTrue(source < stage.stageId(), sql);
      }
      assertEquals(stage == stages.resultStage(), stage.output() instanceof OutputPartitioning.Result, sql);
    }
    assertResultStageIsOrderSafe(stages);
  }

  /** A result stage runs in several partitions only when no order-dependent node is at its top. */
  static void assertResultStageIsOrderSafe(StagePlan stages) {
    StageFragment result = stages.resultStage();
    if (result.partitionCount() > 1) {
      assertFalse(result.root() instanceof SortNode || result.root() instanceof TopNNode
          || result.root() instanceof LimitNode, result.toString());
    }
  }

  @Test
  void plainResultsStreamFromEveryPartitionWithoutAGather() {
    StagePlan scan = plan("select l_orderkey from lineitem where l_quantity > 10").stagePlan();
    assertEquals(1, scan.stages().size());
    assertEquals(TpchTestCatalog.TINY_SPLITS, scan.resultStage().partitionCount());
    assertInstanceOf(OutputPartitioning.Result.class, scan.resultStage().output());

    StagePlan grouped = plan("select o_orderstatus, count(*) from orders group by o_orderstatus")
        .stagePlan();
    assertEquals(2, grouped.stages().size());
    assertEquals(PlanTesting.SHUFFLE_PARTITIONS, grouped.resultStage().partitionCount());

    // ORDER BY, LIMIT and a global aggregate need all rows in one place.
    for (String sql : List.of("select l_orderkey from lineitem order by 1",
        "select l_orderkey from lineitem limit 3", "select count(*) from lineitem")) {
      assertEquals(1, plan(sql).stagePlan().resultStage().partitionCount(), sql);
    }
  }

  @Test
  void planningIsThreadSafe() throws Exception {
    String expected = FragmentCodec.encode(plan(PlanTesting.Q1).stagePlan());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> FragmentCodec.encode(plan(PlanTesting.Q1).stagePlan())));
      }
      for (Future<String> future : futures) {
        assertEquals(expected, future.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
