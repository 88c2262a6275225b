package io.quiver.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.ProjectNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Plan shapes of joins: kinds, sides, strategies, key types and join order. */
class JoinPlanningTest {

  private static final List<String> SF1 = List.of("tpch", "sf1");

  private static StagePlan tiny(String sql) {
    return PlanTesting.plan(sql).stagePlan();
  }

  private static StagePlan sf1(String sql) {
    return PlanTesting.planner().plan(sql, SF1).stagePlan();
  }

  private static HashJoinNode onlyJoin(StagePlan plan) {
    List<HashJoinNode> joins = PlanTesting.nodes(plan, HashJoinNode.class);
    assertEquals(1, joins.size(), joins.toString());
    return joins.get(0);
  }

  /** The stage that runs a node (found by identity). */
  private static StageFragment stageOf(StagePlan plan, PlanNode node) {
    for (StageFragment stage : plan.stages()) {
      if (PlanTesting.nodes(stage, PlanNode.class).stream().anyMatch(n -> n == node)) {
        return stage;
      }
    }
    throw new AssertionError("node not in plan");
  }

  /** The table read on one side of a join, following exchanges into the stages that feed them. */
  private static String table(StagePlan plan, PlanNode side) {
    return joinTree(plan, side);
  }

  /** A join tree as text: (probe * build) with table names at the leaves. */
  static String joinTree(StagePlan plan, PlanNode node) {
    if (node instanceof HashJoinNode join) {
      return "(" + joinTree(plan, join.probe()) + " * " + joinTree(plan, join.build()) + ")";
    }
    if (node instanceof TableScanNode scan) {
      return scan.table().table();
    }
    if (node instanceof ExchangeSourceNode source) {
      return joinTree(plan, plan.stage(source.sourceStageId()).root());
    }
    return node.children().stream().map(child -> joinTree(plan, child))
        .collect(Collectors.joining(", "));
  }

  private static OutputPartitioning exchangeOutput(StagePlan plan, PlanNode side) {
    ExchangeSourceNode source = assertInstanceOf(ExchangeSourceNode.class, side);
    return plan.stage(source.sourceStageId()).output();
  }

  @Test
  void smallBuildSideIsBroadcastAndTheProbeSideStaysWhereItIs() {
    StagePlan plan = tiny("select c_name, n_name from customer join nation on c_nationkey = n_nationkey");
    HashJoinNode join = onlyJoin(plan);
    assertEquals(JoinType.INNER, join.joinType());
    assertEquals("customer", table(plan, join.probe()));
    assertEquals("nation", table(plan, join.build()));
    assertEquals(new OutputPartitioning.Broadcast(), exchangeOutput(plan, join.build()));
    assertTrue(((ExchangeSourceNode) join.build()).broadcast());
    // The probe side is read in the scan's own stage: no exchange on it.
    assertFalse(PlanTesting.nodes(stageOf(plan, join), TableScanNode.class).isEmpty());
    assertEquals(TpchTestCatalog.TINY_SPLITS, stageOf(plan, join).partitionCount());
    assertNull(join.residualCondition());
  }

  @Test
  void largeSidesArePartitionedOnTheirKeysIntoTheSamePartitions() {
    StagePlan plan = sf1("select o_orderdate, c_name from orders join customer on o_custkey = c_custkey");
    HashJoinNode join = onlyJoin(plan);
    // customer (150,000 rows) is smaller than orders (1,500,000) and above the threshold (10,000).
    assertEquals("orders", table(plan, join.probe()));
    assertEquals("customer", table(plan, join.build()));
    OutputPartitioning probeOut = exchangeOutput(plan, join.probe());
    OutputPartitioning buildOut = exchangeOutput(plan, join.build());
    assertEquals(new OutputPartitioning.Hash(join.probeKeys(), PlanTesting.SHUFFLE_PARTITIONS), probeOut);
    assertEquals(new OutputPartitioning.Hash(join.buildKeys(), PlanTesting.SHUFFLE_PARTITIONS), buildOut);
    assertEquals(PlanTesting.SHUFFLE_PARTITIONS, stageOf(plan, join).partitionCount());
  }

  @Test
  void theBroadcastThresholdComesFromTheSettings() {
    QueryPlanner generous = new QueryPlanner(TpchTestCatalog.create(),
        new PlannerSettings(PlanTesting.SHUFFLE_PARTITIONS, 1_000_000));
    StagePlan plan = generous.plan("select o_orderdate, c_name from orders join customer"
        + " on o_custkey = c_custkey", SF1).stagePlan();
    HashJoinNode join = onlyJoin(plan);
    assertEquals("customer", table(plan, join.build()));
    assertEquals(new OutputPartitioning.Broadcast(), exchangeOutput(plan, join.build()));

    QueryPlanner stingy = new QueryPlanner(TpchTestCatalog.create(),
        new PlannerSettings(PlanTesting.SHUFFLE_PARTITIONS, 0));
    StagePlan partitioned = stingy.plan("select c_name, n_name from customer join nation"
        + " on c_nationkey = n_nationkey", PlanTesting.TINY).stagePlan();
    assertInstanceOf(OutputPartitioning.Hash.class,
        exchangeOutput(partitioned, onlyJoin(partitioned).build()));
  }

