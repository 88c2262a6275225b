package io.quiver.planner.physical.rules;

import io.quiver.planner.logical.ColumnPrunedScan;
import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverRel;
import io.quiver.planner.physical.QuiverTableScan;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableScan;

/** A scan of a connector table becomes a {@link QuiverTableScan}: RANDOM over its splits. */
public final class QuiverTableScanRule extends ConverterRule {

  public static final QuiverTableScanRule INSTANCE = Config.INSTANCE
      .withConversion(TableScan.class,
          (TableScan scan) -> scan.getTable().unwrap(ConnectorTable.class) != null,
          Convention.NONE, QuiverRel.CONVENTION, "QuiverTableScanRule")
      .withRuleFactory(QuiverTableScanRule::new)
      .toRule(QuiverTableScanRule.class);

  private QuiverTableScanRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    TableScan scan = (TableScan) rel;
    List<Integer> columns = scan instanceof ColumnPrunedScan pruned
        ? pruned.columns()
        : IntStream.range(0, scan.getTable().getRowType().getFieldCount()).boxed()
            .collect(Collectors.toList());
    return new QuiverTableScan(scan.getCluster(),
        Distributions.traits(scan, RelDistributions.RANDOM_DISTRIBUTED), scan.getTable(), columns);
  }
}
