package io.quiver.planner;

import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import java.util.ArrayList;
import java.util.List;

/** Shared set-up and plan-walking helpers for planner tests. */
final class PlanTesting {

  static final List<String> TINY = List.of("tpch", "tiny");
  static final int SHUFFLE_PARTITIONS = 4;

  private static final QueryPlanner PLANNER = new QueryPlanner(TpchTestCatalog.create(),
      new PlannerSettings(SHUFFLE_PARTITIONS, 10_000));

  private PlanTesting() {
  }

  static QueryPlanner planner() {
    return PLANNER;
  }

  static PlannedStatement plan(String sql) {
    return PLANNER.plan(sql, TINY);
  }

  /** Every node of the given type in the stage's fragment, in pre-order. */
  static <T extends PlanNode> List<T> nodes(StageFragment stage, Class<T> type) {
    List<T> found = new ArrayList<>();
    collect(stage.root(), type, found);
    return found;
  }

  /** Every node of the given type in the whole plan, stage by stage. */
  static <T extends PlanNode> List<T> nodes(StagePlan plan, Class<T> type) {
    List<T> found = new ArrayList<>();
    for (StageFragment stage : plan.stages()) {
      collect(stage.root(), type, found);
    }
    return found;
  }

  private static <T extends PlanNode> void collect(PlanNode node, Class<T> type, List<T> found) {
    if (type.isInstance(node)) {
      found.add(type.cast(node));
    }
    for (PlanNode child : node.children()) {
      collect(child, type, found);
    }
  }

  /** The TPC-H queries this planner can run today (no joins), as the benchmark writes them. */
  static final String Q1 = """
      select
        l_returnflag,
        l_linestatus,
        sum(l_quantity) as sum_qty,
        sum(l_extendedprice) as sum_base_price,
        sum(l_extendedprice * (1 - l_discount)) as sum_disc_price,
        sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) as sum_charge,
        avg(l_quantity) as avg_qty,
        avg(l_extendedprice) as avg_price,
        avg(l_discount) as avg_disc,
        count(*) as count_order
      from
        lineitem
      where
        l_shipdate <= date '1998-12-01' - interval '90' day (3)
      group by
        l_returnflag,
        l_linestatus
      order by
        l_returnflag,
        l_linestatus
      """;

  static final String Q6 = """
      select
        sum(l_extendedprice * l_discount) as revenue
      from
        lineitem
      where
        l_shipdate >= date '1994-01-01'
        and l_shipdate < date '1994-01-01' + interval '1' year
        and l_discount between .06 - 0.01 and .06 + 0.01
        and l_quantity < 24
      """;
}
