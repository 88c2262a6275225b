package io.quiver.exec.function;

import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One way to call a function: its parameters, how many of them are required, whether the last one
 * repeats, and the result type.
 *
 * @param parameters the parameters in order; a variadic signature repeats the last one
 * @param required how many arguments must be given (the rest are optional)
 * @param variadic whether the last parameter may repeat any number of times
 * @param unified whether every argument is brought to one common type ({@link CommonType}) before
 *     the kernel receives it (GREATEST, COALESCE-like functions)
 * @param returns the result type
 */
public record FunctionSignature(List<ArgumentType> parameters, int required, boolean variadic, boolean unified,
    ReturnType returns) {

  public FunctionSignature {
    parameters = List.copyOf(parameters);
    if (required < 0 || required > parameters.size() + (variadic ? 1 : 0)) {
      throw new IllegalArgumentException("required " + required + " of " + parameters);
    }
  }

  /** All parameters required. */
  public static FunctionSignature of(ReturnType returns, ArgumentType... parameters) {
    return new FunctionSignature(List.of(parameters), parameters.length, false, false, returns);
  }

  /** The first {@code required} parameters are required, the others optional. */
  public FunctionSignature optionalFrom(int required) {
    return new FunctionSignature(parameters, required, variadic, unified, returns);
  }

  /** The last parameter repeats; at least {@code required} arguments. */
  public FunctionSignature repeating(int required) {
    return new FunctionSignature(parameters, required, true, unified, returns);
  }

  /** Arguments are brought to their common type. */
  public FunctionSignature sameType() {
    return new FunctionSignature(parameters, required, variadic, true, returns);
  }

  /** Whether {@code count} arguments can be passed. */
  public boolean acceptsCount(int count) {
    return count >= required && (variadic || count <= parameters.size());
  }

  private ArgumentType parameter(int index) {
    return index < parameters.size() ? parameters.get(index) : parameters.get(parameters.size() - 1);
  }

  /**
   * The types the kernel receives for these arguments, or null when the arguments do not fit this
   * signature.
   */
  public List<DataType> targets(List<DataType> arguments) {
    if (!acceptsCount(arguments.size())) {
      return null;
    }
    for (int i = 0; i < arguments.size(); i++) {
      if (!parameter(i).accepts(arguments.get(i))) {
        return null;
      }
    }
    List<DataType> targets = new ArrayList<>(arguments.size());
    if (unified) {
      DataType common = CommonType.of(arguments);
      if (common == null) {
        return null;
      }
      for (int i = 0; i < arguments.size(); i++) {
        targets.add(common);
      }
      return targets;
    }
    for (int i = 0; i < arguments.size(); i++) {
      targets.add(parameter(i).target(arguments.get(i)));
    }
    return targets;
  }

  /** As the function reference shows it: {@code LPAD(text, integer[, text]) → text}. */
  public String display(String name) {
    StringBuilder text = new StringBuilder(name).append('(');
    for (int i = 0; i < parameters.size(); i++) {
      String parameter = parameters.get(i).display();
      if (i >= required) {
        text.append(i == 0 ? "[" : "[, ").append(parameter);
      } else {
        text.append(i == 0 ? "" : ", ").append(parameter);
      }
    }
    if (variadic) {
      text.append(parameters.isEmpty() ? "..." : ", ...");
    }
    int optional = parameters.size() - Math.min(required, parameters.size());
    text.append("]".repeat(Math.max(0, optional))).append(')');
    return text + " → " + returns.display();
  }

  @Override
  public String toString() {
    return parameters.stream().map(ArgumentType::display).collect(Collectors.joining(", ", "(", ")"));
  }
}
