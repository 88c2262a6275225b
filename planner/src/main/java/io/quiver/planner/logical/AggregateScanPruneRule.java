package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * An aggregate directly over a table scan (no projection between them, as in
 * {@code SELECT count(*) FROM t}) gets a projection of only the columns it uses, which
 * {@link ProjectIntoScanRule} then pushes into the scan.
 */
public final class AggregateScanPruneRule extends RelRule<QuiverRuleConfig> {

  public static final AggregateScanPruneRule INSTANCE = (AggregateScanPruneRule) QuiverRuleConfig.of(
      "AggregateScanPruneRule",
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(TableScan.class)
          .predicate(scan -> scan.getTable().unwrap(ConnectorTable.class) != null).noInputs()),
      AggregateScanPruneRule::new).toRule();

  private AggregateScanPruneRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    TableScan scan = call.rel(1);
    int fieldCount = scan.getRowType().getFieldCount();
    ImmutableBitSet.Builder usedBuilder = aggregate.getGroupSet().rebuild();
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      usedBuilder.addAll(aggregateCall.getArgList());
      if (aggregateCall.filterArg >= 0) {
        usedBuilder.set(aggregateCall.filterArg);
      }
    }
    ImmutableBitSet used = usedBuilder.build();
    if (used.isEmpty()) {
      used = ImmutableBitSet.of(ProjectIntoScanRule.narrowestColumn(scan));
    }
    if (used.cardinality() == fieldCount) {
      return;
    }
    RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, fieldCount, used.cardinality());
    int target = 0;
    for (int source : used) {
      projects.add(rexBuilder.makeInputRef(scan, source));
      names.add(scan.getRowType().getFieldNames().get(source));
      mapping.set(source, target++);
    }
    LogicalProject project = LogicalProject.create(scan, List.of(), projects, names, java.util.Set.of());
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      calls.add(aggregateCall.transform(mapping));
    }
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), project,
        Mappings.apply(mapping, aggregate.getGroupSet()), null, calls));
  }
}
