package io.quiver.exec.expression;

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
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The obvious, slow evaluator the vectorized one is checked against: one row at a time, Java
 * objects, BigDecimal for every exact number. Values: integer kinds Long, DECIMAL BigDecimal at the
 * type's scale, DOUBLE Double, text String, DATE LocalDate, BOOLEAN Boolean, NULL null.
 *
 * <p>Evaluation order mirrors SQL as the engine promises it: CASE and COALESCE are lazy per row,
 * everything else evaluates all its arguments; a strict call with a NULL constant argument is NULL
 * without evaluating the rest (the compiler folds it).
 */
final class ReferenceEvaluator {

  private ReferenceEvaluator() {
  }

  static Object evaluate(Expression expression, List<Object> row) {
    if (expression instanceof InputReference input) {
      return row.get(input.index());
    }
    if (expression instanceof Literal literal) {
      return literal(literal);
    }
    Call call = (Call) expression;
    ScalarFunction function = ScalarFunction.valueOf(call.function());
    List<Expression> arguments = call.arguments();
    if (isStrict(function)) {
      int checked = function == ScalarFunction.IN ? 1 : arguments.size();
      for (int a = 0; a < checked; a++) {
        if (isConstantNull(arguments.get(a))) {
          return null;
        }
      }
    }
    switch (function) {
      case CASE: {
        for (int a = 0; a + 1 < arguments.size(); a += 2) {
          if (Boolean.TRUE.equals(evaluate(arguments.get(a), row))) {
            return coerce(evaluate(arguments.get(a + 1), row), arguments.get(a + 1).type(), call.type());
          }
        }
        Expression otherwise = arguments.get(arguments.size() - 1);
        return coerce(evaluate(otherwise, row), otherwise.type(), call.type());
      }
      case AND:
      case OR: {
        // Left to right; a row stops at the first deciding argument (FALSE for AND, TRUE for OR).
        boolean and = function == ScalarFunction.AND;
        boolean sawNull = false;
        for (Expression argument : arguments) {
          Object value = evaluate(argument, row);
          if (value == null) {
            sawNull = true;
          } else if ((Boolean) value != and) {
            return !and;
          }
        }
        return sawNull ? null : and;
      }
      case COALESCE:
        for (Expression argument : arguments) {
          Object value = evaluate(argument, row);
          if (value != null) {
            return coerce(value, argument.type(), call.type());
          }
        }
        return null;
      default:
        break;
    }
    List<Object> values = new ArrayList<>();
    for (Expression argument : arguments) {
      values.add(evaluate(argument, row));
    }
    switch (function) {
      case IS_NULL:
        return values.get(0) == null;
      case IS_NOT_NULL:
        return values.get(0) != null;
      case IS_TRUE:
        return Boolean.TRUE.equals(values.get(0));
      case IS_NOT_TRUE:
        return !Boolean.TRUE.equals(values.get(0));
      case IS_FALSE:
        return Boolean.FALSE.equals(values.get(0));
      case IS_NOT_FALSE:
        return !Boolean.FALSE.equals(values.get(0));
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM: {
        Object left = values.get(0);
        Object right = values.get(1);
        boolean same = left == null || right == null ? left == right
            : compare(left, arguments.get(0).type(), right, arguments.get(1).type()) == 0;
        return function == ScalarFunction.IS_DISTINCT_FROM ? !same : same;
      }
      case BETWEEN: {
        Boolean low = compareOrNull(values.get(0), arguments.get(0).type(), values.get(1), arguments.get(1).type(), c -> c >= 0);
        Boolean high = compareOrNull(values.get(0), arguments.get(0).type(), values.get(2), arguments.get(2).type(), c -> c <= 0);
        if (Boolean.FALSE.equals(low) || Boolean.FALSE.equals(high)) {
          return false;
        }
        return low == null || high == null ? null : true;
      }
      default:
        break;
    }
    if (function != ScalarFunction.IN && values.contains(null)) {
      return null;
    }
    switch (function) {
      case IN: {
        Object value = values.get(0);
        if (value == null) {
          return null;
        }
        boolean sawNull = false;
        for (int a = 1; a < values.size(); a++) {
          if (values.get(a) == null) {
            sawNull = true;
          } else if (compare(value, arguments.get(0).type(), values.get(a), arguments.get(a).type()) == 0) {
            return true;
          }
        }
        return sawNull ? null : false;
      }
      case NOT:
        return !(Boolean) values.get(0);
      case EQUAL:
        return cmp(call, values) == 0;
      case NOT_EQUAL:
        return cmp(call, values) != 0;
      case LESS_THAN:
        return cmp(call, values) < 0;
      case LESS_THAN_OR_EQUAL:
        return cmp(call, values) <= 0;
      case GREATER_THAN:
        return cmp(call, values) > 0;
      case GREATER_THAN_OR_EQUAL:
        return cmp(call, values) >= 0;
      case LIKE:
      case NOT_LIKE: {
        String escape = values.size() > 2 ? (String) values.get(2) : null;
        boolean matches = likeRegex((String) values.get(1), escape).matcher((String) values.get(0)).matches();
        return function == ScalarFunction.LIKE == matches;
      }
      case ADD:
      case SUBTRACT:
      case MULTIPLY:
      case DIVIDE:
      case MODULO:
        return arithmetic(function, values.get(0), values.get(1), arguments.get(1).type(), call.type());
      case NEGATE:
        if (values.get(0) instanceof Double number) {
          return -number;
        }
        return arithmetic(ScalarFunction.SUBTRACT, 0L, values.get(0), arguments.get(0).type(), call.type());
      case ABS:
        if (values.get(0) instanceof Double number) {
          return Math.abs(number);
        }
        return fit(toDecimal(values.get(0)).abs(), call.type());
      case FLOOR:
      case CEIL: {
        if (values.get(0) instanceof Double number) {
          return function == ScalarFunction.FLOOR ? Math.floor(number) : Math.ceil(number);
        }
        RoundingMode mode = function == ScalarFunction.FLOOR ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return fit(toDecimal(values.get(0)).setScale(0, mode), call.type());
      }
      case ROUND: {
        int digits = values.size() > 1 ? (int) (long) (Long) values.get(1) : 0;
        return fit(toDecimal(values.get(0)).setScale(digits, RoundingMode.HALF_UP), call.type());
      }
      case CAST:
        return coerce(values.get(0), arguments.get(0).type(), call.type());
      case EXTRACT:
        if (values.get(1) instanceof LocalDateTime timestamp) {
          return extract((String) values.get(0), timestamp);
        }
        return extract((String) values.get(0), ((LocalDate) values.get(1)).atStartOfDay());
      case SUBSTRING:
        return substring((String) values.get(0), (Long) values.get(1), values.size() > 2 ? (Long) values.get(2) : null);
      case UPPER:
        return ((String) values.get(0)).toUpperCase(Locale.ROOT);
      case LOWER:
        return ((String) values.get(0)).toLowerCase(Locale.ROOT);
      case TRIM:
        return ((String) values.get(0)).replaceAll("^ +| +$", "");
      case CHAR_LENGTH:
        return (long) ((String) values.get(0)).codePointCount(0, ((String) values.get(0)).length());
      case STRING_CONCAT: {
        StringBuilder text = new StringBuilder();
        for (int a = 0; a < values.size(); a++) {
          text.append((String) coerce(values.get(a), arguments.get(a).type(), DataType.VARCHAR));
        }
        return text.toString();
      }
      default:
        throw new IllegalArgumentException("reference lacks " + function);
    }
  }

