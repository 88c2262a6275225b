package io.quiver.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of every stage plan, over generated aggregate queries on {@code orders}. */
class StagePlanProperties {

  private static final List<String> KEYS = List.of("o_orderstatus", "o_orderpriority", "o_custkey",
      "o_orderdate", "o_shippriority", "o_clerk");
  private static final List<String> AGGREGATES = List.of("count(*)", "count(o_comment)",
      "sum(o_totalprice)", "avg(o_totalprice)", "min(o_orderdate)", "max(o_clerk)",
      "avg(o_shippriority)", "sum(o_shippriority)", "count(distinct o_custkey)", "max(o_totalprice * 2)");
  private static final List<String> FILTERS = List.of("", " where o_totalprice > 1000",
      " where o_orderdate < date '1995-01-01' + interval '1' month",
      " where o_orderstatus in ('F', 'O') and o_clerk like 'Clerk#0000%'");

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<List<String>> keys = Arbitraries.of(KEYS).list().uniqueElements().ofMaxSize(3);
    Arbitrary<List<String>> aggregates = Arbitraries.of(AGGREGATES).list().uniqueElements()
        .ofMinSize(1).ofMaxSize(4);
    Arbitrary<String> filter = Arbitraries.of(FILTERS);
    Arbitrary<Integer> tail = Arbitraries.integers().between(0, 3);
    return Combinators.combine(keys, aggregates, filter, tail).as((k, a, f, t) -> {
      List<String> select = new ArrayList<>(k);
      select.addAll(a);
      String sql = "select " + String.join(", ", select) + " from orders" + f;
      if (!k.isEmpty()) {
        sql += " group by " + String.join(", ", k);
      }
      switch (t) {
        case 1:
          return sql + " order by 1";
        case 2:
          return sql + " order by " + select.size() + " desc limit 7";
        case 3:
          return sql + " limit 5 offset 2";
        default:
          return sql;
      }
    });
  }

  @Property(tries = 60)
  void stagePlansAreWellFormed(@ForAll("queries") String sql) {
    StagePlan plan = PlanTesting.plan(sql).stagePlan();
    assertEquals(plan, FragmentCodec.decodePlan(FragmentCodec.encode(plan)), sql);
    QueryPlannerTest.assertResultStageIsOrderSafe(plan);
    for (int i = 0; i < plan.stages().size(); i++) {
      StageFragment stage = plan.stages().get(i);
      assertEquals(i, stage.stageId(), sql);
      assertEquals(i == plan.stages().size() - 1, stage.output() instanceof OutputPartitioning.Result, sql);
      List<ExchangeSourceNode> sources = PlanTesting.nodes(stage, ExchangeSourceNode.class);
      assertEquals(stage.sourceStageIds(), sources.stream().map(ExchangeSourceNode::sourceStageId)
          .collect(Collectors.toList()), sql);
      for (ExchangeSourceNode source : sources) {
        StageFragment producer = plan.stage(source.sourceStageId());
        assertTrue(producer.stageId() < stage.stageId(), sql);
        assertEquals(producer.partitionCount(), source.sourcePartitionCount(), sql);
        assertEquals(producer.root().outputSchema(), source.outputSchema(), sql);
        if (producer.output() instanceof OutputPartitioning.Hash hash) {
          assertEquals(PlanTesting.SHUFFLE_PARTITIONS, stage.partitionCount(), sql);
          assertEquals(PlanTesting.SHUFFLE_PARTITIONS, hash.partitionCount(), sql);
        }
        if (producer.output() instanceof OutputPartitioning.Single) {
          assertEquals(1, stage.partitionCount(), sql);
        }
      }
      for (AggregateNode aggregate : PlanTesting.nodes(stage, AggregateNode.class)) {
        if (aggregate.step() == AggregateStep.FINAL) {
          for (AggregateCall call : aggregate.aggregates()) {
            List<DataType> read = call.arguments().stream()
                .map(index -> aggregate.input().outputSchema().column(index).type())
                .collect(Collectors.toList());
            assertEquals(call.function().intermediateTypes(call.argumentType(), call.resultType()), read, sql);
          }
        }
        if (aggregate.step() != AggregateStep.SINGLE) {
          assertTrue(aggregate.aggregates().stream().noneMatch(AggregateCall::distinct), sql);
        }
      }
    }
  }
}
