package io.quiver.planner.fragment;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Turns Calcite row expressions into fragment {@link Expression}s. SEARCH (Calcite's compact form of
 * ranges and IN lists) is expanded; a disjunction of equalities of one expression with literals
 * becomes one IN call, which the executor evaluates with a hash set.
 */
public final class ExpressionConverter {

  private final RexBuilder rexBuilder;

  /** When the query started: CURRENT_DATE and CURRENT_TIMESTAMP give this one value for the whole query. */
  private final java.time.Instant queryStart;
  private final java.time.ZoneId zone;

  public ExpressionConverter(RexBuilder rexBuilder) {
    this(rexBuilder, java.time.Instant.now());
  }

  public ExpressionConverter(RexBuilder rexBuilder, java.time.Instant queryStart) {
    this(rexBuilder, queryStart, java.time.ZoneId.systemDefault());
  }

  /** @param zone the session's time zone, in which CURRENT_DATE and CURRENT_TIMESTAMP read the clock */
  public ExpressionConverter(RexBuilder rexBuilder, java.time.Instant queryStart, java.time.ZoneId zone) {
    this.rexBuilder = rexBuilder;
    this.queryStart = queryStart;
    this.zone = zone;
  }

  public List<Expression> convert(List<? extends RexNode> nodes) {
    List<Expression> result = new ArrayList<>(nodes.size());
    for (RexNode node : nodes) {
      result.add(convert(node));
    }
    return result;
  }

  /**
   * @throws QuiverException NOT_SUPPORTED for a function or expression the executor lacks
   */
  public Expression convert(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return new InputReference(ref.getIndex(), TypeMapping.toDataType(ref.getType()));
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    throw unsupported("Expression " + node);
  }

  /** A literal in {@link Literal}'s canonical text. */
  public static Literal literal(RexLiteral literal) {
    DataType type = TypeMapping.toDataType(literal.getType());
    if (literal.isNull()) {
      return Literal.nullOf(type);
    }
    switch (type.kind()) {
      case BOOLEAN:
        return Literal.ofBoolean(Boolean.TRUE.equals(literal.getValueAs(Boolean.class)));
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return Literal.ofLong(literal.getValueAs(BigDecimal.class).longValueExact(), type);
      case INTERVAL_DAY_TIME:
      case INTERVAL_YEAR_MONTH:
        return Literal.ofLong(literal.getValueAs(BigDecimal.class).longValueExact(), type);
      case DECIMAL: {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        return new Literal(value.setScale(type.scale(), RoundingMode.HALF_UP).toPlainString(), type);
      }
      case REAL:
      case DOUBLE:
        return new Literal(Double.toString(literal.getValueAs(Double.class)), type);
      case CHAR:
        // CHAR values are stored without their padding.
        return Literal.ofString(stripTrailingSpaces(literal.getValueAs(String.class)), type);
      case VARCHAR:
        return Literal.ofString(literal.getValueAs(String.class), type);
      case VARBINARY:
        return Literal.ofString(literal.getValueAs(ByteString.class).toString(16), type);
      case DATE:
        return Literal.ofLong(literal.getValueAs(DateString.class).getDaysSinceEpoch(), type);
      case TIME:
        return Literal.ofLong(literal.getValueAs(TimeString.class).getMillisOfDay() * 1000L, type);
      case TIMESTAMP:
        return Literal.ofLong(literal.getValueAs(TimestampString.class).getMillisSinceEpoch() * 1000L,
            type);
      default:
        throw unsupported("Literal " + literal + " of type " + type);
    }
  }