  // ---- NULL handling ---------------------------------------------------------------------------

  static boolean isStrict(ScalarFunction function) {
    switch (function) {
      case AND:
      case OR:
      case IS_NULL:
      case IS_NOT_NULL:
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE:
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM:
      case CASE:
      case COALESCE:
      case BETWEEN:
        return false;
      default:
        return true;
    }
  }

  /** Whether an expression is a constant NULL once constants are folded. */
  static boolean isConstantNull(Expression expression) {
    if (expression instanceof Literal literal) {
      return literal.isNull();
    }
    if (!(expression instanceof Call call)) {
      return false;
    }
    if (isStrict(ScalarFunction.valueOf(call.function()))) {
      int checked = call.is(ScalarFunction.IN) ? 1 : call.arguments().size();
      for (int a = 0; a < checked; a++) {
        if (isConstantNull(call.arguments().get(a))) {
          return true;
        }
      }
    }
    if (!isConstant(call)) {
      return false;
    }
    try {
      return evaluate(call, List.of()) == null;
    } catch (QuiverException e) {
      return false;
    }
  }

  private static boolean isConstant(Expression expression) {
    if (expression instanceof InputReference) {
      return false;
    }
    if (expression instanceof Call call) {
      for (Expression argument : call.arguments()) {
        if (!isConstant(argument)) {
          return false;
        }
      }
    }
    return true;
  }

