package io.quiver.exec.function;

import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;

/**
 * A parameter of a signature: which argument types it accepts and the type its kernel receives
 * (the planner casts each argument to it). An untyped NULL is accepted everywhere.
 */
public enum ArgumentType {
  /** CHAR or VARCHAR; the kernel reads VARCHAR. */
  TEXT("text"),
  /** TINYINT to BIGINT; the kernel reads BIGINT. */
  INTEGER("integer"),
  /** Any number; the kernel reads DOUBLE. */
  DOUBLE("double"),
  /** Any number, received in its own type (the return rule decides the result type). */
  NUMERIC("numeric"),
  /** Integer or DECIMAL, received in its own type. */
  EXACT("exact numeric"),
  BOOLEAN("boolean"),
  DATE("date"),
  /** TIMESTAMP, or a DATE read as its midnight. */
  TIMESTAMP("timestamp"),
  /** DATE or TIMESTAMP, received in its own type. */
  DATETIME("date or timestamp"),
  TIME("time"),
  /** An interval of days-to-seconds or of years-to-months, received in its own type. */
  INTERVAL("interval"),
  /** Any type, received as its text (CAST to VARCHAR): CONCAT's arguments. */
  ANY_AS_TEXT("any"),
  /** Any type, received in its own type. */
  ANY("any");

  private final String display;

  ArgumentType(String display) {
    this.display = display;
  }

  /** The name the function reference and error messages use. */
  public String display() {
    return display;
  }

  /** Whether an argument of type {@code type} may be passed here. */
  public boolean accepts(DataType type) {
    TypeKind kind = type.kind();
    if (kind == TypeKind.NULL) {
      return true;
    }
    switch (this) {
      case TEXT:
        return type.isText();
      case INTEGER:
        return type.isInteger();
      case DOUBLE:
      case NUMERIC:
        return type.isNumeric();
      case EXACT:
        return type.isInteger() || kind == TypeKind.DECIMAL;
      case BOOLEAN:
        return kind == TypeKind.BOOLEAN;
      case DATE:
        return kind == TypeKind.DATE;
      case TIMESTAMP:
      case DATETIME:
        return kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP;
      case TIME:
        return kind == TypeKind.TIME;
      case INTERVAL:
        return kind == TypeKind.INTERVAL_DAY_TIME || kind == TypeKind.INTERVAL_YEAR_MONTH;
      default:
        return true;
    }
  }

  /** The type the kernel receives for an argument of type {@code type} (accepted here). */
  public DataType target(DataType type) {
    switch (this) {
      case TEXT:
      case ANY_AS_TEXT:
        return DataType.VARCHAR;
      case INTEGER:
        return DataType.BIGINT;
      case DOUBLE:
        return DataType.DOUBLE;
      case BOOLEAN:
        return DataType.BOOLEAN;
      case DATE:
        return DataType.DATE;
      case TIMESTAMP:
        return DataType.TIMESTAMP;
      case TIME:
        return DataType.TIME;
      case NUMERIC:
      case EXACT:
        return type.kind() == TypeKind.NULL ? DataType.BIGINT : type;
      case DATETIME:
        return type.kind() == TypeKind.NULL ? DataType.TIMESTAMP : type;
      case INTERVAL:
        return type.kind() == TypeKind.NULL ? DataType.INTERVAL_DAY_TIME : type;
      default:
        return type.kind() == TypeKind.NULL ? DataType.VARCHAR : type;
    }
  }
}
