package io.quiver.exec.type;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A SQL type as the executor sees it. Plain data: it travels inside fragments.
 *
 * @param kind the type
 * @param precision DECIMAL precision, CHAR/VARCHAR length (-1 = unbounded), otherwise 0
 * @param scale DECIMAL scale, otherwise 0
 */
public record DataType(TypeKind kind, int precision, int scale) {

  public static final DataType BOOLEAN = new DataType(TypeKind.BOOLEAN, 0, 0);
  public static final DataType TINYINT = new DataType(TypeKind.TINYINT, 0, 0);
  public static final DataType SMALLINT = new DataType(TypeKind.SMALLINT, 0, 0);
  public static final DataType INTEGER = new DataType(TypeKind.INTEGER, 0, 0);
  public static final DataType BIGINT = new DataType(TypeKind.BIGINT, 0, 0);
  public static final DataType REAL = new DataType(TypeKind.REAL, 0, 0);
  public static final DataType DOUBLE = new DataType(TypeKind.DOUBLE, 0, 0);
  public static final DataType VARCHAR = new DataType(TypeKind.VARCHAR, -1, 0);
  public static final DataType VARBINARY = new DataType(TypeKind.VARBINARY, -1, 0);
  public static final DataType DATE = new DataType(TypeKind.DATE, 0, 0);
  public static final DataType TIME = new DataType(TypeKind.TIME, 0, 0);
  public static final DataType TIMESTAMP = new DataType(TypeKind.TIMESTAMP, 0, 0);
  public static final DataType INTERVAL_DAY_TIME = new DataType(TypeKind.INTERVAL_DAY_TIME, 0, 0);
  public static final DataType INTERVAL_YEAR_MONTH = new DataType(TypeKind.INTERVAL_YEAR_MONTH, 0, 0);
  public static final DataType NULL = new DataType(TypeKind.NULL, 0, 0);

  /** Largest decimal precision the executor supports (Arrow Decimal128). */
  public static final int MAX_DECIMAL_PRECISION = 38;

  public DataType {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (kind == TypeKind.DECIMAL
        && (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision)) {
      throw new IllegalArgumentException("invalid DECIMAL(" + precision + ", " + scale + ")");
    }
  }

  public static DataType decimal(int precision, int scale) {
    return new DataType(TypeKind.DECIMAL, precision, scale);
  }

  public static DataType varchar(int length) {
    return new DataType(TypeKind.VARCHAR, length, 0);
  }

  public static DataType character(int length) {
    return new DataType(TypeKind.CHAR, length, 0);
  }

  @JsonIgnore
  public boolean isText() {
    return kind == TypeKind.CHAR || kind == TypeKind.VARCHAR;
  }

  /** True for the integer kinds TINYINT to BIGINT. */
  @JsonIgnore
  public boolean isInteger() {
    return kind == TypeKind.TINYINT || kind == TypeKind.SMALLINT || kind == TypeKind.INTEGER
        || kind == TypeKind.BIGINT;
  }

  @JsonIgnore
  public boolean isNumeric() {
    return isInteger() || kind == TypeKind.DECIMAL || kind == TypeKind.REAL || kind == TypeKind.DOUBLE;
  }

  /** The Arrow type that holds values of this type in a vector. */
  public ArrowType toArrowType() {
    switch (kind) {
      case BOOLEAN:
        return ArrowType.Bool.INSTANCE;
      case TINYINT:
        return new ArrowType.Int(8, true);
      case SMALLINT:
        return new ArrowType.Int(16, true);
      case INTEGER:
      case INTERVAL_YEAR_MONTH:
        return new ArrowType.Int(32, true);
      case BIGINT:
      case INTERVAL_DAY_TIME:
        return new ArrowType.Int(64, true);
      case REAL:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DECIMAL:
        return new ArrowType.Decimal(precision, scale, 128);
      case CHAR:
      case VARCHAR:
        return ArrowType.Utf8.INSTANCE;
      case VARBINARY:
        return ArrowType.Binary.INSTANCE;
      case DATE:
        return new ArrowType.Date(DateUnit.DAY);
      case TIME:
        return new ArrowType.Time(TimeUnit.MICROSECOND, 64);
      case TIMESTAMP:
        return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case NULL:
        return ArrowType.Null.INSTANCE;
      default:
        throw new IllegalStateException("no Arrow type for " + kind);
    }
  }

  /** SQL spelling, as shown in EXPLAIN and error messages. */
  @Override
  public String toString() {
    switch (kind) {
      case DECIMAL:
        return "DECIMAL(" + precision + ", " + scale + ")";
      case CHAR:
        return "CHAR(" + precision + ")";
      case VARCHAR:
        return precision < 0 ? "VARCHAR" : "VARCHAR(" + precision + ")";
      default:
        return kind.name();
    }
  }
}
