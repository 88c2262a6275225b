package io.quiver.exec.fragment.expression;

import io.quiver.exec.type.DataType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A function applied to arguments. The function is named by the stable name of its definition in
 * the function registry ({@code io.quiver.exec.function.FunctionRegistry}); {@code type} is the
 * result type the planner derived.
 */
public record Call(String function, List<Expression> arguments, DataType type) implements Expression {

  public Call {
    function = function.toUpperCase(Locale.ROOT);
    arguments = List.copyOf(arguments);
  }

  /** A call of an operator or special form of the language. */
  public Call(ScalarFunction function, List<Expression> arguments, DataType type) {
    this(function.name(), arguments, type);
  }

  public static Call of(ScalarFunction function, DataType type, Expression... arguments) {
    return new Call(function, List.of(arguments), type);
  }

  public static Call of(String function, DataType type, Expression... arguments) {
    return new Call(function, List.of(arguments), type);
  }

  /** Whether this calls {@code function}. */
  public boolean is(ScalarFunction function) {
    return this.function.equals(function.name());
  }

  @Override
  public String toString() {
    return function + arguments.stream().map(Object::toString)
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