  private static Object literal(Literal literal) {
    if (literal.isNull()) {
      return null;
    }
    switch (literal.type().kind()) {
      case BOOLEAN:
        return literal.booleanValue();
      case DECIMAL:
        return literal.decimalValue();
      case DOUBLE:
        return literal.doubleValue();
      case CHAR:
      case VARCHAR:
        return literal.text();
      case DATE:
        return LocalDate.ofEpochDay(literal.longValue());
      default:
        return literal.longValue();
    }
  }

  // ---- comparisons -------------------------------------------------------------------------------

  private static int cmp(Call call, List<Object> values) {
    return compare(values.get(0), call.arguments().get(0).type(), values.get(1), call.arguments().get(1).type());
  }

  private static Boolean compareOrNull(Object left, DataType leftType, Object right, DataType rightType,
      java.util.function.IntPredicate test) {
    if (left == null || right == null) {
      return null;
    }
    return test.test(compare(left, leftType, right, rightType));
  }

  static int compare(Object left, DataType leftType, Object right, DataType rightType) {
    if (left instanceof String a && right instanceof String b) {
      if (leftType.kind() == TypeKind.CHAR || rightType.kind() == TypeKind.CHAR) {
        a = a.replaceAll(" +$", "");
        b = b.replaceAll(" +$", "");
      }
      return Integer.signum(java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
    }
    if (left instanceof LocalDate date && right instanceof LocalDateTime) {
      left = date.atStartOfDay();
    }
    if (left instanceof LocalDateTime a) {
      return Integer.signum(a.compareTo(right instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) right));
    }
    if (left instanceof Double || right instanceof Double || left instanceof Float || right instanceof Float) {
      double a = toDouble(left);
      double b = toDouble(right);
      if (Double.isNaN(a) || Double.isNaN(b)) {
        return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
      }
      return a < b ? -1 : a > b ? 1 : 0;
    }
    if (left instanceof LocalDate a) {
      return Integer.signum(a.compareTo((LocalDate) right));
    }
    if (left instanceof Boolean a) {
      return Boolean.compare(a, (Boolean) right);
    }
    return Integer.signum(toDecimal(left).compareTo(toDecimal(right)));
  }

  private static double toDouble(Object value) {
    if (value instanceof Double number) {
      return number;
    }
    if (value instanceof Float number) {
      return number;
    }
    if (value instanceof Long number) {
      return number;
    }
    return ((BigDecimal) value).doubleValue();
  }

  private static BigDecimal toDecimal(Object value) {
    return value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf((Long) value);
  }

  // ---- arithmetic --------------------------------------------------------------------------------

