package io.quiver.exec.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Decimal arithmetic at the edges of the long fast path: operands with up to their full precision
 * (values near 10^18 and beyond a long), mixed scales and BIGINT operands, against BigDecimal.
 */
class DecimalArithmeticProperties {

  private static final ScalarFunction[] OPERATORS = {
      ScalarFunction.ADD, ScalarFunction.SUBTRACT, ScalarFunction.MULTIPLY, ScalarFunction.DIVIDE, ScalarFunction.MODULO};

  @Property(tries = 300)
  void decimalArithmeticMatchesBigDecimal(@ForAll long seed) {
    Random random = new Random(seed);
    DataType left = randomType(random);
    DataType right = randomType(random);
    ScalarFunction op = OPERATORS[random.nextInt(OPERATORS.length)];
    DataType result = RandomExpressions.decimalResult(op, left, right);
    if (random.nextInt(4) == 0) {
      // A result type narrower than the rule's, as a CAST in the plan could make it.
      int scale = random.nextInt(result.scale() + 1);
      result = DataType.decimal(Math.max(1, Math.min(38, scale + 1 + random.nextInt(18))), scale);
    }
    int rows = 1 + random.nextInt(100);
    List<Object> leftValues = values(random, left, rows);
    List<Object> rightValues = values(random, right, rows);
    List<Object> expected = new ArrayList<>();
    Set<ErrorCode> errors = EnumSet.noneOf(ErrorCode.class);
    for (int i = 0; i < rows; i++) {
      try {
        expected.add(reference(op, leftValues.get(i), rightValues.get(i), result));
      } catch (QuiverException e) {
        errors.add(e.errorCode());
        expected.add(null);
      }
    }
    Expression expression = Call.of(op, result, new InputReference(0, left), new InputReference(1, right));
    try (RootAllocator allocator = new RootAllocator()) {
      TestBatch batch = new TestBatch(allocator, rows).column(left, leftValues).column(right, rightValues);
      try (VectorSchemaRoot root = batch.root(); VectorExpression compiled = ExpressionCompiler.compile(expression, allocator)) {
        FieldVector vector;
        try {
          vector = compiled.evaluate(root);
        } catch (QuiverException e) {
          assertTrue(errors.contains(e.errorCode()), e.getMessage() + " but the reference raised " + errors);
          return;
        }
        try (FieldVector owned = vector) {
          assertTrue(errors.isEmpty(), "expected one of " + errors + " from " + expression);
          for (int i = 0; i < rows; i++) {
            assertEquals(expected.get(i), TestBatch.read(owned, result, i),
                leftValues.get(i) + " " + op + " " + rightValues.get(i) + " as " + result);
          }
        }
      }
    }
  }

  private static DataType randomType(Random random) {
    switch (random.nextInt(6)) {
      case 0:
        return DataType.BIGINT;
      case 1:
        return DataType.INTEGER;
      default: {
        int precision = 1 + random.nextInt(38);
        return DataType.decimal(precision, random.nextInt(Math.min(precision, 12) + 1));
      }
    }
  }

  private static List<Object> values(Random random, DataType type, int rows) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      if (random.nextInt(10) == 0) {
        values.add(null);
        continue;
      }
      if (type.isInteger()) {
        long bound = type.kind() == io.quiver.exec.type.TypeKind.BIGINT ? Long.MAX_VALUE : Integer.MAX_VALUE;
        long value = random.nextInt(3) == 0 ? bound - random.nextInt(3) : random.nextInt(2001) - 1000;
        values.add(random.nextBoolean() ? value : -value);
        continue;
      }
      int digits = random.nextInt(3) == 0 ? type.precision() : 1 + random.nextInt(type.precision());
      BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
      if (random.nextInt(8) == 0) {
        unscaled = BigInteger.ZERO;
      }
      values.add(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), type.scale()));
    }
    return values;
  }

  private static Object reference(ScalarFunction op, Object leftValue, Object rightValue, DataType type) {
    if (leftValue == null || rightValue == null) {
      return null;
    }
    BigDecimal a = leftValue instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) leftValue;
    BigDecimal b = rightValue instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) rightValue;
    BigDecimal r;
    switch (op) {
      case ADD:
        r = a.add(b);
        break;
      case SUBTRACT:
        r = a.subtract(b);
        break;
      case MULTIPLY:
        r = a.multiply(b);
        break;
      case DIVIDE:
        if (b.signum() == 0) {
          throw new QuiverException(ErrorCode.DIVISION_BY_ZERO, "zero");
        }
        r = a.divide(b, type.scale(), RoundingMode.HALF_UP);
        break;
      default:
        if (b.signum() == 0) {
          throw new QuiverException(ErrorCode.DIVISION_BY_ZERO, "zero");
        }
        r = a.remainder(b);
        break;
    }
    r = r.setScale(type.scale(), RoundingMode.HALF_UP);
    if (r.unscaledValue().abs().compareTo(BigInteger.TEN.pow(type.precision())) >= 0) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, "overflow");
    }
    return r;
  }
}