  @Test
  void buildSideIsTheSmallerOneWhateverTheOrderInTheQuery() {
    String a = joinTree(tiny("select * from nation join customer on c_nationkey = n_nationkey"),
        onlyJoin(tiny("select * from nation join customer on c_nationkey = n_nationkey")));
    String b = joinTree(tiny("select * from customer join nation on c_nationkey = n_nationkey"),
        onlyJoin(tiny("select * from customer join nation on c_nationkey = n_nationkey")));
    assertEquals("(customer * nation)", a);
    assertEquals(a, b);
  }

  @Test
  void swappedSidesKeepTheQueryColumnOrder() {
    PlannedStatement planned = PlanTesting.plan(
        "select * from nation join customer on c_nationkey = n_nationkey");
    List<String> names = planned.resultSchema().columns().stream().map(Column::name)
        .collect(Collectors.toList());
    assertEquals(List.of("n_nationkey", "n_name", "n_regionkey", "n_comment", "c_custkey"),
        names.subList(0, 5));
    HashJoinNode join = onlyJoin(planned.stagePlan());
    // customer probes (its columns come first in the join's output); a projection reorders them.
    assertEquals("c_custkey", join.outputSchema().columns().get(0).name());
    assertFalse(PlanTesting.nodes(planned.stagePlan(), ProjectNode.class).isEmpty());
  }

  @Test
  void leftJoinWithSmallRightSideProbesWithTheLeftSide() {
    StagePlan plan = tiny("select c_name, n_name from customer left join nation on c_nationkey = n_nationkey");
    HashJoinNode join = onlyJoin(plan);
    assertEquals(JoinType.PROBE_OUTER, join.joinType());
    assertEquals("customer", table(plan, join.probe()));
    assertEquals(new OutputPartitioning.Broadcast(), exchangeOutput(plan, join.build()));
  }

  @Test
  void leftJoinWithSmallLeftSideBuildsTheOuterSideAndIsNeverBroadcast() {
    StagePlan plan = tiny("select n_name, c_name from nation left join customer on c_nationkey = n_nationkey");
    HashJoinNode join = onlyJoin(plan);
    assertEquals(JoinType.BUILD_OUTER, join.joinType());
    assertEquals("nation", table(plan, join.build()));
    // Unmatched build rows are emitted by the task that holds them: each build row in one task.
    assertInstanceOf(OutputPartitioning.Hash.class, exchangeOutput(plan, join.build()));
    assertInstanceOf(OutputPartitioning.Hash.class, exchangeOutput(plan, join.probe()));
  }

  @Test
  void rightAndFullJoins() {
    StagePlan right = tiny("select n_name, c_name from customer right join nation on c_nationkey = n_nationkey");
    HashJoinNode rightJoin = onlyJoin(right);
    assertEquals("customer", table(right, rightJoin.probe()));
    assertEquals(JoinType.BUILD_OUTER, rightJoin.joinType());

    StagePlan full = tiny("select n_name, c_name from customer full join nation on c_nationkey = n_nationkey");
    HashJoinNode fullJoin = onlyJoin(full);
    assertEquals(JoinType.FULL_OUTER, fullJoin.joinType());
    assertEquals("nation", table(full, fullJoin.build()));
    assertInstanceOf(OutputPartitioning.Hash.class, exchangeOutput(full, fullJoin.build()));
  }

  @Test
  void inAndExistsAreSemiJoinsAndNotExistsAnAntiJoin() {
    StagePlan in = tiny("select c_name from customer where c_custkey in (select o_custkey from orders)");
    HashJoinNode semi = onlyJoin(in);
    assertEquals(JoinType.SEMI, semi.joinType());
    assertEquals("customer", table(in, semi.probe()));
    assertEquals(2, semi.outputSchema().columns().size());

    StagePlan exists = tiny("select o_orderkey from orders where exists (select * from lineitem"
        + " where l_orderkey = o_orderkey and l_commitdate < l_receiptdate)");
    assertEquals(JoinType.SEMI, onlyJoin(exists).joinType());

    StagePlan notExists = tiny("select c_name from customer where not exists"
        + " (select * from orders where o_custkey = c_custkey)");
    HashJoinNode anti = onlyJoin(notExists);
    assertEquals(JoinType.ANTI, anti.joinType());
    assertEquals("customer", table(notExists, anti.probe()));
  }