  private static Object arithmetic(ScalarFunction function, Object left, Object right, DataType rightType,
      DataType type) {
    if (type.kind() == TypeKind.DATE) {
      LocalDate date = (LocalDate) left;
      long amount = (Long) right * (function == ScalarFunction.SUBTRACT ? -1 : 1);
      return rightType.kind() == TypeKind.INTERVAL_YEAR_MONTH ? date.plusMonths(amount)
          : date.plusDays(Math.floorDiv(amount, 86_400_000_000L));
    }
    if (type.kind() == TypeKind.DOUBLE) {
      double a = toDouble(left);
      double b = toDouble(right);
      switch (function) {
        case ADD:
          return a + b;
        case SUBTRACT:
          return a - b;
        case MULTIPLY:
          return a * b;
        case DIVIDE:
          return a / b;
        default:
          return a % b;
      }
    }
    BigDecimal a = toDecimal(left);
    BigDecimal b = toDecimal(right);
    BigDecimal result;
    switch (function) {
      case ADD:
        result = a.add(b);
        break;
      case SUBTRACT:
        result = a.subtract(b);
        break;
      case MULTIPLY:
        result = a.multiply(b);
        break;
      case DIVIDE:
        if (b.signum() == 0) {
          throw new QuiverException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        result = type.kind() == TypeKind.DECIMAL ? a.divide(b, type.scale(), RoundingMode.HALF_UP)
            : a.divide(b, 0, RoundingMode.DOWN);
        break;
      default:
        if (b.signum() == 0) {
          throw new QuiverException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        result = a.remainder(b);
        break;
    }
    return fit(result, type);
  }

  /** An exact value as a value of {@code type}: rounded HALF_UP, range-checked. */
  private static Object fit(BigDecimal value, DataType type) {
    if (type.kind() == TypeKind.DOUBLE) {
      return value.doubleValue();
    }
    if (type.kind() == TypeKind.DECIMAL) {
      BigDecimal rounded = value.setScale(type.scale(), RoundingMode.HALF_UP);
      if (rounded.precision() - rounded.scale() > type.precision() - type.scale() && rounded.signum() != 0) {
        throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, "overflow " + rounded + " " + type);
      }
      return rounded;
    }
    BigInteger integer = value.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
    BigInteger min;
    BigInteger max;
    switch (type.kind()) {
      case TINYINT:
        min = BigInteger.valueOf(Byte.MIN_VALUE);
        max = BigInteger.valueOf(Byte.MAX_VALUE);
        break;
      case SMALLINT:
        min = BigInteger.valueOf(Short.MIN_VALUE);
        max = BigInteger.valueOf(Short.MAX_VALUE);
        break;
      case INTEGER:
        min = BigInteger.valueOf(Integer.MIN_VALUE);
        max = BigInteger.valueOf(Integer.MAX_VALUE);
        break;
      default:
        min = BigInteger.valueOf(Long.MIN_VALUE);
        max = BigInteger.valueOf(Long.MAX_VALUE);
        break;
    }
    if (integer.compareTo(min) < 0 || integer.compareTo(max) > 0) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, "overflow " + integer + " " + type);
    }
    return integer.longValue();
  }

  // ---- casts -------------------------------------------------------------------------------------

  static Object coerce(Object value, DataType from, DataType to) {
    if (value == null) {
      return null;
    }
    switch (to.kind()) {
      case CHAR:
      case VARCHAR:
        if (value instanceof BigDecimal decimal) {
          return decimal.toPlainString();
        }
        return value.toString();
      case DOUBLE:
        return toDouble(value);
      case DATE:
        return value instanceof LocalDateTime timestamp ? timestamp.toLocalDate() : value;
      case BOOLEAN:
        return value;
      default:
        if (value instanceof String text) {
          String trimmed = text.trim();
          if (!trimmed.matches("[+-]?[0-9]+")) {
            throw new QuiverException(ErrorCode.INVALID_CAST, "Cannot cast '" + text + "'");
          }
          return fit(new BigDecimal(trimmed), to);
        }
        return fit(toDecimal(value), to);
    }
  }

  // ---- text and dates ------------------------------------------------------------------------------

  private static Pattern likeRegex(String pattern, String escape) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != null && c == escape.charAt(0)) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static String substring(String value, long start, Long length) {
    int[] codePoints = value.codePoints().toArray();
    long from = Math.max(start, 1);
    long to = length == null ? Long.MAX_VALUE : start + length;
    if (length != null && length < 0) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "negative length");
    }
    StringBuilder text = new StringBuilder();
    for (long position = from; position < to && position <= codePoints.length; position++) {
      text.appendCodePoint(codePoints[(int) position - 1]);
    }
    return text.toString();
  }

  private static long extract(String field, LocalDateTime timestamp) {
    LocalDate date = timestamp.toLocalDate();
    switch (field) {
      case "HOUR":
        return timestamp.getHour();
      case "MINUTE":
        return timestamp.getMinute();
      case "SECOND":
        return timestamp.getSecond();
      case "YEAR":
        return date.getYear();
      case "QUARTER":
        return (date.getMonthValue() + 2) / 3;
      case "MONTH":
        return date.getMonthValue();
      case "WEEK":
        return date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case "DAY":
        return date.getDayOfMonth();
      case "DOW":
        return date.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : date.getDayOfWeek().getValue();
      default:
        return date.getDayOfYear();
    }
  }
}
