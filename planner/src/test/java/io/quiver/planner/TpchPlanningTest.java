package io.quiver.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TPC-H query of the benchmark plans, at SF0.01 and SF1 statistics, into a stage plan that
 * survives the fragment codec; planning times after warm-up are printed (not asserted: tests never
 * assert on wall time).
 */
class TpchPlanningTest {

  /** The benchmark's query files, read from the sibling module's sources. */
  private static final Path QUERIES = Path.of("..", "tpch-bench", "src", "main", "resources",
      "tpch", "queries");

  static Stream<Integer> queryNumbers() {
    return IntStream.rangeClosed(1, 22).boxed();
  }

  static String query(int number) {
    Path file = QUERIES.resolve(String.format("q%02d.sql", number));
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("TPC-H query file missing: " + file.toAbsolutePath(), e);
    }
  }

  @ParameterizedTest(name = "q{0}")
  @MethodSource("queryNumbers")
  void plansAndRoundTripsAtSf1(int number) {
    StagePlan plan = PlanTesting.planner().plan(query(number), List.of("tpch", "sf1")).stagePlan();
    assertEquals(plan, FragmentCodec.decodePlan(FragmentCodec.encode(plan)));
    checkWellFormed(plan);
  }

  @ParameterizedTest(name = "q{0}")
  @MethodSource("queryNumbers")
  void plansAndRoundTripsAtTiny(int number) {
    StagePlan plan = PlanTesting.plan(query(number)).stagePlan();
    assertEquals(plan, FragmentCodec.decodePlan(FragmentCodec.encode(plan)));
    checkWellFormed(plan);
  }

  @ParameterizedTest(name = "q{0}")
  @MethodSource("queryNumbers")
  void plansAndRoundTripsWithoutKeys(int number) {
    StagePlan plan = PlanTesting.planner().plan(query(number), List.of("tpch", "sf1_keyless"))
        .stagePlan();
    assertEquals(plan, FragmentCodec.decodePlan(FragmentCodec.encode(plan)));
    checkWellFormed(plan);
  }

  /**
   * Tables without declared keys (as memory tables are) must not make customer JOIN supplier on
   * their nation keys (about 400 suppliers per customer at SF1) look like a cheap first join:
   * every join that brings customer and supplier together must already hold orders and lineitem.
   */
  @Test
  void q05WithoutKeysDoesNotJoinCustomerWithSupplierFirst() {
    for (String schema : List.of("sf1", "sf1_keyless")) {
      StagePlan plan = PlanTesting.planner().plan(query(5), List.of("tpch", schema)).stagePlan();
      String tree = tree(plan, plan.resultStage().root());
      List<java.util.Set<String>> joins = new ArrayList<>();
      joinTables(plan, plan.resultStage().root(), joins);
      assertTrue(joins.size() >= 5, schema + ": " + tree);
      for (java.util.Set<String> tables : joins) {
        if (tables.contains("customer") && tables.contains("supplier")) {
          assertTrue(tables.contains("orders") && tables.contains("lineitem"),
              schema + ": customer joined with supplier before orders and lineitem: " + tree);
        }
      }
    }
  }

  /** The tables under each join, collected bottom-up; returns the tables under {@code node}. */
  private static java.util.Set<String> joinTables(StagePlan plan, PlanNode node,
      List<java.util.Set<String>> joins) {
    java.util.Set<String> tables = new java.util.HashSet<>();
    if (node instanceof io.quiver.exec.fragment.node.TableScanNode scan) {
      tables.add(scan.table().table());
    } else if (node instanceof ExchangeSourceNode source) {
      tables.addAll(joinTables(plan, plan.stage(source.sourceStageId()).root(), joins));
    } else {
      for (PlanNode child : node.children()) {
        tables.addAll(joinTables(plan, child, joins));
      }
    }
    if (node instanceof HashJoinNode) {
      joins.add(tables);
    }
    return tables;
  }

  @Test
  void planningTimesAfterWarmUp() {
    QueryPlanner planner = PlanTesting.planner();
    List<String> sf1 = List.of("tpch", "sf1");
    for (int round = 0; round < 3; round++) {
      for (int q = 1; q <= 22; q++) {
        planner.plan(query(q), sf1);
      }
    }
    StringBuilder report = new StringBuilder("TPC-H planning times after warm-up (SF1 statistics):\n");
    for (int q = 1; q <= 22; q++) {
      long best = Long.MAX_VALUE;
      PlannedStatement planned = null;
      for (int run = 0; run < 5; run++) {
        planned = planner.plan(query(q), sf1);
        best = Math.min(best, planned.planningNanos());
      }
      report.append(String.format("  q%02d %7.1f ms  %s%n", q, best / 1e6, shape(planned.stagePlan())));
    }
    report.append("Join trees without keys (row and distinct counts only, as memory tables):\n");
    for (int q = 1; q <= 22; q++) {
      StagePlan keyless = planner.plan(query(q), List.of("tpch", "sf1_keyless")).stagePlan();
      report.append(String.format("  q%02d  %s%n", q, tree(keyless, keyless.resultStage().root())));
    }
    System.out.print(report);
  }

  /** The joins of a plan as "broadcast"/"partitioned" with their types, for the printed report. */
  static String shape(StagePlan plan) {
    List<String> joins = new ArrayList<>();
    for (StageFragment stage : plan.stages()) {
      for (HashJoinNode join : PlanTesting.nodes(stage, HashJoinNode.class)) {
        boolean broadcast = join.build() instanceof ExchangeSourceNode source && source.broadcast();
        joins.add(join.joinType() + (join.probeKeys().isEmpty() ? "(no keys)" : "")
            + (broadcast ? "/broadcast" : "/partitioned"));
      }
    }
    return plan.stages().size() + " stages, joins " + joins + "\n        "
        + tree(plan, plan.resultStage().root());
  }

  /** The join tree: (probe JOIN build), B = broadcast, P = partitioned; tables at the leaves. */
  static String tree(StagePlan plan, PlanNode node) {
    if (node instanceof HashJoinNode join) {
      boolean broadcast = join.build() instanceof ExchangeSourceNode source && source.broadcast();
      String kind = join.joinType() == io.quiver.exec.fragment.node.JoinType.INNER
          ? "" : " " + join.joinType();
      return "(" + tree(plan, join.probe()) + " " + (broadcast ? "B" : "P") + kind + " "
          + tree(plan, join.build()) + ")";
    }
    if (node instanceof io.quiver.exec.fragment.node.TableScanNode scan) {
      return scan.table().table();
    }
    if (node instanceof ExchangeSourceNode source) {
      return tree(plan, plan.stage(source.sourceStageId()).root());
    }
    List<String> parts = new ArrayList<>();
    for (PlanNode child : node.children()) {
      String part = tree(plan, child);
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    if (node instanceof io.quiver.exec.fragment.node.AggregateNode aggregate
        && aggregate.step() != io.quiver.exec.fragment.node.AggregateStep.PARTIAL) {
      return "agg[" + String.join(", ", parts) + "]";
    }
    return String.join(", ", parts);
  }

  static void checkWellFormed(StagePlan plan) {
    for (StageFragment stage : plan.stages()) {
      for (int source : stage.sourceStageIds()) {
        assertTrue(source < stage.stageId());
      }
      for (ExchangeSourceNode read : PlanTesting.nodes(stage, ExchangeSourceNode.class)) {
        assertTrue(stage.sourceStageIds().contains(read.sourceStageId()));
        assertEquals(plan.stage(read.sourceStageId()).partitionCount(), read.sourcePartitionCount());
      }
      checkJoins(stage.root());
    }
  }

  private static void checkJoins(PlanNode node) {
    if (node instanceof HashJoinNode join) {
      int probeWidth = join.probe().outputSchema().columns().size();
      int buildWidth = join.build().outputSchema().columns().size();
      int expected = join.joinType().probeColumnsOnly() ? probeWidth : probeWidth + buildWidth;
      assertEquals(expected, join.outputSchema().columns().size());
      for (int i = 0; i < join.probeKeys().size(); i++) {
        assertEquals(join.probe().outputSchema().columns().get(join.probeKeys().get(i)).type(),
            join.build().outputSchema().columns().get(join.buildKeys().get(i)).type());
      }
    }
    for (PlanNode child : node.children()) {
      checkJoins(child);
    }
  }
}
