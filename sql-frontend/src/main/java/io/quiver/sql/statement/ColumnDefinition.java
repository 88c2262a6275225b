package io.quiver.sql.statement;

import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.error.SqlFrontendException.Kind;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column of {@code CREATE TABLE name (column type [NOT NULL], ...)}.
 *
 * @param name the column name: folded to lower case unless it was quoted
 * @param type one of BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL, CHAR,
 *     VARCHAR, VARBINARY, DATE, TIME, TIMESTAMP (the types Quiver stores)
 * @param precision DECIMAL precision or CHAR/VARCHAR length; -1 when the statement gave none
 * @param scale DECIMAL scale; -1 when the statement gave none
 * @param notNull true for {@code NOT NULL}
 * @param line where the column's name stands (1-based)
 * @param column where the column's name stands (1-based)
 */
public record ColumnDefinition(String name, SqlTypeName type, int precision, int scale, boolean notNull,
    int line, int column) {

  /** The largest DECIMAL precision (Arrow Decimal128). */
  public static final int MAX_DECIMAL_PRECISION = 38;

  private static final Set<SqlTypeName> STORED = Set.of(SqlTypeName.BOOLEAN, SqlTypeName.TINYINT,
      SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.REAL, SqlTypeName.DOUBLE,
      SqlTypeName.FLOAT, SqlTypeName.DECIMAL, SqlTypeName.CHAR, SqlTypeName.VARCHAR, SqlTypeName.BINARY,
      SqlTypeName.VARBINARY, SqlTypeName.DATE, SqlTypeName.TIME, SqlTypeName.TIMESTAMP);

  private static final String STORED_TYPES = "Quiver stores BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, "
      + "DOUBLE, DECIMAL(p, s), CHAR(n), VARCHAR(n), VARBINARY, DATE, TIME and TIMESTAMP";

  /**
   * The column a definition declares, its type checked and completed: DECIMAL alone is
   * DECIMAL(38, 0), CHAR alone CHAR(1), FLOAT is DOUBLE, BINARY is VARBINARY; a fractional-second
   * precision of TIME and TIMESTAMP is accepted and ignored (Quiver keeps microseconds).
   *
   * @throws SqlFrontendException NOT_SUPPORTED for a type Quiver does not store, SYNTAX for a
   *     precision, scale or length out of range; at the type's position
   */
  public static ColumnDefinition of(SqlIdentifier name, SqlDataTypeSpec spec, boolean notNull) {
    String column = name.getSimple();
    SqlParserPos at = spec.getParserPosition();
    SqlTypeNameSpec typeName = spec.getTypeNameSpec();
    if (typeName instanceof SqlCollectionTypeNameSpec) {
      throw error(Kind.NOT_SUPPORTED, at, "column " + column + ": arrays and multisets are not supported");
    }
    SqlTypeName type = typeName instanceof SqlBasicTypeNameSpec
        ? SqlTypeName.get(typeName.getTypeName().getSimple()) : null;
    if (type == null || !STORED.contains(type)) {
      String written = type == null ? typeName.getTypeName().toString() : describe(type);
      throw error(Kind.NOT_SUPPORTED, at, "column " + column + ": type " + written.toUpperCase(Locale.ROOT)
          + " is not supported; " + STORED_TYPES);
    }
    SqlBasicTypeNameSpec basic = (SqlBasicTypeNameSpec) typeName;
    int precision = basic.getPrecision();
    int scale = basic.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? -1 : basic.getScale();
    switch (type) {
      case FLOAT:
        type = SqlTypeName.DOUBLE;
        break;
      case DECIMAL:
        precision = precision < 0 ? MAX_DECIMAL_PRECISION : precision;
        scale = Math.max(scale, 0);
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
          throw error(Kind.SYNTAX, at, "the precision of DECIMAL column " + column + " must be 1 to "
              + MAX_DECIMAL_PRECISION + ", not " + precision);
        }
        if (scale > precision) {
          throw error(Kind.SYNTAX, at, "the scale of DECIMAL column " + column + " (" + scale
              + ") is larger than its precision (" + precision + ")");
        }
        break;
      case CHAR:
      case VARCHAR:
        if (precision == 0) {
          throw error(Kind.SYNTAX, at, "the length of column " + column + " must be at least 1, not 0");
        }
        if (type == SqlTypeName.CHAR && precision < 0) {
          precision = 1;
        }
        break;
      case BINARY:
      case VARBINARY:
        type = SqlTypeName.VARBINARY;
        precision = -1;
        break;
      case TIME:
      case TIMESTAMP:
        precision = -1;
        break;
      default:
        precision = -1;
        scale = -1;
    }
    SqlParserPos where = name.getParserPosition();
    return new ColumnDefinition(column, type, precision, type == SqlTypeName.DECIMAL ? scale : -1, notNull,
        where.getLineNum(), where.getColumnNum());
  }

  private static String describe(SqlTypeName type) {
    switch (type) {
      case TIME_WITH_LOCAL_TIME_ZONE:
      case TIME_TZ:
        return "TIME WITH TIME ZONE";
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
      case TIMESTAMP_TZ:
        return "TIMESTAMP WITH TIME ZONE";
      default:
        return type.getName();
    }
  }

  private static SqlFrontendException error(Kind kind, SqlParserPos at, String message) {
    return new SqlFrontendException(kind, message, at.getLineNum(), at.getColumnNum(), null);
  }
}