  @Test
  void correlationWithAnInequalityBecomesTheResidualCondition() {
    StagePlan plan = tiny("select l_orderkey from lineitem l1 where exists (select * from lineitem l2"
        + " where l2.l_orderkey = l1.l_orderkey and l2.l_suppkey <> l1.l_suppkey)");
    HashJoinNode semi = onlyJoin(plan);
    assertEquals(JoinType.SEMI, semi.joinType());
    assertEquals(1, semi.probeKeys().size());
    assertNotNull(semi.residualCondition());
  }

  @Test
  void notInOverNonNullableColumnsIsAnAntiJoin() {
    StagePlan plan = tiny("select c_name from customer where c_custkey not in"
        + " (select o_custkey from orders where o_totalprice > 10)");
    assertEquals(JoinType.ANTI, onlyJoin(plan).joinType());
  }

  @Test
  void notInOverNullableColumnsIsANullAwareAntiJoinWithABroadcastBuildSide() {
    StagePlan plan = tiny("select i from test.misc.nullable where i not in (select b from test.misc.nullable)");
    HashJoinNode join = onlyJoin(plan);
    assertEquals(JoinType.NULL_AWARE_ANTI, join.joinType());
    // Whether the subquery holds a NULL (or any row) must be known in every task.
    assertEquals(new OutputPartitioning.Broadcast(), exchangeOutput(plan, join.build()));
    // INTEGER i against BIGINT b: both sides as BIGINT.
    assertEquals(DataType.BIGINT, join.probe().outputSchema().columns().get(join.probeKeys().get(0)).type());
    assertEquals(DataType.BIGINT, join.build().outputSchema().columns().get(join.buildKeys().get(0)).type());
    assertEquals(List.of("i"), PlanTesting.plan("select i from test.misc.nullable where i not in"
        + " (select b from test.misc.nullable)").resultSchema().columns().stream().map(Column::name)
        .collect(Collectors.toList()));
    assertEquals(plan, FragmentCodec.decodePlan(FragmentCodec.encode(plan)));

    // Beside a correlated subquery that Calcite decorrelates.
    StagePlan correlated = tiny("select i from test.misc.nullable t where i not in"
        + " (select b from test.misc.nullable) and d > (select avg(d) from test.misc.nullable t2"
        + " where t2.s = t.s)");
    assertTrue(PlanTesting.nodes(correlated, HashJoinNode.class).stream()
        .anyMatch(join2 -> join2.joinType() == JoinType.NULL_AWARE_ANTI));

    // Further conditions stay; NOT IN under OR is left to Calcite's rewrite.
    StagePlan withMore = tiny("select i from test.misc.nullable where i not in"
        + " (select b from test.misc.nullable) and d > 1");
    assertEquals(JoinType.NULL_AWARE_ANTI, onlyJoin(withMore).joinType());
    StagePlan underOr = tiny("select i from test.misc.nullable where i not in"
        + " (select b from test.misc.nullable) or d > 1");
    assertTrue(PlanTesting.nodes(underOr, HashJoinNode.class).stream()
        .noneMatch(join2 -> join2.joinType() == JoinType.NULL_AWARE_ANTI || join2.joinType() == JoinType.ANTI));
  }

  @Test
  void notInReadsOnlyTheColumnsItUses() {
    // The probe side keeps its key and what is used above, not every column of its table (a wide
    // probe batch per task once made a query fail its memory limit instead of spilling).
    StagePlan plan = tiny("select count(*) from orders where o_custkey not in (select b from test.misc.nullable)");
    assertEquals(JoinType.NULL_AWARE_ANTI, onlyJoin(plan).joinType());
    List<Integer> orderColumns = PlanTesting.nodes(plan, TableScanNode.class).stream()
        .filter(scan -> scan.table().toString().contains("orders")).findFirst().orElseThrow().columns();
    assertEquals(1, orderColumns.size());
    StagePlan two = tiny("select o_orderdate from orders where o_custkey not in (select b from test.misc.nullable)");
    assertEquals(2, PlanTesting.nodes(two, TableScanNode.class).stream()
        .filter(scan -> scan.table().toString().contains("orders")).findFirst().orElseThrow().columns().size());
  }

  @Test
  void crossJoinIsAZeroKeyJoinWithABroadcastBuildSide() {
    StagePlan plan = tiny("select n_name, r_name from nation, region");
    HashJoinNode join = onlyJoin(plan);
    assertTrue(join.probeKeys().isEmpty());
    assertEquals(new OutputPartitioning.Broadcast(), exchangeOutput(plan, join.build()));
  }

