package io.quiver.exec.function.library;

import static io.quiver.exec.function.ArgumentType.ANY;
import static io.quiver.exec.function.ArgumentType.BOOLEAN;
import static io.quiver.exec.function.ArgumentType.DATETIME;
import static io.quiver.exec.function.ArgumentType.NUMERIC;
import static io.quiver.exec.function.ArgumentType.TEXT;

import io.quiver.exec.function.ArgumentType;
import io.quiver.exec.function.FunctionCategory;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionFamily;
import io.quiver.exec.function.FunctionSignature;
import io.quiver.exec.function.NullHandling;
import io.quiver.exec.function.ReturnType;
import java.util.Arrays;
import java.util.List;

/**
 * The operators and special forms of the language. The expression compiler implements them natively
 * (lazy CASE/AND/OR, comparison kernels on raw buffers); Calcite parses and types them. They are
 * defined here so that every call a fragment holds names a registry entry, and so that the function
 * reference documents them.
 */
public final class Operators implements FunctionFamily {

  @Override
  public List<FunctionDefinition> definitions() {
    return List.of(
        operator("ADD", "x + y: sum; DATE or TIMESTAMP plus an INTERVAL or (DATE) a number of days", "2 + 3", "5"),
        operator("SUBTRACT", "x - y: difference; DATE - DATE is a number of days", "5 - 7", "-2"),
        operator("MULTIPLY", "x * y: product", "2.5 * 2", "5.0"),
        operator("DIVIDE", "x / y: quotient; integers divide truncating toward zero", "7 / 2", "3"),
        operator("MODULO", "x % y: remainder, with the sign of x", "7 % 3", "1"),
        operator("NEGATE", "-x", "-(2)", "-2"),
        comparison("EQUAL", "x = y"),
        comparison("NOT_EQUAL", "x <> y"),
        comparison("LESS_THAN", "x < y"),
        comparison("LESS_THAN_OR_EQUAL", "x <= y"),
        comparison("GREATER_THAN", "x > y"),
        comparison("GREATER_THAN_OR_EQUAL", "x >= y"),
        special("IS_DISTINCT_FROM", "x IS DISTINCT FROM y: true when they differ, NULL counting as a value", 2),
        special("IS_NOT_DISTINCT_FROM", "x IS NOT DISTINCT FROM y: true when equal, NULL counting as a value", 2),
        logic("AND", "three-valued AND"),
        logic("OR", "three-valued OR"),
        logic("NOT", "three-valued NOT"),
        special("IS_NULL", "x IS NULL", 1),
        special("IS_NOT_NULL", "x IS NOT NULL", 1),
        special("IS_TRUE", "x IS TRUE", 1),
        special("IS_NOT_TRUE", "x IS NOT TRUE", 1),
        special("IS_FALSE", "x IS FALSE", 1),
        special("IS_NOT_FALSE", "x IS NOT FALSE", 1),
        special("BETWEEN", "x BETWEEN low AND high", 3),
        FunctionDefinition.scalar("IN", FunctionCategory.OPERATOR)
            .signature(FunctionSignature.of(ReturnType.BOOLEAN, ANY, ANY).repeating(2))
            .description("x IN (a, b, ...): a hash-set lookup; NULL when x is NULL or no candidate matches and one is NULL")
            .builtIn().build(),
        like("LIKE", "s LIKE pattern [ESCAPE c]: % any characters, _ one character"),
        like("NOT_LIKE", "s NOT LIKE pattern [ESCAPE c]"),
        FunctionDefinition.scalar("CASE", FunctionCategory.OPERATOR)
            .signature(FunctionSignature.of(ReturnType.argument(1), ANY, ANY, ANY).repeating(3))
            .nulls(NullHandling.CUSTOM)
            .description("CASE WHEN c THEN v ... ELSE e END: the value of the first true condition")
            .builtIn().build(),
        FunctionDefinition.scalar("CAST", FunctionCategory.OPERATOR)
            .signature(ReturnType.FIRST, ANY)
            .description("CAST(x AS type): conversion; text that does not convert is an error (22018)")
            .builtIn().build(),
        FunctionDefinition.scalar("EXTRACT", FunctionCategory.TIME_DATE)
            .signature(ReturnType.BIGINT, TEXT, DATETIME)
            .description("EXTRACT(field FROM d): YEAR, QUARTER, MONTH, WEEK, DAY, DOW, ISODOW, DOY, HOUR, MINUTE, SECOND, EPOCH ...")
            .example("EXTRACT(YEAR FROM DATE '2024-02-29')", "2024")
            .builtIn().build());
  }

  private static FunctionDefinition operator(String name, String description, String sql, String result) {
    return FunctionDefinition.scalar(name, FunctionCategory.OPERATOR)
        .signature(ReturnType.FIRST, NUMERIC, NUMERIC)
        .description(description)
        .example(sql, result)
        .builtIn().build();
  }

  private static FunctionDefinition comparison(String name, String description) {
    return FunctionDefinition.scalar(name, FunctionCategory.OPERATOR)
        .signature(ReturnType.BOOLEAN, ANY, ANY)
        .description(description + ": NULL when either side is NULL")
        .builtIn().build();
  }

  private static FunctionDefinition logic(String name, String description) {
    return FunctionDefinition.scalar(name, FunctionCategory.OPERATOR)
        .signature(FunctionSignature.of(ReturnType.BOOLEAN, BOOLEAN).repeating(1))
        .nulls(NullHandling.CUSTOM)
        .description(description)
        .builtIn().build();
  }

  private static FunctionDefinition special(String name, String description, int arguments) {
    ArgumentType[] parameters = new ArgumentType[arguments];
    Arrays.fill(parameters, ANY);
    return FunctionDefinition.scalar(name, FunctionCategory.OPERATOR)
        .signature(ReturnType.BOOLEAN, parameters)
        .nulls(NullHandling.CUSTOM)
        .description(description)
        .builtIn().build();
  }

  private static FunctionDefinition like(String name, String description) {
    return FunctionDefinition.scalar(name, FunctionCategory.OPERATOR)
        .signature(FunctionSignature.of(ReturnType.BOOLEAN, TEXT, TEXT, TEXT).optionalFrom(2))
        .description(description)
        .builtIn().build();
  }
}
