package io.quiver.planner.fragment;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionRegistry;
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
        // Calcite holds a day-time interval in milliseconds; the executor in microseconds.
        return Literal.ofLong(Math.multiplyExact(literal.getValueAs(BigDecimal.class).longValueExact(), 1000L),
            type);
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
        // A CHAR value is stored without its padding; as an operand a string literal is text as
        // written (see operand).
        return Literal.ofString(OperandCoercion.stripTrailingSpaces(literal.getValueAs(String.class)), type);
      case VARCHAR:
        return Literal.ofString(literal.getValueAs(String.class), type);
      case VARBINARY:
        return Literal.ofString(literal.getValueAs(ByteString.class).toString(16), type);
      case DATE:
        return Literal.ofLong(literal.getValueAs(DateString.class).getDaysSinceEpoch(), type);
      case TIME:
        return Literal.ofLong(timeMicros(literal.getValueAs(TimeString.class)), type);
      case TIMESTAMP:
        return Literal.ofLong(timestampMicros(literal.getValueAs(TimestampString.class)), type);
      default:
        throw unsupported("Literal " + literal + " of type " + type);
    }
  }

  /** Microseconds of the day of a TIME literal; Calcite's own accessor stops at milliseconds. */
  static long timeMicros(TimeString time) {
    long wholeSeconds = Math.floorDiv(time.getMillisOfDay(), 1000L);
    return wholeSeconds * 1_000_000L + fractionMicros(time.toString());
  }

  /** Microseconds since the epoch of a TIMESTAMP literal, every written fraction digit kept. */
  static long timestampMicros(TimestampString timestamp) {
    long wholeSeconds = Math.floorDiv(timestamp.getMillisSinceEpoch(), 1000L);
    return wholeSeconds * 1_000_000L + fractionMicros(timestamp.toString());
  }

  /** The first six fraction digits of "...ss.ffffff..." as microseconds (the fraction is never negative). */
  private static long fractionMicros(String text) {
    int dot = text.lastIndexOf('.');
    if (dot < 0) {
      return 0;
    }
    long micros = 0;
    for (int i = 1; i <= 6; i++) {
      int at = dot + i;
      int digit = at < text.length() ? text.charAt(at) - '0' : 0;
      micros = micros * 10 + digit;
    }
    return micros;
  }

  /**
   * An operand of a call. A string literal (Calcite types it CHAR(n)) is text as written, as in
   * PostgreSQL: {@code 'John' || ' ' || 'Doe'} keeps its blank, and {@code varchar_column = 'a '}
   * compares every character; compared with a CHAR(n) value it takes CHAR semantics again
   * ({@link OperandCoercion#comparable}).
   */
  private Expression operand(RexNode node) {
    if (node instanceof RexLiteral literal && !literal.isNull()
        && literal.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.CHAR) {
      return Literal.ofString(literal.getValueAs(String.class), DataType.varchar(literal.getType().getPrecision()));
    }
    return convert(node);
  }

  private List<Expression> operands(List<? extends RexNode> nodes) {
    List<Expression> result = new ArrayList<>(nodes.size());
    for (RexNode node : nodes) {
      result.add(operand(node));
    }
    return result;
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
      case SIMILAR:
        return new Call(isNegatedLike(call) ? "NOT_SIMILAR_TO" : "SIMILAR_TO", operands(call.getOperands()), type);
      case RLIKE: {
        Call matches = new Call("REGEXP_LIKE", operands(call.getOperands()), type);
        return isNegatedLike(call) ? Call.of(ScalarFunction.NOT, type, matches) : matches;
      }
      case SAFE_CAST: {
        Expression operand = operand(operands.get(0));
        return Call.of(ScalarFunction.TRY_CAST, type, operand);
      }
      case CASE:
        return caseCall(call, type);
      case COALESCE:
        return new Call(ScalarFunction.COALESCE, valuesOf(operands(call.getOperands()), type), type);
      case CAST: {
        Expression operand = operand(operands.get(0));
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

  /**
   * Functions whose SqlKind is a generic one, found in the function registry by their SQL name or
   * alias: built-in ones keep their arguments (the compiler coerces them), registry kernels get
   * their arguments cast to the types the matching signature gives them.
   */
  private Expression byName(RexCall call, DataType type) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (name.equals(io.quiver.sql.analyze.InListOperator.NAME)) {
      return comparison(ScalarFunction.IN, call, type);
    }
    if (name.equals("||")) {
      return new Call(ScalarFunction.STRING_CONCAT, textOperands(operands(call.getOperands())), type);
    }
    if (name.equals("TRANSLATE3")) {
      name = "TRANSLATE";
    }
    FunctionDefinition definition = FunctionRegistry.builtIn().find(name)
        .orElseThrow(() -> unsupported("Function " + call.getOperator().getName()));
    if (definition.rewrittenByPlanner()) {
      return rewritten(definition, call, type);
    }
    List<Expression> operands = operands(call.getOperands());
    if (definition.builtIn()) {
      if (definition.name().equals(ScalarFunction.COALESCE.name())) {
        return new Call(ScalarFunction.COALESCE, valuesOf(operands, type), type);
      }
      return new Call(definition.name(), operands, type);
    }
    List<DataType> types = new ArrayList<>(operands.size());
    for (Expression operand : operands) {
      types.add(operand.type());
    }
    FunctionDefinition.Resolution resolution = definition.resolve(types);
    if (resolution == null) {
      throw new QuiverException(ErrorCode.TYPE_MISMATCH, "Function " + call.getOperator().getName()
          + " does not take arguments of types " + types);
    }
    List<Expression> arguments = new ArrayList<>(operands.size());
    for (int i = 0; i < operands.size(); i++) {
      Expression operand = operands.get(i);
      DataType target = resolution.argumentTypes().get(i);
      boolean same = operand.type().equals(target) || operand.type().isText() && target.isText()
          && target.kind() == TypeKind.VARCHAR;
      arguments.add(same ? operand : OperandCoercion.cast(operand, target));
    }
    return new Call(definition.name(), arguments, type);
  }

  /** Non-text operands of || written as text (PostgreSQL: 'a' || 1 is 'a1'). */
  private static List<Expression> textOperands(List<Expression> operands) {
    List<Expression> result = new ArrayList<>(operands.size());
    for (Expression operand : operands) {
      result.add(operand.type().isText() || operand.type().kind() == TypeKind.NULL ? operand
          : OperandCoercion.cast(operand, DataType.VARCHAR));
    }
    return result;
  }

  /** Functions the planner replaces: the current time, IF (lazy, as CASE), NULLIF. */
  private Expression rewritten(FunctionDefinition definition, RexCall call, DataType type) {
    switch (definition.name()) {
      case "IF": {
        List<Expression> operands = operands(call.getOperands());
        return new Call(ScalarFunction.CASE, List.of(operands.get(0), valueOf(operands.get(1), type),
            valueOf(operands.get(2), type)), type);
      }
      case "NULLIF": {
        List<Expression> operands = operands(call.getOperands());
        Call equal = new Call(ScalarFunction.EQUAL, OperandCoercion.comparable(operands), DataType.BOOLEAN);
        return new Call(ScalarFunction.CASE, List.of(equal, Literal.nullOf(type), valueOf(operands.get(0), type)), type);
      }
      default:
        return currentTime(call, type);
    }
  }

  private Call simple(ScalarFunction function, RexCall call, DataType type) {
    return new Call(function, operands(call.getOperands()), type);
  }

  private Call arithmetic(ScalarFunction function, RexCall call, DataType type) {
    List<Expression> operands = operands(call.getOperands());
    if (operands.size() == 2 && (function == ScalarFunction.ADD || function == ScalarFunction.SUBTRACT)) {
      Call days = dateWithDays(function, operands.get(0), operands.get(1), type);
      if (days != null) {
        return days;
      }
    }
    return new Call(function, OperandCoercion.arithmetic(operands, type), type);
  }

  /**
   * date + n, n + date, date - n (days, a DATE) and date - date (days between, an INTEGER), as
   * PostgreSQL has them: the registry's DATE_ADD, DATE_SUB and two-argument DATE_DIFF.
   */
  private static Call dateWithDays(ScalarFunction function, Expression left, Expression right, DataType type) {
    boolean leftDate = left.type().kind() == TypeKind.DATE;
    boolean rightDate = right.type().kind() == TypeKind.DATE;
    if (function == ScalarFunction.ADD && rightDate && left.type().isInteger()) {
      Expression swap = left;
      left = right;
      right = swap;
      leftDate = true;
      rightDate = false;
    }
    if (leftDate && right.type().isInteger()) {
      Expression days = right.type().kind() == TypeKind.BIGINT ? right : OperandCoercion.cast(right, DataType.BIGINT);
      return new Call(function == ScalarFunction.ADD ? "DATE_ADD" : "DATE_SUB", List.of(left, days), type);
    }
    if (function == ScalarFunction.SUBTRACT && leftDate && rightDate) {
      return new Call("DATE_DIFF", List.of(left, right), type);
    }
    return null;
  }

  /**
   * Calcite types {@code a % b} as b's type; the remainder is computed in the wider of the two
   * integer kinds (no narrowing of a) and then cast, which cannot overflow: |a % b| &lt;= |b|.
   */
  private Expression modulo(RexCall call, DataType type) {
    List<Expression> operands = operands(call.getOperands());
    if (!type.isInteger()) {
      return new Call(ScalarFunction.MODULO, OperandCoercion.arithmetic(operands, type), type);
    }
    List<Expression> common = OperandCoercion.comparable(operands);
    DataType computed = common.get(0).type();
    Call remainder = new Call(ScalarFunction.MODULO, common, computed);
    return computed.equals(type) ? remainder : Call.of(ScalarFunction.CAST, type, remainder);
  }

  private Call comparison(ScalarFunction function, RexCall call, DataType type) {
    return new Call(function, OperandCoercion.comparable(operands(call.getOperands())), type);
  }

  /** CASE: every THEN and the ELSE take the call's type. */
  private Expression caseCall(RexCall call, DataType type) {
    List<Expression> operands = operands(call.getOperands());
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
      candidates.add(operand(literal));
    }
    List<Expression> arguments = new ArrayList<>();
    arguments.add(convert(common));
    arguments.addAll(candidates);
    return new Call(ScalarFunction.IN, OperandCoercion.comparable(arguments), type);
  }

  private Expression like(RexCall call, boolean negated, DataType type) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (name.contains("ILIKE")) {
      return new Call(negated ? "NOT_ILIKE" : "ILIKE", operands(call.getOperands()), type);
    }
    return new Call(negated ? ScalarFunction.NOT_LIKE : ScalarFunction.LIKE,
        operands(call.getOperands()), type);
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
      case EPOCH:
      case ISODOW:
      case ISOYEAR:
      case MICROSECOND:
      case MILLISECOND:
      case DECADE:
      case CENTURY:
      case MILLENNIUM: {
        // The other fields of PostgreSQL's EXTRACT: DATE_PART's kernel knows them.
        Expression value = operand(call.getOperands().get(1));
        Expression part = Call.of("DATE_PART", DataType.BIGINT, Literal.ofString(unit.name(), DataType.VARCHAR), value);
        return type.equals(DataType.BIGINT) ? part : OperandCoercion.cast(part, type);
      }
      default:
        throw unsupported("EXTRACT(" + unit + ")");
    }
    Expression value = operand(call.getOperands().get(1));
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
    Expression value = operand(call.getOperands().get(2));
    if (characters instanceof RexLiteral literal && " ".equals(literal.getValueAs(String.class))) {
      return Call.of(function, type, value);
    }
    return Call.of(function, type, value, operand(characters));
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
    if (type.kind() == TypeKind.TIME) {
      return Literal.ofLong(now.toLocalTime().withNano(0).toNanoOfDay() / 1000L, type);
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

  private static QuiverException unsupported(String what) {
    return new QuiverException(ErrorCode.NOT_SUPPORTED, what + " is not supported");
  }
}
