package io.quiver.planner.physical;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import io.quiver.planner.fragment.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;

/**
 * A hash join: input 0 is the probe side (streamed), input 1 the build side (held in a hash table).
 * Output columns: the probe columns, then the build columns (none for semi and anti joins). The
 * residual condition is over the probe columns followed by the build columns. Which logical side
 * is probe and which build is the rule's choice ({@code QuiverJoinRule}); a projection above
 * restores the logical column order when they are swapped.
 */
public final class QuiverHashJoin extends BiRel implements QuiverRel {

  /** How the build side reaches the join's tasks. */
  public enum Strategy {
    /** Build side copied to every task; the probe side stays where it is. */
    BROADCAST,
    /** Both sides hash-exchanged on their keys into the same partitions (or already there). */
    PARTITIONED
  }

  private final JoinType joinType;
  private final Strategy strategy;
  private final List<Integer> probeKeys;
  private final List<Integer> buildKeys;
  private final RexNode residualCondition;
  private final double estimatedRows;

  public QuiverHashJoin(RelOptCluster cluster, RelTraitSet traits, RelNode probe, RelNode build,
      JoinType joinType, Strategy strategy, List<Integer> probeKeys, List<Integer> buildKeys,
      RexNode residualCondition, double estimatedRows) {
    super(cluster, traits, probe, build);
    if (probeKeys.size() != buildKeys.size()) {
      throw new IllegalArgumentException("probe and build key counts differ");
    }
    this.joinType = joinType;
    this.strategy = strategy;
    this.probeKeys = List.copyOf(probeKeys);
    this.buildKeys = List.copyOf(buildKeys);
    this.residualCondition = residualCondition;
    this.estimatedRows = estimatedRows;
  }

  public JoinType joinType() {
    return joinType;
  }

  public Strategy strategy() {
    return strategy;
  }

  public List<Integer> probeKeys() {
    return probeKeys;
  }

  public List<Integer> buildKeys() {
    return buildKeys;
  }

  public RexNode residualCondition() {
    return residualCondition;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new QuiverHashJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), joinType,
        strategy, probeKeys, buildKeys, residualCondition, estimatedRows);
  }

  @Override
  protected RelDataType deriveRowType() {
    RelDataTypeFactory typeFactory = getCluster().getTypeFactory();
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    boolean probeNullable = joinType == JoinType.BUILD_OUTER || joinType == JoinType.FULL_OUTER;
    boolean buildNullable = joinType == JoinType.PROBE_OUTER || joinType == JoinType.FULL_OUTER;
    addFields(builder, typeFactory, getLeft().getRowType(), probeNullable);
    if (!joinType.probeColumnsOnly()) {
      addFields(builder, typeFactory, getRight().getRowType(), buildNullable);
    }
    return builder.uniquify().build();
  }

  private static void addFields(RelDataTypeFactory.Builder builder, RelDataTypeFactory typeFactory,
      RelDataType rowType, boolean nullable) {
    for (RelDataTypeField field : rowType.getFieldList()) {
      RelDataType type = nullable
          ? typeFactory.createTypeWithNullability(field.getType(), true)
          : field.getType();
      builder.add(field.getName(), type);
    }
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return estimatedRows;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double probeRows = mq.getRowCount(getLeft());
    double buildRows = mq.getRowCount(getRight());
    // A broadcast build table is built once per task: a few times the work of a partitioned one.
    double buildCopies = strategy == Strategy.BROADCAST ? 4 : 1;
    double work = probeRows * CostModel.PROBE_ROW + buildRows * CostModel.BUILD_ROW * buildCopies
        + estimatedRows * CostModel.EXPRESSION_ROW;
    return CostModel.cost(planner, work, estimatedRows);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("joinType", joinType)
        .item("strategy", strategy)
        .item("probeKeys", probeKeys)
        .item("buildKeys", buildKeys)
        .itemIf("residual", residualCondition, residualCondition != null)
        .item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    FragmentPiece probe = fragmenter.visit(getLeft());
    FragmentPiece build = fragmenter.visit(getRight());
    int partitions = partitionCount(probe, build);
    Expression residual = residualCondition == null
        ? null : fragmenter.expressions().convert(residualCondition);
    List<Integer> sources = new ArrayList<>(probe.sourceStageIds());
    sources.addAll(build.sourceStageIds());
    HashJoinNode node = new HashJoinNode(probe.node(), build.node(), joinType, probeKeys, buildKeys,
        residual, TypeMapping.toRowSchema(getRowType()));
    return new FragmentPiece(node, partitions, sources);
  }

  /**
   * The partitions both sides run in. A broadcast or VALUES side (0) takes the other's count; two
   * spread sides must agree, which the rule guarantees by exchanging both on the keys.
   */
  private int partitionCount(FragmentPiece probe, FragmentPiece build) {
    if (probe.partitionCount() == 0) {
      if (build.partitionCount() > 1) {
        throw mismatch(probe, build);
      }
      return build.partitionCount();
    }
    if (build.partitionCount() == 0 || build.partitionCount() == probe.partitionCount()) {
      return probe.partitionCount();
    }
    throw mismatch(probe, build);
  }

  private static QuiverException mismatch(FragmentPiece probe, FragmentPiece build) {
    return new QuiverException(ErrorCode.INTERNAL_ERROR, "Hash join sides run in different partition"
        + " counts: probe " + probe.partitionCount() + ", build " + build.partitionCount());
  }
}
