package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.ExpandNode;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import io.quiver.planner.fragment.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Each input row once per grouping set (fragment: {@link ExpandNode}): the input columns as they
 * are, a key column per group column (NULL where the set does not group on it), and the grouping id
 * last. The grouping id is Calcite's GROUPING_ID over all group columns: bit {@code k - 1 - j} is set
 * when group column j (of k) is not in the set.
 */
public final class QuiverExpand extends SingleRel implements QuiverRel {

  private final ImmutableBitSet groupSet;
  private final List<ImmutableBitSet> groupSets;

  public QuiverExpand(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
      List<ImmutableBitSet> groupSets) {
    super(cluster, traits, input);
    this.groupSet = groupSet;
    this.groupSets = List.copyOf(groupSets);
  }

  /** The grouping id of one set among the group columns. */
  public static long groupingId(ImmutableBitSet groupSet, ImmutableBitSet set) {
    List<Integer> keys = groupSet.asList();
    long id = 0;
    for (int j = 0; j < keys.size(); j++) {
      if (!set.get(keys.get(j))) {
        id |= 1L << (keys.size() - 1 - j);
      }
    }
    return id;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new QuiverExpand(getCluster(), traitSet, sole(inputs), groupSet, groupSets);
  }

  @Override
  protected RelDataType deriveRowType() {
    RelDataTypeFactory typeFactory = getCluster().getTypeFactory();
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    List<RelDataTypeField> fields = getInput().getRowType().getFieldList();
    builder.addAll(fields);
    for (int column : groupSet) {
      RelDataTypeField field = fields.get(column);
      boolean nulled = groupSets.stream().anyMatch(set -> !set.get(column));
      builder.add(field.getName() + "$key", nulled
          ? typeFactory.createTypeWithNullability(field.getType(), true) : field.getType());
    }
    builder.add("$g", typeFactory.createSqlType(SqlTypeName.BIGINT));
    return builder.uniquify().build();
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return mq.getRowCount(getInput()) * groupSets.size();
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(this);
    return CostModel.cost(planner, rows * CostModel.EXPRESSION_ROW * 0.1, rows);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("group", groupSet).item("sets", groupSets)
        .item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    FragmentPiece input = fragmenter.visit(getInput());
    List<ExpandNode.GroupingSet> sets = new ArrayList<>();
    for (ImmutableBitSet set : groupSets) {
      sets.add(new ExpandNode.GroupingSet(groupSet.except(set).asList(), groupingId(groupSet, set)));
    }
    return input.withNode(new ExpandNode(input.node(), groupSet.asList(), sets,
        TypeMapping.toRowSchema(getRowType())));
  }
}
