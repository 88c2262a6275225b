package io.quiver.exec.expression;

import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random, well-typed expression trees over a fixed schema of random batches, with result types
 * derived as the planner does (see SEMANTICS: decimal precision and scale rules).
 */
final class RandomExpressions {

  static final DataType DECIMAL_SMALL = DataType.decimal(10, 2);
  static final DataType DECIMAL_FINE = DataType.decimal(12, 4);
  static final DataType DECIMAL_WIDE = DataType.decimal(30, 3);
  static final DataType CHAR4 = DataType.character(4);

  /** The batch schema: column index -> type. */
  static final List<DataType> SCHEMA = List.of(
      DataType.INTEGER, DataType.BIGINT, DataType.SMALLINT,
      DECIMAL_SMALL, DECIMAL_FINE, DECIMAL_WIDE,
      DataType.DOUBLE, DataType.VARCHAR, CHAR4, DataType.DATE, DataType.BOOLEAN,
      DataType.TIMESTAMP, DataType.REAL, DataType.TINYINT);

  enum Category { INTEGER, DECIMAL, DOUBLE, TEXT, DATE, BOOLEAN }

  private static final String[] ALPHABET = {"a", "b", "A", "é", "%", "_", " ", "ab", "Z", "ß"};
  private static final LocalDate BASE_DATE = LocalDate.of(1992, 1, 1);

  private final Random random;

  RandomExpressions(Random random) {
    this.random = random;
  }

  // ---- data ----------------------------------------------------------------------------------

