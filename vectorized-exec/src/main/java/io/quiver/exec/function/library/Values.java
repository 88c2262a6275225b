package io.quiver.exec.function.library;

import io.quiver.exec.function.KernelArguments;
import io.quiver.exec.function.KernelResult;
import io.quiver.exec.type.DataType;

/** Comparing and copying argument values of any one type inside a kernel (GREATEST, LEAST). */
final class Values {

  private Values() {
  }

  /** Compares argument a with argument b in one row; both non-NULL and of type {@code type}. */
  static int compare(DataType type, KernelArguments arguments, int a, int b, int row) {
    switch (type.kind()) {
      case REAL:
      case DOUBLE:
        return Double.compare(arguments.getDouble(a, row), arguments.getDouble(b, row));
      case DECIMAL:
        return arguments.getDecimal(a, row).compareTo(arguments.getDecimal(b, row));
      case BOOLEAN:
        return Boolean.compare(arguments.getBoolean(a, row), arguments.getBoolean(b, row));
      case CHAR:
      case VARCHAR:
        return compareText(arguments.getString(a, row), arguments.getString(b, row));
      default:
        return Long.compare(arguments.getLong(a, row), arguments.getLong(b, row));
    }
  }

  /** By code point, as the engine compares text. */
  static int compareText(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  static void copy(DataType type, KernelArguments arguments, int argument, int row, KernelResult result) {
    switch (type.kind()) {
      case REAL:
      case DOUBLE:
        result.setDouble(row, arguments.getDouble(argument, row));
        return;
      case DECIMAL:
        result.setDecimal(row, arguments.getDecimal(argument, row));
        return;
      case BOOLEAN:
        result.setBoolean(row, arguments.getBoolean(argument, row));
        return;
      case CHAR:
      case VARCHAR:
        result.setString(row, arguments.getString(argument, row));
        return;
      default:
        result.setLong(row, arguments.getLong(argument, row));
    }
  }
}
