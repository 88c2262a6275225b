package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * INTERSECT and EXCEPT, DISTINCT and ALL, as a distributed hash operation: every input tags its
 * rows with one BOOLEAN column per input (TRUE in its own), the inputs are concatenated (UNION ALL),
 * and an aggregate grouped on all columns (NULLs equal, as the standard wants) counts each distinct
 * row per input with {@code COUNT(*) FILTER (WHERE tag_i)}; its PARTIAL step, hash exchange on all
 * columns and FINAL step are planned like any aggregate's, so no input is gathered to one task.
 * Then:
 *
 * <ul>
 *   <li>INTERSECT: rows counted in every input; EXCEPT: rows counted in the first input and in no
 *       other;
 *   <li>INTERSECT ALL: each row min(count_i) times; EXCEPT ALL: count_0 - count_1 - ... times
 *       ({@link Replicate}, which emits a row zero times for a count of zero or less).
 * </ul>
 *
 * Spark plans the ALL forms the same way (an aggregate and ReplicateRows); a dedicated hash
 * set-operation operator would save the tag columns but would need a build side per input.
 */
public final class SetOpToAggregateRule extends RelRule<QuiverRuleConfig> {

  public static final SetOpToAggregateRule INSTANCE = (SetOpToAggregateRule) QuiverRuleConfig.of(
      "SetOpToAggregateRule",
      b0 -> b0.operand(SetOp.class)
          .predicate(setOp -> setOp instanceof Intersect || setOp instanceof Minus).anyInputs(),
      SetOpToAggregateRule::new).toRule();

  private SetOpToAggregateRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    SetOp setOp = call.rel(0);
    boolean intersect = setOp instanceof Intersect;
    RelBuilder builder = call.builder();
    RexBuilder rexBuilder = builder.getRexBuilder();
    int inputCount = setOp.getInputs().size();
    int columnCount = setOp.getRowType().getFieldCount();
    for (int i = 0; i < inputCount; i++) {
      builder.push(setOp.getInputs().get(i));
      List<RexNode> fields = new ArrayList<>(builder.fields());
      for (int tag = 0; tag < inputCount; tag++) {
        fields.add(builder.alias(builder.literal(tag == i), "$in" + tag));
      }
      builder.project(fields);
    }
    builder.union(true, inputCount);
    List<RelBuilder.AggCall> counts = new ArrayList<>();
    for (int tag = 0; tag < inputCount; tag++) {
      counts.add(builder.countStar("$count" + tag).filter(builder.field(columnCount + tag)));
    }
    builder.aggregate(builder.groupKey(builder.fields().subList(0, columnCount)), counts);
    List<RexNode> countFields = new ArrayList<>();
    for (int tag = 0; tag < inputCount; tag++) {
      countFields.add(builder.field(columnCount + tag));
    }
    RexNode zero = builder.literal(0L);
    if (!setOp.all) {
      List<RexNode> conditions = new ArrayList<>();
      for (int tag = 0; tag < inputCount; tag++) {
        conditions.add(intersect || tag == 0
            ? builder.greaterThan(countFields.get(tag), zero) : builder.equals(countFields.get(tag), zero));
      }
      builder.filter(conditions);
      builder.project(builder.fields().subList(0, columnCount));
    } else {
      RexNode copies = countFields.get(0);
      for (int tag = 1; tag < inputCount; tag++) {
        RexNode next = countFields.get(tag);
        copies = intersect
            ? rexBuilder.makeCall(SqlStdOperatorTable.CASE,
                builder.lessThan(copies, next), copies, next)
            : builder.call(SqlStdOperatorTable.MINUS, copies, next);
      }
      List<RexNode> fields = new ArrayList<>(builder.fields().subList(0, columnCount));
      fields.add(builder.alias(copies, "$copies"));
      builder.project(fields);
      builder.filter(builder.greaterThan(builder.field(columnCount), zero));
      RelNode counted = builder.build();
      builder.push(new Replicate(counted.getCluster(), counted.getTraitSet(), counted));
    }
    builder.convert(setOp.getRowType(), false);
    call.transformTo(builder.build());
  }
}
