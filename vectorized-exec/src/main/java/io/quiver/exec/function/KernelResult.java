package io.quiver.exec.function;

import java.math.BigDecimal;

/**
 * Where a kernel writes the value of each row, in the result type of the call (see
 * {@link KernelArguments} for how each type is held). A row the kernel leaves unwritten is NULL.
 */
public interface KernelResult {

  void setLong(int row, long value);

  void setDouble(int row, double value);

  void setBoolean(int row, boolean value);

  /** Rounded HALF_UP to the result's scale; NUMERIC_OVERFLOW when it does not fit its precision. */
  void setDecimal(int row, BigDecimal value);

  void setString(int row, String value);

  void setNull(int row);
}
