package io.quiver.exec.function;

import io.quiver.exec.type.DataType;
import java.util.List;

/**
 * What a kernel is bound to: the types it receives and returns, and which arguments are constants
 * (with their values, in the forms {@link KernelArguments} reads), so that work on a constant (a
 * regular expression, a format pattern, a unit name) is done once, not per row.
 *
 * @param argumentTypes each argument's type, as its parameter's target says
 * @param resultType the type of the result
 * @param constants per argument: its value when it is a non-NULL constant, else null
 *     ({@code Long}, {@code Double}, {@code Boolean}, {@code BigDecimal}, {@code String})
 */
public record KernelBinding(List<DataType> argumentTypes, DataType resultType, List<Object> constants) {

  public KernelBinding {
    argumentTypes = List.copyOf(argumentTypes);
    constants = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(constants));
  }

  /** The constant value of argument {@code index}, or null when it varies per row (or is NULL). */
  public Object constant(int index) {
    return index < constants.size() ? constants.get(index) : null;
  }

  public int argumentCount() {
    return argumentTypes.size();
  }
}
