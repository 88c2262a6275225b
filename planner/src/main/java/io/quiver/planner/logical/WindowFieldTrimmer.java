package io.quiver.planner.logical;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Calcite's field trimmer, which also trims below windows (Calcite's own keeps every column a
 * window's input has, so a scan under a window would read every column of its table): the input
 * keeps the columns used above the window and those the window reads (partition and order keys,
 * arguments); every window function is kept.
 */
public final class WindowFieldTrimmer extends RelFieldTrimmer {

  public WindowFieldTrimmer(RelBuilder relBuilder) {
    super(null, relBuilder);
  }

  /** Called by the trimmer's dispatcher for every window. */
  public TrimResult trimFields(Window window, ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields) {
    int inputCount = window.getInput().getRowType().getFieldCount();
    ImmutableBitSet.Builder needed = ImmutableBitSet.builder();
    for (int field : fieldsUsed) {
      if (field < inputCount) {
        needed.set(field);
      }
    }
    for (Window.Group group : window.groups) {
      needed.addAll(group.keys);
      for (RelFieldCollation collation : group.orderKeys.getFieldCollations()) {
        needed.set(collation.getFieldIndex());
      }
      for (Window.RexWinAggCall call : group.aggCalls) {
        for (RexNode operand : call.getOperands()) {
          for (int field : org.apache.calcite.plan.RelOptUtil.InputFinder.bits(operand)) {
            if (field < inputCount) {
              needed.set(field);
            }
          }
        }
      }
    }
    TrimResult trimmed = trimChild(window, window.getInput(), needed.build(), extraFields);
    Mapping inputMapping = trimmed.right;
    int newInputCount = trimmed.left.getRowType().getFieldCount();
    if (inputMapping.isIdentity() && newInputCount == inputCount) {
      // every input column is used, but the input may have been trimmed below (a join under the
      // aggregate a window reads): keep that trimmed input
      RelNode same = trimmed.left == window.getInput() ? window
          : window.copy(window.getTraitSet(), List.of(trimmed.left));
      return result(same, Mappings.createIdentity(window.getRowType().getFieldCount()));
    }
    // constants are referenced after the input's columns: they move with its width
    RexShuttle remap = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int index = ref.getIndex();
        int target = index < inputCount ? inputMapping.getTarget(index) : newInputCount + index - inputCount;
        return new RexInputRef(target, ref.getType());
      }
    };
    List<Window.Group> groups = new ArrayList<>();
    for (Window.Group group : window.groups) {
      List<Window.RexWinAggCall> calls = new ArrayList<>();
      for (Window.RexWinAggCall call : group.aggCalls) {
        calls.add(new Window.RexWinAggCall(call.getParserPosition(), (org.apache.calcite.sql.SqlAggFunction)
            call.getOperator(), call.getType(), remap.apply(call.getOperands()), call.ordinal, call.distinct,
            call.ignoreNulls));
      }
      List<RelFieldCollation> order = new ArrayList<>();
      for (RelFieldCollation collation : group.orderKeys.getFieldCollations()) {
        order.add(collation.withFieldIndex(inputMapping.getTarget(collation.getFieldIndex())));
      }
      groups.add(new Window.Group(Mappings.apply(inputMapping, group.keys), group.isRows,
          group.lowerBound.accept(remap), group.upperBound.accept(remap), group.exclude, RelCollations.of(order),
          calls));
    }
    RelDataTypeFactory.Builder rowType = window.getCluster().getTypeFactory().builder();
    rowType.addAll(trimmed.left.getRowType().getFieldList());
    List<RelDataTypeField> fields = window.getRowType().getFieldList();
    for (int i = inputCount; i < fields.size(); i++) {
      rowType.add(fields.get(i));
    }
    RelDataType newRowType = rowType.uniquify().build();
    LogicalWindow newWindow = LogicalWindow.create(window.getTraitSet(), window.getHints(), trimmed.left,
        window.constants, newRowType, groups);
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, fields.size(), newRowType.getFieldCount());
    for (int i = 0; i < inputCount; i++) {
      int target = inputMapping.getTargetOpt(i);
      if (target >= 0) {
        mapping.set(i, target);
      }
    }
    for (int i = inputCount; i < fields.size(); i++) {
      mapping.set(i, newInputCount + i - inputCount);
    }
    return result(newWindow, mapping, window);
  }

  /** Called by the trimmer's dispatcher for every null-aware anti join. */
  public TrimResult trimFields(NullAwareAntiJoin join, ImmutableBitSet fieldsUsed,
      Set<RelDataTypeField> extraFields) {
    int leftCount = join.getLeft().getRowType().getFieldCount();
    TrimResult left = trimChild(join, join.getLeft(), fieldsUsed.union(ImmutableBitSet.of(join.leftKey())),
        extraFields);
    TrimResult right = trimChild(join, join.getRight(), ImmutableBitSet.of(join.rightKey()), Set.of());
    if (left.left == join.getLeft() && right.left == join.getRight()) {
      return result(join, Mappings.createIdentity(leftCount));
    }
    NullAwareAntiJoin trimmed = new NullAwareAntiJoin(join.getCluster(), join.getTraitSet(), left.left, right.left,
        left.right.getTarget(join.leftKey()), right.right.getTarget(join.rightKey()));
    return result(trimmed, left.right, join);
  }
}
