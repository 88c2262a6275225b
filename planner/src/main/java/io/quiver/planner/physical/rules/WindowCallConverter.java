package io.quiver.planner.physical.rules;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.fragment.node.WindowFrame;
import io.quiver.exec.fragment.node.WindowFrame.Bound;
import io.quiver.exec.fragment.node.WindowFrame.BoundKind;
import io.quiver.exec.fragment.node.WindowFunction;
import io.quiver.exec.operator.window.WindowEvaluators;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import io.quiver.planner.fragment.ExpressionConverter;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.planner.logical.StringAggSeparatorRule;
import io.quiver.planner.physical.AggregateCallSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns the calls of a logical window into the executor's {@link WindowCall}s. Integer constants
 * (NTILE's buckets, LAG's offset, NTH_VALUE's n, frame offsets) become plain values, checked as
 * PostgreSQL checks them; values the executor reads from rows (a LAG default, a constant argument,
 * an argument of another type than the result) become columns computed by a projection below the
 * window, which {@link #extraColumns} lists.
 */
final class WindowCallConverter {

  private final Window window;
  private final int inputCount;
  private final RexBuilder rexBuilder;
  private final Map<String, Integer> extraIndexes = new LinkedHashMap<>();
  private final List<RexNode> extraColumns = new ArrayList<>();

  WindowCallConverter(Window window) {
    this.window = window;
    this.inputCount = window.getInput().getRowType().getFieldCount();
    this.rexBuilder = window.getCluster().getRexBuilder();
  }

  /** Expressions over the window's input to append to it, in order, before the window runs. */
  List<RexNode> extraColumns() {
    return extraColumns;
  }

  WindowCall convert(Window.Group group, Window.RexWinAggCall call, String name) {
    SqlParserPos position = call.getParserPosition();
    if (call.distinct) {
      throw error(ErrorCode.NOT_SUPPORTED, "DISTINCT is not implemented for window functions", position);
    }
    if (group.exclude != RexWindowExclusion.EXCLUDE_NO_OTHER) {
      throw error(ErrorCode.NOT_SUPPORTED, "Window frames with " + group.exclude + " are not supported yet", position);
    }
    List<RexNode> operands = call.getOperands();
    RelDataType resultType = call.getType();
    SqlKind kind = call.getOperator().getKind();
    WindowFunction function;
    AggregateFunction aggregate = null;
    List<Integer> arguments = new ArrayList<>();
    Long parameter = null;
    switch (kind) {
      case ROW_NUMBER -> function = WindowFunction.ROW_NUMBER;
      case RANK -> function = WindowFunction.RANK;
      case DENSE_RANK -> function = WindowFunction.DENSE_RANK;
      case PERCENT_RANK -> function = WindowFunction.PERCENT_RANK;
      case CUME_DIST -> function = WindowFunction.CUME_DIST;
      case NTILE -> {
        function = WindowFunction.NTILE;
        parameter = integerConstant(operands.get(0), "ntile's argument", position);
        if (parameter != null && parameter <= 0) {
          throw error(ErrorCode.INVALID_ARGUMENT_FOR_NTILE, "argument of ntile must be greater than zero", position);
        }
      }
      case LAG, LEAD -> {
        function = kind == SqlKind.LAG ? WindowFunction.LAG : WindowFunction.LEAD;
        arguments.add(dataColumn(operands.get(0), resultType));
        parameter = operands.size() > 1 ? integerConstant(operands.get(1), "the offset of "
            + kind.name().toLowerCase(java.util.Locale.ROOT), position) : Long.valueOf(1);
        if (operands.size() > 2) {
          arguments.add(dataColumn(operands.get(2), resultType));
        }
      }
      case FIRST_VALUE, LAST_VALUE, NTH_VALUE -> {
        function = kind == SqlKind.FIRST_VALUE ? WindowFunction.FIRST_VALUE
            : kind == SqlKind.LAST_VALUE ? WindowFunction.LAST_VALUE : WindowFunction.NTH_VALUE;
        arguments.add(dataColumn(operands.get(0), resultType));
        if (kind == SqlKind.NTH_VALUE) {
          parameter = integerConstant(operands.get(1), "nth_value's argument", position);
          if (parameter != null && parameter <= 0) {
            throw error(ErrorCode.INVALID_ARGUMENT_FOR_NTH_VALUE, "argument of nth_value must be greater than zero",
                position);
          }
        }
      }
      default -> {
        function = WindowFunction.AGGREGATE;
        boolean keepsType = kind == SqlKind.MIN || kind == SqlKind.MAX;
        for (RexNode operand : operands) {
          arguments.add(dataColumn(operand, keepsType ? resultType : null));
        }
        aggregate = aggregateFunction(call, arguments, name);
      }
    }
    DataType argumentType = arguments.isEmpty() ? null : TypeMapping.toDataType(columnType(arguments.get(0)));
    WindowFrame frame = function.usesFrame() ? frame(group, position) : WindowFrame.DEFAULT;
    WindowCall converted = new WindowCall(function, aggregate, arguments, parameter, frame, call.ignoreNulls,
        argumentType, TypeMapping.toDataType(resultType), name);
    WindowEvaluators.requireSupported(converted);
    return converted;
  }

  private AggregateFunction aggregateFunction(Window.RexWinAggCall call, List<Integer> arguments, String name) {
    AggregateCall aggregateCall = AggregateCall.create((SqlAggFunction) call.getOperator(), false, false,
        call.ignoreNulls, List.of(), arguments, -1, null, RelCollations.EMPTY, call.getType(), name);
    return AggregateCallSpec.of(aggregateCall, inputRowType(), name).function();
  }

  /** The window's input with the extra columns so far. */
  private RelDataType inputRowType() {
    org.apache.calcite.rel.type.RelDataTypeFactory.Builder builder = window.getCluster().getTypeFactory().builder();
    builder.addAll(window.getInput().getRowType().getFieldList());
    for (int i = 0; i < extraColumns.size(); i++) {
      builder.add("$extra" + i, extraColumns.get(i).getType());
    }
    return builder.build();
  }

  private RelDataType columnType(int column) {
    return column < inputCount ? window.getInput().getRowType().getFieldList().get(column).getType()
        : extraColumns.get(column - inputCount).getType();
  }

  /**
   * The column the executor reads an operand from: an input column, or (for a constant, or a value
   * whose type is not {@code required}) a column computed below the window.
   */
  private int dataColumn(RexNode operand, RelDataType required) {
    RexNode expression;
    if (operand instanceof RexInputRef ref && ref.getIndex() < inputCount) {
      if (required == null || TypeMapping.toDataType(ref.getType()).equals(TypeMapping.toDataType(required))) {
        return ref.getIndex();
      }
      expression = rexBuilder.makeCast(nullable(required), ref);
    } else {
      RexLiteral literal = constant(operand);
      if (required == null && literal.getType().getSqlTypeName() == SqlTypeName.CHAR) {
        // a string literal is CHAR(n) to Calcite, whose trailing blanks the executor drops: as a
        // separator of STRING_AGG it is text as written (what StringAggSeparatorRule does for GROUP BY)
        expression = StringAggSeparatorRule.varchar(rexBuilder, literal);
      } else {
        expression = required == null ? literal : rexBuilder.makeCast(nullable(required), literal, true, false);
      }
    }
    String key = expression.toString() + ":" + expression.getType().getFullTypeString();
    Integer index = extraIndexes.get(key);
    if (index == null) {
      index = inputCount + extraColumns.size();
      extraColumns.add(expression);
      extraIndexes.put(key, index);
    }
    return index;
  }

  private RelDataType nullable(RelDataType type) {
    return rexBuilder.getTypeFactory().createTypeWithNullability(type, true);
  }

  /** The literal an operand stands for: a literal, or a reference to the window's constants. */
  private RexLiteral constant(RexNode operand) {
    if (operand instanceof RexLiteral literal) {
      return literal;
    }
    if (operand instanceof RexInputRef ref && ref.getIndex() >= inputCount) {
      return window.constants.get(ref.getIndex() - inputCount);
    }
    return null;
  }

  private Long integerConstant(RexNode operand, String what, SqlParserPos position) {
    RexLiteral literal = constant(operand);
    if (literal == null) {
      throw error(ErrorCode.NOT_SUPPORTED, what + " must be a constant", position);
    }
    if (literal.isNull()) {
      return null;
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    if (value == null || value.stripTrailingZeros().scale() > 0) {
      throw error(ErrorCode.TYPE_MISMATCH, what + " must be an integer, not " + literal, position);
    }
    return value.longValueExact();
  }

  private WindowFrame frame(Window.Group group, SqlParserPos position) {
    WindowFrame.Unit unit = group.isRows ? WindowFrame.Unit.ROWS : WindowFrame.Unit.RANGE;
    return new WindowFrame(unit, bound(group, group.lowerBound, "starting", position),
        bound(group, group.upperBound, "ending", position));
  }

  private Bound bound(Window.Group group, RexWindowBound bound, String which, SqlParserPos position) {
    if (bound.isUnboundedPreceding()) {
      return Bound.of(BoundKind.UNBOUNDED_PRECEDING);
    }
    if (bound.isUnboundedFollowing()) {
      return Bound.of(BoundKind.UNBOUNDED_FOLLOWING);
    }
    if (bound.isCurrentRow()) {
      return Bound.of(BoundKind.CURRENT_ROW);
    }
    BoundKind kind = bound.isPreceding() ? BoundKind.PRECEDING : BoundKind.FOLLOWING;
    RexLiteral literal = constant(bound.getOffset());
    if (literal == null) {
      throw error(ErrorCode.NOT_SUPPORTED, "frame " + which + " offset must be a constant", position);
    }
    if (literal.isNull()) {
      throw error(ErrorCode.NULL_VALUE_NOT_ALLOWED, "frame " + which + " offset must not be null", position);
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    if (value != null && value.signum() < 0) {
      throw error(ErrorCode.INVALID_PRECEDING_OR_FOLLOWING_SIZE, "frame " + which + " offset must not be negative",
          position);
    }
    DataType offsetType = TypeMapping.toDataType(literal.getType());
    if (group.isRows) {
      if (!offsetType.isNumeric() || value == null || value.stripTrailingZeros().scale() > 0) {
        throw error(ErrorCode.TYPE_MISMATCH, "argument of ROWS must be type bigint, not type " + offsetType, position);
      }
      return new Bound(kind, Literal.ofLong(value.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValueExact(),
          DataType.BIGINT));
    }
    int keyColumn = group.orderKeys.getFieldCollations().get(0).getFieldIndex();
    DataType keyType = TypeMapping.toDataType(columnType(keyColumn));
    return new Bound(kind, rangeOffset(keyType, offsetType, literal, position));
  }

  /** A RANGE offset of a type that fits the ORDER BY key's, as PostgreSQL allows them. */
  private static Literal rangeOffset(DataType keyType, DataType offsetType, RexLiteral literal,
      SqlParserPos position) {
    boolean fits;
    switch (keyType.kind()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> fits = offsetType.isInteger();
      case DECIMAL -> fits = offsetType.isInteger() || offsetType.kind() == TypeKind.DECIMAL;
      case REAL, DOUBLE -> fits = offsetType.isNumeric();
      case DATE, TIMESTAMP -> fits = offsetType.kind() == TypeKind.INTERVAL_DAY_TIME
          || offsetType.kind() == TypeKind.INTERVAL_YEAR_MONTH;
      case TIME -> fits = offsetType.kind() == TypeKind.INTERVAL_DAY_TIME;
      default -> fits = false;
    }
    if (!fits) {
      throw error(ErrorCode.NOT_SUPPORTED, "RANGE with offset PRECEDING/FOLLOWING is not supported for column type "
          + keyType + " and offset type " + offsetType, position);
    }
    if (keyType.kind() == TypeKind.REAL || keyType.kind() == TypeKind.DOUBLE) {
      return Literal.ofDouble(literal.getValueAs(BigDecimal.class).doubleValue());
    }
    return ExpressionConverter.literal(literal);
  }

  private static QuiverException error(ErrorCode code, String message, SqlParserPos position) {
    return new QuiverException(code, message, null, position.getLineNum(), position.getColumnNum());
  }
}