  private Expression call(RexCall call) {
    DataType type = TypeMapping.toDataType(call.getType());
    List<RexNode> operands = call.getOperands();
    switch (call.getKind()) {
      case SEARCH:
        return convert(RexUtil.expandSearch(rexBuilder, null, call));
      case PLUS:
        return operands.size() == 1 ? convert(operands.get(0)) : arithmetic(ScalarFunction.ADD, call, type);
      case PLUS_PREFIX:
        return convert(operands.get(0));
      case MINUS:
        return arithmetic(ScalarFunction.SUBTRACT, call, type);
      case MINUS_PREFIX:
        return simple(ScalarFunction.NEGATE, call, type);
      case TIMES:
        return arithmetic(ScalarFunction.MULTIPLY, call, type);
      case DIVIDE:
        return arithmetic(ScalarFunction.DIVIDE, call, type);
      case MOD:
        return modulo(call, type);
      case EQUALS:
        return comparison(ScalarFunction.EQUAL, call, type);
      case NOT_EQUALS:
        return comparison(ScalarFunction.NOT_EQUAL, call, type);
      case LESS_THAN:
        return comparison(ScalarFunction.LESS_THAN, call, type);
      case LESS_THAN_OR_EQUAL:
        return comparison(ScalarFunction.LESS_THAN_OR_EQUAL, call, type);
      case GREATER_THAN:
        return comparison(ScalarFunction.GREATER_THAN, call, type);
      case GREATER_THAN_OR_EQUAL:
        return comparison(ScalarFunction.GREATER_THAN_OR_EQUAL, call, type);
      case IS_DISTINCT_FROM:
        return comparison(ScalarFunction.IS_DISTINCT_FROM, call, type);
      case IS_NOT_DISTINCT_FROM:
        return comparison(ScalarFunction.IS_NOT_DISTINCT_FROM, call, type);
      case AND:
        return simple(ScalarFunction.AND, call, type);
      case OR:
        return disjunction(call, type);
      case NOT:
        if (operands.get(0).getKind() == SqlKind.LIKE) {
          RexCall like = (RexCall) operands.get(0);
          return like(like, !isNegatedLike(like), type);
        }
        return simple(ScalarFunction.NOT, call, type);
      case IS_NULL:
        return simple(ScalarFunction.IS_NULL, call, type);
      case IS_NOT_NULL:
        return simple(ScalarFunction.IS_NOT_NULL, call, type);
      case IS_TRUE:
        return simple(ScalarFunction.IS_TRUE, call, type);
      case IS_NOT_TRUE:
        return simple(ScalarFunction.IS_NOT_TRUE, call, type);
      case IS_FALSE:
        return simple(ScalarFunction.IS_FALSE, call, type);
      case IS_NOT_FALSE:
        return simple(ScalarFunction.IS_NOT_FALSE, call, type);
      case BETWEEN:
        return comparison(ScalarFunction.BETWEEN, call, type);
      case IN:
        return comparison(ScalarFunction.IN, call, type);
      case LIKE:
        return like(call, isNegatedLike(call), type);
      case CASE:
        return caseCall(call, type);
      case COALESCE:
        return new Call(ScalarFunction.COALESCE, valuesOf(convert(call.getOperands()), type), type);
      case CAST: {
        Expression operand = convert(operands.get(0));
        // A cast that only changes nullability is no cast for the executor.
        return operand.type().equals(type) ? operand : Call.of(ScalarFunction.CAST, type, operand);
      }
      case EXTRACT:
        return extract(call, type);
      case TRIM:
        return trim(call, type);
      case FLOOR:
        return rounding(ScalarFunction.FLOOR, call, type);
      case CEIL:
        return rounding(ScalarFunction.CEIL, call, type);
      default:
        return byName(call, type);
    }
  }

