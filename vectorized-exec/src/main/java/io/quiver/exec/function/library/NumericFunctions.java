package io.quiver.exec.function.library;

import static io.quiver.exec.function.ArgumentType.DOUBLE;
import static io.quiver.exec.function.ArgumentType.INTEGER;
import static io.quiver.exec.function.ArgumentType.NUMERIC;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.function.FunctionCategory;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionFamily;
import io.quiver.exec.function.FunctionSignature;
import io.quiver.exec.function.NullHandling;
import io.quiver.exec.function.ReturnType;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Numeric functions, PostgreSQL's behaviour: DOUBLE functions compute in DOUBLE; domain errors as in
 * PostgreSQL (2201E for logarithms, 2201F for powers, 22003 for results out of range or arguments
 * outside a function's domain). ABS ... SIGN are built into the expression compiler.
 */
public final class NumericFunctions implements FunctionFamily {

  @Override
  public List<FunctionDefinition> definitions() {
    return List.of(
        builtIn("ABS", "the absolute value, in the argument's type", "ABS(-2.5)", "2.5",
            FunctionSignature.of(ReturnType.FIRST, NUMERIC)),
        builtIn("ROUND", "rounded half away from zero to d decimal places (default 0; negative d rounds left of the point)",
            "ROUND(2.345, 2)", "2.350", FunctionSignature.of(ReturnType.FIRST, NUMERIC, INTEGER).optionalFrom(1)),
        builtIn("FLOOR", "the largest integer not above x", "FLOOR(-2.5)", "-3", FunctionSignature.of(ReturnType.FIRST, NUMERIC)),
        builtIn("CEIL", "the smallest integer not below x", "CEIL(2.1)", "3", FunctionSignature.of(ReturnType.FIRST, NUMERIC),
            "CEILING"),
        builtIn("POWER", "x raised to y, as DOUBLE", "POWER(2, 10)", "1024.000", FunctionSignature.of(ReturnType.DOUBLE, DOUBLE, DOUBLE),
            "POW"),
        builtIn("SQRT", "the square root, as DOUBLE", "SQRT(2.25)", "1.500", FunctionSignature.of(ReturnType.DOUBLE, DOUBLE)),
        builtIn("EXP", "e raised to x", "EXP(0)", "1.000", FunctionSignature.of(ReturnType.DOUBLE, DOUBLE)),
        builtIn("LN", "the natural logarithm", "LN(1)", "0.000", FunctionSignature.of(ReturnType.DOUBLE, DOUBLE)),
        builtIn("LOG10", "the base-10 logarithm", "LOG10(1000)", "3.000", FunctionSignature.of(ReturnType.DOUBLE, DOUBLE)),
        builtIn("SIGN", "-1, 0 or 1", "SIGN(-7)", "-1", FunctionSignature.of(ReturnType.FIRST, NUMERIC)),
        FunctionDefinition.scalar("MOD", FunctionCategory.NUMERIC)
            .signature(ReturnType.argument(1), NUMERIC, NUMERIC)
            .description("the remainder of x / y, with the sign of x (the same as x % y); 22012 when y is 0")
            .example("MOD(-7, 3)", "-1")
            .rewrittenByPlanner().build(),
        FunctionDefinition.scalar("TRUNC", FunctionCategory.NUMERIC)
            .aliases("TRUNCATE")
            .signature(FunctionSignature.of(ReturnType.FIRST, NUMERIC, INTEGER).optionalFrom(1))
            .description("x cut toward zero to d decimal places (default 0), in x's type")
            .example("TRUNC(-2.789, 1)", "-2.700")
            .kernel(binding -> {
              DataType type = binding.argumentTypes().get(0);
              boolean floating = type.kind() == TypeKind.DOUBLE || type.kind() == TypeKind.REAL;
              return (arguments, row, result) -> {
                int digits = arguments.count() > 1 ? (int) Math.max(-40, Math.min(40, arguments.getLong(1, row))) : 0;
                if (floating) {
                  double value = arguments.getDouble(0, row);
                  if (Double.isNaN(value) || Double.isInfinite(value)) {
                    result.setDouble(row, value);
                  } else {
                    result.setDouble(row, new BigDecimal(value).setScale(digits, RoundingMode.DOWN).doubleValue());
                  }
                } else if (type.kind() == TypeKind.DECIMAL) {
                  result.setDecimal(row, arguments.getDecimal(0, row).setScale(Math.min(digits, type.scale()), RoundingMode.DOWN));
                } else {
                  result.setLong(row, BigDecimal.valueOf(arguments.getLong(0, row)).setScale(Math.min(digits, 0), RoundingMode.DOWN)
                      .longValueExact());
                }
              };
            }).build(),
        FunctionDefinition.scalar("DIV", FunctionCategory.NUMERIC)
            .signature(ReturnType.BIGINT, INTEGER, INTEGER)
            .signature(ReturnType.fixed(DataType.decimal(38, 0), "decimal"), NUMERIC, NUMERIC)
            .description("the integer quotient of y / x, cut toward zero")
            .example("DIV(9, 4)", "2")
            .kernel(binding -> {
              boolean integers = binding.resultType().kind() == TypeKind.BIGINT;
              return (arguments, row, result) -> {
                if (integers) {
                  long divisor = arguments.getLong(1, row);
                  if (divisor == 0) {
                    throw divisionByZero();
                  }
                  long dividend = arguments.getLong(0, row);
                  if (dividend == Long.MIN_VALUE && divisor == -1) {
                    throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, "DIV: BIGINT out of range");
                  }
                  result.setLong(row, dividend / divisor);
                } else {
                  BigDecimal divisor = arguments.getDecimal(1, row);
                  if (divisor.signum() == 0) {
                    throw divisionByZero();
                  }
                  result.setDecimal(row, arguments.getDecimal(0, row).divideToIntegralValue(divisor));
                }
              };
            }).build(),
        math("CBRT", "the cube root", "CBRT(27)", "3.000", Math::cbrt),
        FunctionDefinition.scalar("LOG", FunctionCategory.NUMERIC)
            .signature(ReturnType.DOUBLE, DOUBLE)
            .signature(ReturnType.DOUBLE, DOUBLE, DOUBLE)
            .description("LOG(x): the base-10 logarithm; LOG(b, x): the base-b logarithm of x (PostgreSQL's order)")
            .example("LOG(2, 8)", "3.000")
            .kernel((arguments, row, result) -> {
              if (arguments.count() == 1) {
                result.setDouble(row, Math.log10(logarithmArgument(arguments.getDouble(0, row))));
                return;
              }
              double base = logarithmArgument(arguments.getDouble(0, row));
              double value = logarithmArgument(arguments.getDouble(1, row));
              if (base == 1) {
                throw divisionByZero();
              }
              result.setDouble(row, Math.log(value) / Math.log(base));
            }).build(),
        math("LOG2", "the base-2 logarithm", "LOG2(8)", "3.000", x -> Math.log(logarithmArgument(x)) / Math.log(2)),
        FunctionDefinition.scalar("PI", FunctionCategory.NUMERIC)
            .signature(ReturnType.DOUBLE)
            .description("π")
            .example("PI()", "3.142")
            .kernel((arguments, row, result) -> result.setDouble(row, Math.PI)).build(),
        math("DEGREES", "radians as degrees", "DEGREES(PI())", "180.000", Math::toDegrees),
        math("RADIANS", "degrees as radians", "RADIANS(180)", "3.142", Math::toRadians),
        math("SIN", "the sine (radians)", "SIN(0)", "0.000", Math::sin),
        math("COS", "the cosine (radians)", "COS(0)", "1.000", Math::cos),
        math("TAN", "the tangent (radians)", "TAN(0)", "0.000", Math::tan),
        math("COT", "the cotangent (radians)", "COT(1)", "0.642", x -> 1 / Math.tan(x)),
        math("ASIN", "the arc sine; x in [-1, 1]", "ASIN(1)", "1.571", x -> Math.asin(inUnitRange("ASIN", x))),
        math("ACOS", "the arc cosine; x in [-1, 1]", "ACOS(1)", "0.000", x -> Math.acos(inUnitRange("ACOS", x))),
        math("ATAN", "the arc tangent", "ATAN(1)", "0.785", Math::atan),
        FunctionDefinition.scalar("ATAN2", FunctionCategory.NUMERIC)
            .signature(ReturnType.DOUBLE, DOUBLE, DOUBLE)
            .description("the arc tangent of y / x, in the quadrant of (x, y)")
            .example("ATAN2(1, 1)", "0.785")
            .kernel(binary(Math::atan2)).build(),
        FunctionDefinition.scalar("RANDOM", FunctionCategory.NUMERIC)
            .aliases("RAND")
            .signature(ReturnType.DOUBLE)
            .nondeterministic()
            .description("a random DOUBLE in [0, 1), new for every row")
            .example("RANDOM() < 1", "true")
            .kernel((arguments, row, result) -> result.setDouble(row, ThreadLocalRandom.current().nextDouble())).build(),
        FunctionDefinition.scalar("WIDTH_BUCKET", FunctionCategory.NUMERIC)
            .signature(ReturnType.BIGINT, DOUBLE, DOUBLE, DOUBLE, INTEGER)
            .description("the bucket (1 to count) of x among count equal buckets from low to high; 0 below, count + 1 above")
            .example("WIDTH_BUCKET(5.35, 0.024, 10.06, 5)", "3")
            .kernel((arguments, row, result) -> result.setLong(row, widthBucket(arguments.getDouble(0, row),
                arguments.getDouble(1, row), arguments.getDouble(2, row), arguments.getLong(3, row)))).build(),
        FunctionDefinition.scalar("GCD", FunctionCategory.NUMERIC)
            .signature(ReturnType.BIGINT, INTEGER, INTEGER)
            .description("the greatest common divisor (0 when both are 0)")
            .example("GCD(12, 18)", "6")
            .kernel((arguments, row, result) -> result.setLong(row,
                exactLong(BigInteger.valueOf(arguments.getLong(0, row)).gcd(BigInteger.valueOf(arguments.getLong(1, row))), "GCD")))
            .build(),
        FunctionDefinition.scalar("LCM", FunctionCategory.NUMERIC)
            .signature(ReturnType.BIGINT, INTEGER, INTEGER)
            .description("the least common multiple (0 when either is 0)")
            .example("LCM(4, 6)", "12")
            .kernel((arguments, row, result) -> {
              BigInteger a = BigInteger.valueOf(arguments.getLong(0, row));
              BigInteger b = BigInteger.valueOf(arguments.getLong(1, row));
              BigInteger lcm = a.signum() == 0 || b.signum() == 0 ? BigInteger.ZERO : a.multiply(b).abs().divide(a.gcd(b));
              result.setLong(row, exactLong(lcm, "LCM"));
            }).build(),
        bitwise("BITAND", "bitwise AND", "BITAND(12, 10)", "8", (a, b) -> a & b),
        bitwise("BITOR", "bitwise OR", "BITOR(12, 10)", "14", (a, b) -> a | b),
        bitwise("BITXOR", "bitwise exclusive OR", "BITXOR(12, 10)", "6", (a, b) -> a ^ b, "XOR"),
        bitwise("SHIFTLEFT", "x shifted left by n bits", "SHIFTLEFT(1, 4)", "16", (a, b) -> b >= 64 || b < 0 ? 0 : a << b,
            "LEFT_SHIFT"),
        bitwise("SHIFTRIGHT", "x shifted right by n bits, keeping the sign", "SHIFTRIGHT(-16, 2)", "-4",
            (a, b) -> b >= 64 || b < 0 ? (a < 0 ? -1 : 0) : a >> b, "RIGHT_SHIFT"),
        FunctionDefinition.scalar("BITNOT", FunctionCategory.NUMERIC)
            .signature(ReturnType.BIGINT, INTEGER)
            .description("bitwise NOT")
            .example("BITNOT(0)", "-1")
            .kernel((arguments, row, result) -> result.setLong(row, ~arguments.getLong(0, row))).build(),
        extreme("GREATEST", "the largest argument; NULL arguments are skipped (NULL only when all are NULL)",
            "GREATEST(3, 7.5, NULL)", "7.5", 1),
        extreme("LEAST", "the smallest argument; NULL arguments are skipped (NULL only when all are NULL)",
            "LEAST(3, 7.5, NULL)", "3.0", -1));
  }

  private static FunctionDefinition builtIn(String name, String description, String sql, String result,
      FunctionSignature signature, String... aliases) {
    return FunctionDefinition.scalar(name, FunctionCategory.NUMERIC)
        .aliases(aliases).signature(signature).description(description).example(sql, result).builtIn().build();
  }

  private static FunctionDefinition math(String name, String description, String sql, String result,
      DoubleUnaryOperator function) {
    return FunctionDefinition.scalar(name, FunctionCategory.NUMERIC)
        .signature(ReturnType.DOUBLE, DOUBLE)
        .description(description)
        .example(sql, result)
        .kernel((arguments, row, out) -> out.setDouble(row, function.applyAsDouble(arguments.getDouble(0, row))))
        .build();
  }

  private static io.quiver.exec.function.ScalarKernel binary(DoubleBinaryOperator function) {
    return (arguments, row, result) ->
        result.setDouble(row, function.applyAsDouble(arguments.getDouble(0, row), arguments.getDouble(1, row)));
  }

  private static FunctionDefinition bitwise(String name, String description, String sql, String result,
      java.util.function.LongBinaryOperator function, String... aliases) {
    return FunctionDefinition.scalar(name, FunctionCategory.NUMERIC)
        .aliases(aliases)
        .signature(ReturnType.BIGINT, INTEGER, INTEGER)
        .description(description)
        .example(sql, result)
        .kernel((arguments, row, out) ->
            out.setLong(row, function.applyAsLong(arguments.getLong(0, row), arguments.getLong(1, row))))
        .build();
  }

  /** GREATEST (sign 1) or LEAST (sign -1) of arguments brought to their common type. */
  private static FunctionDefinition extreme(String name, String description, String sql, String result, int sign) {
    return FunctionDefinition.scalar(name, FunctionCategory.NUMERIC)
        .signature(FunctionSignature.of(ReturnType.FIRST, io.quiver.exec.function.ArgumentType.ANY).repeating(1).sameType())
        .nulls(NullHandling.CUSTOM)
        .description(description)
        .example(sql, result)
        .kernel(binding -> {
          DataType type = binding.resultType();
          return (arguments, row, out) -> {
            int best = -1;
            for (int a = 0; a < arguments.count(); a++) {
              if (!arguments.isNull(a, row) && (best < 0 || sign * Values.compare(type, arguments, a, best, row) > 0)) {
                best = a;
              }
            }
            if (best < 0) {
              out.setNull(row);
            } else {
              Values.copy(type, arguments, best, row, out);
            }
          };
        }).build();
  }

  private static double logarithmArgument(double value) {
    if (value == 0) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take the logarithm of zero");
    }
    if (value < 0) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take the logarithm of a negative number");
    }
    return value;
  }

  private static double inUnitRange(String name, double value) {
    if (value < -1 || value > 1) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, name + ": input " + value + " is out of range [-1, 1]");
    }
    return value;
  }

  private static long widthBucket(double value, double low, double high, long count) {
    if (count <= 0) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "WIDTH_BUCKET: count must be greater than zero");
    }
    if (low == high || Double.isNaN(value) || Double.isNaN(low) || Double.isNaN(high)) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "WIDTH_BUCKET: lower bound cannot equal upper bound");
    }
    if (low < high) {
      if (value < low) {
        return 0;
      }
      if (value >= high) {
        return count + 1;
      }
      return (long) ((value - low) / (high - low) * count) + 1;
    }
    if (value > low) {
      return 0;
    }
    if (value <= high) {
      return count + 1;
    }
    return (long) ((low - value) / (low - high) * count) + 1;
  }

  private static long exactLong(BigInteger value, String name) {
    if (value.bitLength() > 63) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, name + ": BIGINT out of range");
    }
    return value.longValue();
  }

  private static QuiverException divisionByZero() {
    return new QuiverException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
  }
}