  @Test
  void nonEquiJoinConditionIsResidual() {
    StagePlan plan = tiny("select n_name, r_name from nation join region"
        + " on n_regionkey = r_regionkey and n_name < r_name");
    HashJoinNode join = onlyJoin(plan);
    assertEquals(1, join.probeKeys().size());
    assertNotNull(join.residualCondition());
  }

  @Test
  void keysOfDifferentTypesAreCastToACommonType() {
    StagePlan plan = tiny("select i, n_name from test.misc.nullable join nation on i = n_nationkey");
    HashJoinNode join = onlyJoin(plan);
    DataType probeType = join.probe().outputSchema().columns().get(join.probeKeys().get(0)).type();
    DataType buildType = join.build().outputSchema().columns().get(join.buildKeys().get(0)).type();
    assertEquals(DataType.BIGINT, probeType);
    assertEquals(probeType, buildType);

    StagePlan decimals = tiny("select * from test.misc.nullable join customer on m = c_acctbal");
    HashJoinNode decimalJoin = onlyJoin(decimals);
    assertEquals(decimalJoin.probe().outputSchema().columns().get(decimalJoin.probeKeys().get(0)).type(),
        decimalJoin.build().outputSchema().columns().get(decimalJoin.buildKeys().get(0)).type());
  }

  @Test
  void multiColumnKeysPairUpInOrder() {
    // Calcite keeps hash distribution keys sorted; the build side must hash in the probe's pair order.
    StagePlan plan = sf1("select * from lineitem join partsupp"
        + " on l_suppkey = ps_suppkey and l_partkey = ps_partkey");
    HashJoinNode join = onlyJoin(plan);
    assertEquals(2, join.probeKeys().size());
    OutputPartitioning.Hash probeOut = (OutputPartitioning.Hash) exchangeOutput(plan, join.probe());
    OutputPartitioning.Hash buildOut = (OutputPartitioning.Hash) exchangeOutput(plan, join.build());
    assertEquals(join.probeKeys(), probeOut.keys());
    assertEquals(join.buildKeys(), buildOut.keys());
    for (int i = 0; i < 2; i++) {
      String probeName = join.probe().outputSchema().columns().get(join.probeKeys().get(i)).name();
      String buildName = join.build().outputSchema().columns().get(join.buildKeys().get(i)).name();
      assertEquals(probeName.substring(probeName.indexOf('_')),
          buildName.substring(buildName.indexOf('_')), probeName + " pairs with " + buildName);
    }
  }

  @Test
  void joinOrderDoesNotDependOnTheFromClause() {
    // lineitem (6M rows) is by far the largest; nation (25) the smallest.
    String where = " where l_suppkey = s_suppkey and s_nationkey = n_nationkey";
    List<String> froms = List.of("lineitem, supplier, nation", "nation, supplier, lineitem",
        "supplier, lineitem, nation", "nation, lineitem, supplier");
    String first = null;
    for (String from : froms) {
      StagePlan plan = sf1("select l_orderkey, n_name from " + from + where);
      String tree = joinTree(plan, plan.resultStage().root());
      if (first == null) {
        first = tree;
      }
      assertEquals(first, tree, from);
    }
    // The large table probes; the small ones build.
    assertTrue(first.startsWith("((lineitem") || first.startsWith("(lineitem"), first);
  }

  @Test
  void explainShowsTheJoin() {
    String text = PlanTesting.plan("explain select n_name, r_name from nation join region"
        + " on n_regionkey = r_regionkey and n_name < r_name").explainText();
    assertTrue(text.contains("QuiverHashJoin(joinType=[INNER]"), text);
    assertTrue(text.contains("HashJoin[INNER] probeKeys=[1] buildKeys=[0] residual="), text);
  }

  @Test
  void joinsRoundTripThroughTheCodec() {
    for (String sql : List.of("select * from nation, region",
        "select n_name, c_name from nation left join customer on c_nationkey = n_nationkey",
        "select c_name from customer where not exists (select * from orders where o_custkey = c_custkey)")) {
      StagePlan plan = tiny(sql);
      assertEquals(plan, FragmentCodec.decodePlan(FragmentCodec.encode(plan)), sql);
      TpchPlanningTest.checkWellFormed(plan);
    }
  }

  @Test
  void lateralSubqueryWithLimitIsDecorrelatedIntoAWindow() {
    // Calcite decorrelates the LIMIT into ROW_NUMBER() OVER (PARTITION BY the correlation) <= 1.
    StagePlan plan = tiny("select n_name, x.c from nation, lateral (select count(*) c from region where"
        + " r_regionkey = n_regionkey limit 1) x");
    assertFalse(PlanTesting.nodes(plan, io.quiver.exec.fragment.node.WindowNode.class).isEmpty());
    TpchPlanningTest.checkWellFormed(plan);
  }
}
