package io.quiver.exec.function;

import io.quiver.exec.type.DataType;
import java.util.List;
import java.util.function.Function;

/**
 * The result type of a signature, from the types its kernel receives (each argument already at its
 * parameter's target type, see {@link ArgumentType#target}).
 *
 * @param rule the result type of the given argument types
 * @param display how the function reference shows it
 */
public record ReturnType(Function<List<DataType>, DataType> rule, String display) {

  public static final ReturnType TEXT = fixed(DataType.VARCHAR, "text");
  public static final ReturnType BIGINT = fixed(DataType.BIGINT, "bigint");
  public static final ReturnType INTEGER = fixed(DataType.INTEGER, "integer");
  public static final ReturnType DOUBLE = fixed(DataType.DOUBLE, "double");
  public static final ReturnType BOOLEAN = fixed(DataType.BOOLEAN, "boolean");
  public static final ReturnType DATE = fixed(DataType.DATE, "date");
  public static final ReturnType TIMESTAMP = fixed(DataType.TIMESTAMP, "timestamp");
  public static final ReturnType TIME = fixed(DataType.TIME, "time");
  public static final ReturnType INTERVAL = fixed(DataType.INTERVAL_DAY_TIME, "interval");
  /** The type of the first argument. */
  public static final ReturnType FIRST = argument(0);

  public static ReturnType fixed(DataType type, String display) {
    return new ReturnType(arguments -> type, display);
  }

  /** The type argument {@code index} has (after its parameter's coercion). */
  public static ReturnType argument(int index) {
    return new ReturnType(arguments -> arguments.get(index), index == 0 ? "same as the first argument"
        : "same as argument " + (index + 1));
  }

  public DataType derive(List<DataType> arguments) {
    return rule.apply(arguments);
  }
}
