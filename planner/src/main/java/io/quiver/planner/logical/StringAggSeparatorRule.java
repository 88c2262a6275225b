package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * A string literal is CHAR(n) to Calcite, and CHAR values lose their trailing spaces; the separator
 * of {@code STRING_AGG(x, ', ')} must keep its space (PostgreSQL and DuckDB join with ", "). A
 * literal separator therefore becomes a VARCHAR literal, in a column of its own below the aggregate.
 */
public final class StringAggSeparatorRule extends RelRule<QuiverRuleConfig> {

  public static final StringAggSeparatorRule INSTANCE = (StringAggSeparatorRule) QuiverRuleConfig.of(
      "StringAggSeparatorRule",
      b0 -> b0.operand(LogicalAggregate.class)
          .oneInput(b1 -> b1.operand(LogicalProject.class)
              .predicate(project -> true).anyInputs()),
      StringAggSeparatorRule::new).toRule();

  private StringAggSeparatorRule(QuiverRuleConfig config) {
    super(config);
  }

  /** Makes a string literal of type VARCHAR (RexBuilder's public methods make CHAR ones). */
  private static final class VarcharLiterals extends RexBuilder {
    VarcharLiterals(RexBuilder rexBuilder) {
      super(rexBuilder.getTypeFactory());
    }

    RexLiteral varchar(NlsString value, RelDataType type) {
      return makeLiteral(value, type, SqlTypeName.CHAR);
    }
  }

  /**
   * The text of a CHAR literal as a VARCHAR literal, trailing blanks kept (also for the separator of
   * a STRING_AGG window function).
   */
  public static RexLiteral varchar(RexBuilder rexBuilder, RexLiteral literal) {
    String text = literal.getValueAs(NlsString.class).getValue();
    RelDataType varchar = rexBuilder.getTypeFactory().createTypeWithNullability(
        rexBuilder.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, Math.max(1, text.length())), false);
    return new VarcharLiterals(rexBuilder).varchar(literal.getValueAs(NlsString.class), varchar);
  }

  private static RexLiteral charSeparator(AggregateCall call, LogicalProject project) {
    if (call.getAggregation().getKind() != SqlKind.LISTAGG || call.getArgList().size() < 2) {
      return null;
    }
    RexNode separator = project.getProjects().get(call.getArgList().get(1));
    return separator instanceof RexLiteral literal && literal.getType().getSqlTypeName() == SqlTypeName.CHAR
        ? literal : null;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    LogicalProject project = call.rel(1);
    if (aggregate.getAggCallList().stream().noneMatch(c -> charSeparator(c, project) != null)) {
      return;
    }
    RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>(project.getProjects());
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      RexLiteral literal = charSeparator(aggregateCall, project);
      if (literal == null) {
        calls.add(aggregateCall);
        continue;
      }
      projects.add(varchar(rexBuilder, literal));
      List<Integer> arguments = new ArrayList<>(aggregateCall.getArgList());
      arguments.set(1, projects.size() - 1);
      calls.add(aggregateCall.copy(arguments, aggregateCall.filterArg, aggregateCall.distinctKeys,
          aggregateCall.collation));
    }
    LogicalProject widened = LogicalProject.create(project.getInput(), List.of(), projects, (List<String>) null,
        project.getVariablesSet());
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), widened, aggregate.getGroupSet(),
        aggregate.getGroupSets(), calls));
  }
}