  List<Object> columnValues(DataType type, int rows) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      values.add(random.nextInt(100) < 15 ? null : value(type));
    }
    return values;
  }

  Object value(DataType type) {
    switch (type.kind()) {
      case INTEGER:
        return random.nextInt(20) == 0 ? (long) (random.nextBoolean() ? Integer.MAX_VALUE - random.nextInt(3) : Integer.MIN_VALUE + random.nextInt(3))
            : (long) (random.nextInt(41) - 20);
      case BIGINT:
        return random.nextInt(20) == 0 ? (random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(3) : Long.MIN_VALUE + random.nextInt(3))
            : random.nextInt(20) == 0 ? random.nextLong() >> 2 : (long) (random.nextInt(2001) - 1000);
      case SMALLINT:
        return (long) (random.nextInt(20) == 0 ? Short.MAX_VALUE - random.nextInt(3) : random.nextInt(201) - 100);
      case DECIMAL:
        return decimalValue(type);
      case DOUBLE:
        return (random.nextInt(2001) - 1000) / 8.0;
      case CHAR:
      case VARCHAR:
        return randomText(5);
      case DATE:
        return BASE_DATE.plusDays(random.nextInt(4000));
      case BOOLEAN:
        return random.nextBoolean();
      case TIMESTAMP:
        return BASE_DATE.atStartOfDay().plusSeconds(random.nextInt(4000) * 86_400L + (random.nextBoolean() ? 0 : random.nextInt(86_400)))
            .plusNanos(random.nextInt(4) == 0 ? random.nextInt(1_000_000) * 1000L : 0);
      case REAL:
        return (random.nextInt(2001) - 1000) / 4.0f;
      case TINYINT:
        return (long) (random.nextInt(10) == 0 ? Byte.MIN_VALUE + random.nextInt(2) : random.nextInt(41) - 20);
      default:
        throw new IllegalArgumentException(type.toString());
    }
  }

  private BigDecimal decimalValue(DataType type) {
    int digits;
    if (type.precision() > 18 && random.nextInt(6) == 0) {
      digits = 20 + random.nextInt(type.precision() - 20 + 1);
    } else {
      digits = 1 + random.nextInt(Math.min(type.precision(), 15));
    }
    BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
    if (random.nextBoolean()) {
      unscaled = unscaled.negate();
    }
    return new BigDecimal(unscaled, type.scale());
  }

  private String randomText(int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return text.toString();
  }

  // ---- expressions -----------------------------------------------------------------------------

  Expression generate(Category category, int depth) {
    if (depth <= 0 || random.nextInt(4) == 0) {
      return leaf(category);
    }
    switch (category) {
      case INTEGER:
        return integer(depth);
      case DECIMAL:
        return decimal(depth);
      case DOUBLE:
        return floating(depth);
      case TEXT:
        return text(depth);
      case DATE:
        return date(depth);
      default:
        return bool(depth);
    }
  }

  private Expression leaf(Category category) {
    boolean literal = random.nextInt(3) == 0;
    switch (category) {
      case INTEGER:
        if (literal) {
          return random.nextInt(10) == 0 ? Literal.nullOf(DataType.INTEGER) : Literal.ofLong(random.nextInt(21) - 10, DataType.INTEGER);
        }
        return column(pickColumn(0, 1, 2, 13));
      case DECIMAL:
        if (literal) {
          DataType type = DataType.decimal(6, random.nextInt(4));
          return random.nextInt(10) == 0 ? Literal.nullOf(type) : Literal.ofDecimal(decimalValue(type), type);
        }
        return column(pickColumn(3, 4, 5));
      case DOUBLE:
        return literal ? Literal.ofDouble((random.nextInt(201) - 100) / 4.0) : column(6);
      case TEXT:
        if (literal) {
          return random.nextInt(10) == 0 ? Literal.nullOf(DataType.VARCHAR) : Literal.ofString(randomText(3), DataType.VARCHAR);
        }
        return column(pickColumn(7, 8));
      case DATE:
        return literal ? Literal.ofDate(BASE_DATE.plusDays(random.nextInt(4000))) : column(9);
      default:
        if (literal) {
          return random.nextInt(3) == 0 ? Literal.nullOf(DataType.BOOLEAN) : Literal.ofBoolean(random.nextBoolean());
        }
        return column(10);
    }
  }

  private int pickColumn(int... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static InputReference column(int index) {
    return new InputReference(index, SCHEMA.get(index));
  }

  private Expression integer(int depth) {
    switch (random.nextInt(9)) {
      case 0:
      case 1:
      case 2: {
        Expression left = generate(Category.INTEGER, depth - 1);
        Expression right = generate(Category.INTEGER, depth - 1);
        ScalarFunction op = pick(ScalarFunction.ADD, ScalarFunction.SUBTRACT, ScalarFunction.MULTIPLY,
            ScalarFunction.DIVIDE, ScalarFunction.MODULO);
        return Call.of(op, widerInteger(left.type(), right.type()), left, right);
      }
      case 3: {
        Expression value = generate(Category.INTEGER, depth - 1);
        return Call.of(pick(ScalarFunction.NEGATE, ScalarFunction.ABS), value.type(), value);
      }
      case 4:
        return caseOrCoalesce(Category.INTEGER, depth);
      case 5:
        return Call.of(ScalarFunction.CAST, pick(DataType.INTEGER, DataType.BIGINT), generate(Category.DECIMAL, depth - 1));
      case 6:
        return Call.of(ScalarFunction.EXTRACT, DataType.BIGINT,
            Literal.ofString(pick("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DOW", "DOY"), DataType.VARCHAR),
            generate(Category.DATE, depth - 1));
      case 7:
        if (random.nextBoolean()) {
          return Call.of(ScalarFunction.EXTRACT, DataType.BIGINT,
              Literal.ofString(pick("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "DOW"), DataType.VARCHAR), column(11));
        }
        return Call.of(ScalarFunction.CHAR_LENGTH, DataType.INTEGER, generate(Category.TEXT, depth - 1));
      default:
        return Call.of(ScalarFunction.CAST, DataType.INTEGER, generate(Category.TEXT, depth - 1));
    }
  }

  private Expression decimal(int depth) {
    switch (random.nextInt(7)) {
      case 0:
      case 1:
      case 2: {
        Expression left = generate(random.nextInt(4) == 0 ? Category.INTEGER : Category.DECIMAL, depth - 1);
        Expression right = generate(random.nextInt(4) == 0 ? Category.INTEGER : Category.DECIMAL, depth - 1);
        if (left.type().isInteger() && right.type().isInteger()) {
          left = generate(Category.DECIMAL, depth - 1);
        }
        ScalarFunction op = pick(ScalarFunction.ADD, ScalarFunction.SUBTRACT, ScalarFunction.MULTIPLY,
            ScalarFunction.DIVIDE, ScalarFunction.MODULO);
        return Call.of(op, decimalResult(op, left.type(), right.type()), left, right);
      }
      case 3: {
        Expression value = generate(Category.DECIMAL, depth - 1);
        ScalarFunction function = pick(ScalarFunction.NEGATE, ScalarFunction.ABS, ScalarFunction.FLOOR,
            ScalarFunction.CEIL, ScalarFunction.ROUND);
        DataType type = value.type();
        if (function == ScalarFunction.FLOOR || function == ScalarFunction.CEIL) {
          return Call.of(function, DataType.decimal(Math.max(1, type.precision() - type.scale() + 1), 0), value);
        }
        if (function == ScalarFunction.ROUND) {
          return Call.of(function, type, value, Literal.ofLong(random.nextInt(5) - 1, DataType.INTEGER));
        }
        return Call.of(function, type, value);
      }
      case 4:
        return caseOrCoalesce(Category.DECIMAL, depth);
      default: {
        Expression value = generate(random.nextBoolean() ? Category.INTEGER : Category.DECIMAL, depth - 1);
        int scale = random.nextInt(5);
        return Call.of(ScalarFunction.CAST, DataType.decimal(scale + 1 + random.nextInt(20), scale), value);
      }
    }
  }

  private Expression floating(int depth) {
    switch (random.nextInt(4)) {
      case 0:
      case 1: {
        Expression left = generate(Category.DOUBLE, depth - 1);
        Expression right = generate(Category.DOUBLE, depth - 1);
        return Call.of(pick(ScalarFunction.ADD, ScalarFunction.SUBTRACT, ScalarFunction.MULTIPLY, ScalarFunction.DIVIDE),
            DataType.DOUBLE, left, right);
      }
      case 2:
        return Call.of(ScalarFunction.CAST, DataType.DOUBLE, column(pickColumn(0, 1, 2, 3, 4, 12, 13)));
      default:
        return Call.of(pick(ScalarFunction.NEGATE, ScalarFunction.ABS, ScalarFunction.FLOOR, ScalarFunction.CEIL),
            DataType.DOUBLE, generate(Category.DOUBLE, depth - 1));
    }
  }

  private Expression text(int depth) {
    switch (random.nextInt(6)) {
      case 0: {
        Expression value = generate(Category.TEXT, depth - 1);
        Literal start = Literal.ofLong(random.nextInt(6) - 1, DataType.INTEGER);
        return random.nextBoolean() ? Call.of(ScalarFunction.SUBSTRING, DataType.VARCHAR, value, start)
            : Call.of(ScalarFunction.SUBSTRING, DataType.VARCHAR, value, start, Literal.ofLong(random.nextInt(4), DataType.INTEGER));
      }
      case 1:
        return Call.of(pick(ScalarFunction.UPPER, ScalarFunction.LOWER, ScalarFunction.TRIM), DataType.VARCHAR,
            generate(Category.TEXT, depth - 1));
      case 2:
        return Call.of(ScalarFunction.STRING_CONCAT, DataType.VARCHAR, generate(Category.TEXT, depth - 1), generate(Category.TEXT, depth - 1));
      case 3:
        return Call.of(ScalarFunction.CAST, DataType.VARCHAR,
            random.nextBoolean() ? generate(Category.INTEGER, depth - 1) : generate(Category.DATE, depth - 1));
      default:
        return caseOrCoalesce(Category.TEXT, depth);
    }
  }

  private Expression date(int depth) {
    if (random.nextInt(3) == 0) {
      return caseOrCoalesce(Category.DATE, depth);
    }
    if (random.nextInt(4) == 0) {
      return Call.of(ScalarFunction.CAST, DataType.DATE, column(11));
    }
    Literal interval = random.nextBoolean()
        ? Literal.ofLong(random.nextInt(61) - 30, DataType.INTERVAL_YEAR_MONTH)
        : Literal.ofLong((random.nextInt(401) - 200) * 86_400_000_000L, DataType.INTERVAL_DAY_TIME);
    return Call.of(pick(ScalarFunction.ADD, ScalarFunction.SUBTRACT), DataType.DATE, generate(Category.DATE, depth - 1), interval);
  }

  private Expression bool(int depth) {
    switch (random.nextInt(10)) {
      case 0:
      case 1:
      case 2: {
        Expression[] pair = comparablePair(depth - 1);
        ScalarFunction op = pick(ScalarFunction.EQUAL, ScalarFunction.NOT_EQUAL, ScalarFunction.LESS_THAN,
            ScalarFunction.LESS_THAN_OR_EQUAL, ScalarFunction.GREATER_THAN, ScalarFunction.GREATER_THAN_OR_EQUAL,
            ScalarFunction.IS_DISTINCT_FROM, ScalarFunction.IS_NOT_DISTINCT_FROM);
        return Call.of(op, DataType.BOOLEAN, pair[0], pair[1]);
      }
      case 3: {
        int count = 2 + random.nextInt(2);
        List<Expression> arguments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          arguments.add(generate(Category.BOOLEAN, depth - 1));
        }
        return new Call(pick(ScalarFunction.AND, ScalarFunction.OR), arguments, DataType.BOOLEAN);
      }
      case 4: {
        ScalarFunction test = pick(ScalarFunction.NOT, ScalarFunction.IS_TRUE, ScalarFunction.IS_NOT_TRUE,
            ScalarFunction.IS_FALSE, ScalarFunction.IS_NOT_FALSE);
        return Call.of(test, DataType.BOOLEAN, generate(Category.BOOLEAN, depth - 1));
      }
      case 5:
        return Call.of(pick(ScalarFunction.IS_NULL, ScalarFunction.IS_NOT_NULL), DataType.BOOLEAN,
            generate(pick(Category.values()), depth - 1));
      case 6: {
        Expression[] low = comparablePair(depth - 1);
        Category category = categoryOf(low[0].type());
        return Call.of(ScalarFunction.BETWEEN, DataType.BOOLEAN, low[0], low[1], leaf(category == Category.DECIMAL ? Category.DECIMAL : category));
      }
      case 7: {
        Category category = pick(Category.INTEGER, Category.TEXT, Category.DECIMAL, Category.DATE);
        List<Expression> arguments = new ArrayList<>();
        arguments.add(generate(category, depth - 1));
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
          arguments.add(leaf(category));
        }
        return new Call(ScalarFunction.IN, arguments, DataType.BOOLEAN);
      }
      case 8: {
        StringBuilder pattern = new StringBuilder();
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
          pattern.append(random.nextInt(3) == 0 ? pick("%", "_") : ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        ScalarFunction like = pick(ScalarFunction.LIKE, ScalarFunction.NOT_LIKE);
        Expression value = generate(Category.TEXT, depth - 1);
        if (random.nextInt(4) == 0) {
          return Call.of(like, DataType.BOOLEAN, value, Literal.ofString(pattern.toString().replace("%", "!%"), DataType.VARCHAR),
              Literal.ofString("!", DataType.VARCHAR));
        }
        return Call.of(like, DataType.BOOLEAN, value, Literal.ofString(pattern.toString(), DataType.VARCHAR));
      }
      default:
        return caseOrCoalesce(Category.BOOLEAN, depth);
    }
  }

  private Expression[] comparablePair(int depth) {
    Category category = pick(Category.values());
    Expression left = generate(category, depth);
    Category other = category;
    if (category == Category.INTEGER || category == Category.DECIMAL) {
      other = pick(Category.INTEGER, Category.DECIMAL);
    } else if (category == Category.DOUBLE) {
      other = pick(Category.DOUBLE, Category.INTEGER);
    } else if (category == Category.DATE && random.nextInt(3) == 0) {
      return new Expression[] {left, column(11)};
    } else if (random.nextInt(8) == 0) {
      return new Expression[] {column(12), generate(Category.DOUBLE, depth)};
    }
    return new Expression[] {left, generate(other, depth)};
  }

  private Expression caseOrCoalesce(Category category, int depth) {
    List<Expression> values = new ArrayList<>();
    List<Expression> arguments = new ArrayList<>();
    if (random.nextBoolean()) {
      int count = 2 + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        Expression value = generate(category, depth - 1);
        values.add(value);
        arguments.add(value);
      }
      return new Call(ScalarFunction.COALESCE, arguments, commonType(category, values));
    }
    int branches = 1 + random.nextInt(2);
    for (int i = 0; i < branches; i++) {
      arguments.add(generate(Category.BOOLEAN, depth - 1));
      Expression value = generate(category, depth - 1);
      values.add(value);
      arguments.add(value);
    }
    Expression otherwise = random.nextInt(4) == 0 ? null : generate(category, depth - 1);
    if (otherwise != null) {
      values.add(otherwise);
    }
    DataType type = commonType(category, values);
    arguments.add(otherwise == null ? Literal.nullOf(type) : otherwise);
    return new Call(ScalarFunction.CASE, arguments, type);
  }

  // ---- types -----------------------------------------------------------------------------------

  static Category categoryOf(DataType type) {
    if (type.isInteger()) {
      return Category.INTEGER;
    }
    switch (type.kind()) {
      case DECIMAL:
        return Category.DECIMAL;
      case DOUBLE:
      case REAL:
        return Category.DOUBLE;
      case TIMESTAMP:
        return Category.DATE;
      case CHAR:
      case VARCHAR:
        return Category.TEXT;
      case DATE:
        return Category.DATE;
      default:
        return Category.BOOLEAN;
    }
  }

  private static DataType commonType(Category category, List<Expression> values) {
    switch (category) {
      case INTEGER: {
        DataType type = DataType.SMALLINT;
        for (Expression value : values) {
          type = widerInteger(type, value.type());
        }
        return type;
      }
      case DECIMAL: {
        int scale = 0;
        int integerDigits = 1;
        for (Expression value : values) {
          DataType decimal = asDecimal(value.type());
          scale = Math.max(scale, decimal.scale());
          integerDigits = Math.max(integerDigits, decimal.precision() - decimal.scale());
        }
        return DataType.decimal(Math.min(38, integerDigits + scale), scale);
      }
      case DOUBLE:
        return DataType.DOUBLE;
      case TEXT:
        return DataType.VARCHAR;
      case DATE:
        return DataType.DATE;
      default:
        return DataType.BOOLEAN;
    }
  }

  static DataType widerInteger(DataType left, DataType right) {
    return rank(left) >= rank(right) ? left : right;
  }

  private static int rank(DataType type) {
    switch (type.kind()) {
      case TINYINT:
        return 1;
      case SMALLINT:
        return 2;
      case INTEGER:
        return 3;
      default:
        return 4;
    }
  }

  static DataType asDecimal(DataType type) {
    if (type.kind() == TypeKind.DECIMAL) {
      return type;
    }
    switch (type.kind()) {
      case TINYINT:
        return DataType.decimal(3, 0);
      case SMALLINT:
        return DataType.decimal(5, 0);
      case INTEGER:
        return DataType.decimal(10, 0);
      default:
        return DataType.decimal(19, 0);
    }
  }

  static DataType decimalResult(ScalarFunction op, DataType leftType, DataType rightType) {
    DataType left = asDecimal(leftType);
    DataType right = asDecimal(rightType);
    int p1 = left.precision();
    int s1 = left.scale();
    int p2 = right.precision();
    int s2 = right.scale();
    switch (op) {
      case ADD:
      case SUBTRACT: {
        int scale = Math.max(s1, s2);
        return DataType.decimal(Math.min(38, scale + Math.max(p1 - s1, p2 - s2) + 1), scale);
      }
      case MULTIPLY: {
        int scale = Math.min(s1 + s2, 38);
        return DataType.decimal(Math.max(scale, Math.min(38, p1 + p2)), scale);
      }
      case DIVIDE: {
        int scale = Math.min(18, Math.max(6, s1 + p2 + 1));
        return DataType.decimal(Math.min(38, Math.max(scale + 1, p1 - s1 + s2 + scale)), scale);
      }
      default: {
        int scale = Math.max(s1, s2);
        return DataType.decimal(Math.min(38, Math.max(p1 - s1, p2 - s2) + scale), scale);
      }
    }
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
