package io.quiver.exec.function;

import java.math.BigDecimal;

/**
 * The arguments of one batch as a kernel reads them, by argument index and row. Each argument has
 * the type its parameter's target says ({@link ArgumentType#target}): integer kinds, DATE (days since
 * 1970-01-01), TIME (microseconds of the day), TIMESTAMP (microseconds since 1970-01-01) and
 * intervals (microseconds or months) read with {@link #getLong}; REAL and DOUBLE with
 * {@link #getDouble}; DECIMAL with {@link #getDecimal} (or {@link #getUnscaled} when it fits a long);
 * text with {@link #getString}. A constant argument reads the same in every row.
 */
public interface KernelArguments {

  int count();

  boolean isNull(int argument, int row);

  long getLong(int argument, int row);

  double getDouble(int argument, int row);

  boolean getBoolean(int argument, int row);

  BigDecimal getDecimal(int argument, int row);

  String getString(int argument, int row);

  /** The length in characters (code points) of a text argument, without decoding it. */
  int getCharCount(int argument, int row);
}
