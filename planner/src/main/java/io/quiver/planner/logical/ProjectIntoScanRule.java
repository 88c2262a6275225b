package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Pushes the columns a projection uses into the scan below it, so that connectors read only those
 * ({@code Project(Scan)} becomes {@code Project(ColumnPrunedScan)} with remapped references).
 */
public final class ProjectIntoScanRule extends RelRule<QuiverRuleConfig> {

  public static final ProjectIntoScanRule INSTANCE = (ProjectIntoScanRule) QuiverRuleConfig.of(
      "ProjectIntoScanRule",
      b0 -> b0.operand(LogicalProject.class).oneInput(b1 -> b1.operand(TableScan.class)
          .predicate(scan -> scan.getTable().unwrap(ConnectorTable.class) != null).noInputs()),
      ProjectIntoScanRule::new).toRule();

  private ProjectIntoScanRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    TableScan scan = call.rel(1);
    List<Integer> scanColumns = scan instanceof ColumnPrunedScan pruned
        ? pruned.columns()
        : IntStream.range(0, scan.getRowType().getFieldCount()).boxed().collect(Collectors.toList());
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    if (used.isEmpty()) {
      // COUNT(*) and constants still need rows: keep the narrowest-looking column.
      used = ImmutableBitSet.of(narrowestColumn(scan));
    }
    if (used.cardinality() == scanColumns.size()) {
      return;
    }
    List<Integer> newColumns = new ArrayList<>();
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, scanColumns.size(),
        used.cardinality());
    int target = 0;
    for (int source : used) {
      newColumns.add(scanColumns.get(source));
      mapping.set(source, target++);
    }
    ColumnPrunedScan newScan = ColumnPrunedScan.create(scan.getCluster(), scan.getTable(), newColumns);
    RexPermuteInputsShuttle shuttle = new RexPermuteInputsShuttle(mapping, newScan);
    List<RexNode> projects = new ArrayList<>();
    for (RexNode node : project.getProjects()) {
      projects.add(node.accept(shuttle));
    }
    call.transformTo(LogicalProject.create(newScan, project.getHints(), projects,
        project.getRowType(), project.getVariablesSet()));
  }

  static int narrowestColumn(TableScan scan) {
    List<RelDataTypeField> fields = scan.getRowType().getFieldList();
    for (RelDataTypeField field : fields) {
      switch (field.getType().getSqlTypeName()) {
        case BOOLEAN:
        case TINYINT:
        case SMALLINT:
        case INTEGER:
        case BIGINT:
        case DATE:
          return field.getIndex();
        default:
          break;
      }
    }
    return 0;
  }
}
