package io.quiver.exec.function;

import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.util.List;

/**
 * The type that values of several types are brought to when one result holds any of them
 * (GREATEST, LEAST): numbers widen (integers to the widest integer, with a DECIMAL to a DECIMAL
 * holding both, with REAL or DOUBLE to DOUBLE), text to VARCHAR, DATE with TIMESTAMP to TIMESTAMP;
 * an untyped NULL takes the others' type. Other mixtures have none.
 */
public final class CommonType {

  private CommonType() {
  }

  /** The common type, or null when there is none. */
  public static DataType of(List<DataType> types) {
    DataType common = null;
    for (DataType type : types) {
      if (type.kind() == TypeKind.NULL) {
        continue;
      }
      common = common == null ? normalized(type) : of(common, type);
      if (common == null) {
        return null;
      }
    }
    return common == null ? DataType.NULL : common;
  }

  private static DataType normalized(DataType type) {
    return type.isText() ? DataType.VARCHAR : type;
  }

  private static DataType of(DataType a, DataType b) {
    if (a.isText() && b.isText()) {
      return DataType.VARCHAR;
    }
    if (a.isNumeric() && b.isNumeric()) {
      if (isApproximate(a) || isApproximate(b)) {
        return DataType.DOUBLE;
      }
      if (a.kind() == TypeKind.DECIMAL || b.kind() == TypeKind.DECIMAL) {
        DataType x = asDecimal(a);
        DataType y = asDecimal(b);
        int scale = Math.max(x.scale(), y.scale());
        int integerDigits = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
        return DataType.decimal(Math.min(DataType.MAX_DECIMAL_PRECISION, integerDigits + scale), scale);
      }
      return width(a) >= width(b) ? a : b;
    }
    if (a.kind() == b.kind()) {
      return a;
    }
    boolean dates = (a.kind() == TypeKind.DATE || a.kind() == TypeKind.TIMESTAMP)
        && (b.kind() == TypeKind.DATE || b.kind() == TypeKind.TIMESTAMP);
    return dates ? DataType.TIMESTAMP : null;
  }

  private static boolean isApproximate(DataType type) {
    return type.kind() == TypeKind.REAL || type.kind() == TypeKind.DOUBLE;
  }

  private static int width(DataType type) {
    switch (type.kind()) {
      case TINYINT:
        return 1;
      case SMALLINT:
        return 2;
      case INTEGER:
        return 4;
      default:
        return 8;
    }
  }

  /** Integers as the DECIMAL that holds them: DECIMAL(3/5/10/19, 0). */
  public static DataType asDecimal(DataType type) {
    switch (type.kind()) {
      case TINYINT:
        return DataType.decimal(3, 0);
      case SMALLINT:
        return DataType.decimal(5, 0);
      case INTEGER:
        return DataType.decimal(10, 0);
      case BIGINT:
        return DataType.decimal(19, 0);
      default:
        return type;
    }
  }
}