  /** Functions whose SqlKind is a generic one; matched by their SQL name. */
  private Expression byName(RexCall call, DataType type) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    switch (name) {
      case "SUBSTRING":
        return simple(ScalarFunction.SUBSTRING, call, type);
      case "UPPER":
        return simple(ScalarFunction.UPPER, call, type);
      case "LOWER":
        return simple(ScalarFunction.LOWER, call, type);
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
        return simple(ScalarFunction.CHAR_LENGTH, call, type);
      case "||":
      case "CONCAT":
        return simple(ScalarFunction.CONCAT, call, type);
      case "ABS":
        return simple(ScalarFunction.ABS, call, type);
      case "ROUND":
        return simple(ScalarFunction.ROUND, call, type);
      case "POWER":
        return simple(ScalarFunction.POWER, call, type);
      case "SQRT":
        return simple(ScalarFunction.SQRT, call, type);
      case "EXP":
        return simple(ScalarFunction.EXP, call, type);
      case "LN":
        return simple(ScalarFunction.LN, call, type);
      case "LOG10":
        return simple(ScalarFunction.LOG10, call, type);
      case "SIGN":
        return simple(ScalarFunction.SIGN, call, type);
      case "REPLACE":
        return simple(ScalarFunction.REPLACE, call, type);
      case "POSITION":
        return simple(ScalarFunction.POSITION, call, type);
      case "LTRIM":
        return simple(ScalarFunction.LTRIM, call, type);
      case "RTRIM":
        return simple(ScalarFunction.RTRIM, call, type);
      case "LPAD":
        return simple(ScalarFunction.LPAD, call, type);
      case "RPAD":
        return simple(ScalarFunction.RPAD, call, type);
      case "CURRENT_DATE":
      case "CURRENT_TIMESTAMP":
      case "LOCALTIMESTAMP":
        return currentTime(call, type);
      default:
        throw unsupported("Function " + call.getOperator().getName());
    }
  }

  private Call simple(ScalarFunction function, RexCall call, DataType type) {
    return new Call(function, convert(call.getOperands()), type);
  }

  private Call arithmetic(ScalarFunction function, RexCall call, DataType type) {
    return new Call(function, OperandCoercion.arithmetic(convert(call.getOperands()), type), type);
  }

  /**
   * Calcite types {@code a % b} as b's type; the remainder is computed in the wider of the two
   * integer kinds (no narrowing of a) and then cast, which cannot overflow: |a % b| &lt;= |b|.
   */
  private Expression modulo(RexCall call, DataType type) {
    List<Expression> operands = convert(call.getOperands());
    if (!type.isInteger()) {
      return new Call(ScalarFunction.MODULO, OperandCoercion.arithmetic(operands, type), type);
    }
    List<Expression> common = OperandCoercion.comparable(operands);
    DataType computed = common.get(0).type();
    Call remainder = new Call(ScalarFunction.MODULO, common, computed);
    return computed.equals(type) ? remainder : Call.of(ScalarFunction.CAST, type, remainder);
  }

  private Call comparison(ScalarFunction function, RexCall call, DataType type) {
    return new Call(function, OperandCoercion.comparable(convert(call.getOperands())), type);
  }

  /** CASE: every THEN and the ELSE take the call's type. */
  private Expression caseCall(RexCall call, DataType type) {
    List<Expression> operands = convert(call.getOperands());
    List<Expression> result = new ArrayList<>(operands.size());
    for (int i = 0; i < operands.size(); i++) {
      boolean value = i % 2 == 1 || i == operands.size() - 1;
      result.add(value ? valueOf(operands.get(i), type) : operands.get(i));
    }
    return new Call(ScalarFunction.CASE, result, type);
  }

  private static List<Expression> valuesOf(List<Expression> operands, DataType type) {
    List<Expression> result = new ArrayList<>(operands.size());
    for (Expression operand : operands) {
      result.add(valueOf(operand, type));
    }
    return result;
  }

  private static Expression valueOf(Expression operand, DataType type) {
    DataType operandType = operand.type();
    boolean same = operandType.equals(type) || operandType.isText() && type.isText()
        && type.kind() == TypeKind.VARCHAR;
    return same ? operand : OperandCoercion.cast(operand, type);
  }

  /** OR of {@code x = literal} terms over one x becomes {@code IN(x, literals...)}. */
  private Expression disjunction(RexCall call, DataType type) {
    RexNode common = null;
    List<Expression> candidates = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      if (operand.getKind() != SqlKind.EQUALS) {
        return simple(ScalarFunction.OR, call, type);
      }
      RexCall equals = (RexCall) operand;
      RexNode left = equals.getOperands().get(0);
      RexNode right = equals.getOperands().get(1);
      if (left instanceof RexLiteral && !(right instanceof RexLiteral)) {
        RexNode swap = left;
        left = right;
        right = swap;
      }
      if (!(right instanceof RexLiteral literal) || (common != null && !common.equals(left))
          || !SqlTypeUtil.equalSansNullability(left.getType(), right.getType())) {
        return simple(ScalarFunction.OR, call, type);
      }
      common = left;
      candidates.add(literal(literal));
    }
    List<Expression> arguments = new ArrayList<>();
    arguments.add(convert(common));
    arguments.addAll(candidates);
    return new Call(ScalarFunction.IN, OperandCoercion.comparable(arguments), type);
  }

  private Expression like(RexCall call, boolean negated, DataType type) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (name.contains("ILIKE") || name.contains("RLIKE")) {
      throw unsupported("Function " + call.getOperator().getName());
    }
    return new Call(negated ? ScalarFunction.NOT_LIKE : ScalarFunction.LIKE,
        convert(call.getOperands()), type);
  }

  private static boolean isNegatedLike(RexCall call) {
    return call.getOperator() instanceof SqlLikeOperator like && like.isNegated();
  }

  /** EXTRACT(unit FROM value): the unit travels as a VARCHAR literal naming the field. */
  private Expression extract(RexCall call, DataType type) {
    RexLiteral unitLiteral = (RexLiteral) call.getOperands().get(0);
    TimeUnitRange unit = unitLiteral.getValueAs(TimeUnitRange.class);
    if (unit == null) {
      throw unsupported("EXTRACT field " + unitLiteral);
    }
    switch (unit) {
      case YEAR:
      case QUARTER:
      case MONTH:
      case WEEK:
      case DAY:
      case DOW:
      case DOY:
      case HOUR:
      case MINUTE:
      case SECOND:
        break;
      default:
        throw unsupported("EXTRACT(" + unit + ")");
    }
    Expression value = convert(call.getOperands().get(1));
    return Call.of(ScalarFunction.EXTRACT, type, Literal.ofString(unit.name(), DataType.VARCHAR), value);
  }

  /**
   * TRIM([BOTH|LEADING|TRAILING] [characters] FROM value): TRIM, LTRIM or RTRIM of the value, with
   * the characters as a second argument unless they are the default single space.
   */
  private Expression trim(RexCall call, DataType type) {
    RexLiteral flag = (RexLiteral) call.getOperands().get(0);
    RexNode characters = call.getOperands().get(1);
    SqlTrimFunction.Flag trimFlag = flag.getValueAs(SqlTrimFunction.Flag.class);
    ScalarFunction function = trimFlag == SqlTrimFunction.Flag.LEADING ? ScalarFunction.LTRIM
        : trimFlag == SqlTrimFunction.Flag.TRAILING ? ScalarFunction.RTRIM : ScalarFunction.TRIM;
    Expression value = convert(call.getOperands().get(2));
    if (characters instanceof RexLiteral literal && " ".equals(literal.getValueAs(String.class))) {
      return Call.of(function, type, value);
    }
    return Call.of(function, type, value, convert(characters));
  }

  /**
   * CURRENT_DATE, CURRENT_TIMESTAMP and LOCALTIMESTAMP: one value per query, the time this
   * converter (one per plan) was made, in the time zone of the JVM that plans (as the driver's
   * {@code {fn CURDATE()}} and {@code {fn NOW()}} do), cut to the type's fractional-second precision.
   */
  private Expression currentTime(RexCall call, DataType type) {
    java.time.LocalDateTime now = java.time.LocalDateTime.ofInstant(queryStart, zone);
    if (type.kind() == TypeKind.DATE) {
      return Literal.ofLong(now.toLocalDate().toEpochDay(), type);
    }
    if (type.kind() != TypeKind.TIMESTAMP) {
      throw unsupported("Function " + call.getOperator().getName() + " of type " + type);
    }
    int precision = Math.max(0, Math.min(6, call.getType().getPrecision()));
    long micros = java.time.Duration.between(java.time.LocalDateTime.of(1970, 1, 1, 0, 0), now).toNanos() / 1000L;
    long unit = (long) Math.pow(10, 6 - precision);
    return Literal.ofLong(Math.floorDiv(micros, unit) * unit, type);
  }

  private Expression rounding(ScalarFunction function, RexCall call, DataType type) {
    if (call.getOperands().size() != 1) {
      throw unsupported(function + " to a time unit");
    }
    return simple(function, call, type);
  }

  private static String stripTrailingSpaces(String value) {
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == ' ') {
      end--;
    }
    return value.substring(0, end);
  }

  private static QuiverException unsupported(String what) {
    return new QuiverException(ErrorCode.NOT_SUPPORTED, what + " is not supported");
  }
}
