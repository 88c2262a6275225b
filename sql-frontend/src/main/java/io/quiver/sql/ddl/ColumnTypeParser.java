package io.quiver.sql.ddl;

import io.quiver.sql.ddl.DdlTokenizer.Kind;
import io.quiver.sql.ddl.DdlTokenizer.Token;
import java.util.Locale;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Reads the type of a column definition. Quiver stores BOOLEAN, TINYINT, SMALLINT, INTEGER
 * ({@code INT}, {@code INT4}), BIGINT ({@code INT8}), REAL ({@code FLOAT4}), DOUBLE ({@code DOUBLE
 * PRECISION}, {@code FLOAT}, {@code FLOAT8}), DECIMAL(p, s) ({@code NUMERIC}; DECIMAL alone is
 * DECIMAL(38, 0)), CHAR(n) ({@code CHARACTER}; CHAR alone is CHAR(1)), VARCHAR[(n)]
 * ({@code CHARACTER VARYING}, {@code TEXT}, {@code STRING}), VARBINARY ({@code BINARY},
 * {@code BYTEA}), DATE, TIME and TIMESTAMP (without time zone). Other types (with time zone,
 * intervals, arrays, ...) are refused as not supported, at the type's position.
 */
final class ColumnTypeParser {

  /** The largest DECIMAL precision (Arrow Decimal128). */
  static final int MAX_DECIMAL_PRECISION = 38;

  private ColumnTypeParser() {
  }

  /** {@code name type [NOT NULL | NULL]}. */
  static ColumnDefinition column(DdlCursor cursor) {
    Token at = cursor.current();
    String name = cursor.identifier("a column name");
    Token typeAt = cursor.current();
    if (typeAt.kind() != Kind.WORD) {
      throw cursor.syntaxError("expected the type of column " + name + ", found " + typeAt.describe());
    }
    String word = typeAt.text().toLowerCase(Locale.ROOT);
    cursor.advance();
    SqlTypeName type;
    int precision = -1;
    int scale = -1;
    switch (word) {
      case "boolean":
      case "bool":
        type = SqlTypeName.BOOLEAN;
        break;
      case "tinyint":
        type = SqlTypeName.TINYINT;
        break;
      case "smallint":
      case "int2":
        type = SqlTypeName.SMALLINT;
        break;
      case "integer":
      case "int":
      case "int4":
        type = SqlTypeName.INTEGER;
        break;
      case "bigint":
      case "int8":
        type = SqlTypeName.BIGINT;
        break;
      case "real":
      case "float4":
        type = SqlTypeName.REAL;
        break;
      case "double":
        cursor.accept("precision");
        type = SqlTypeName.DOUBLE;
        break;
      case "float":
      case "float8":
        type = SqlTypeName.DOUBLE;
        break;
      case "decimal":
      case "numeric":
      case "dec":
        type = SqlTypeName.DECIMAL;
        precision = MAX_DECIMAL_PRECISION;
        scale = 0;
        if (cursor.isSymbol('(')) {
          cursor.advance();
          precision = number(cursor, "the precision of column " + name);
          scale = 0;
          if (cursor.isSymbol(',')) {
            cursor.advance();
            scale = number(cursor, "the scale of column " + name);
          }
          cursor.expectSymbol(')');
        }
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
          throw DdlCursor.syntaxError(typeAt, "the precision of DECIMAL column " + name
              + " must be 1 to " + MAX_DECIMAL_PRECISION + ", not " + precision);
        }
        if (scale > precision) {
          throw DdlCursor.syntaxError(typeAt, "the scale of DECIMAL column " + name + " (" + scale
              + ") is larger than its precision (" + precision + ")");
        }
        break;
      case "char":
      case "character":
        if (cursor.accept("varying")) {
          type = SqlTypeName.VARCHAR;
          precision = length(cursor, name, typeAt, -1);
        } else {
          type = SqlTypeName.CHAR;
          precision = length(cursor, name, typeAt, 1);
        }
        break;
      case "varchar":
        type = SqlTypeName.VARCHAR;
        precision = length(cursor, name, typeAt, -1);
        break;
      case "text":
      case "string":
        type = SqlTypeName.VARCHAR;
        break;
      case "varbinary":
      case "binary":
      case "bytea":
        type = SqlTypeName.VARBINARY;
        if (cursor.isSymbol('(')) {
          length(cursor, name, typeAt, -1);
        }
        break;
      case "date":
        type = SqlTypeName.DATE;
        break;
      case "time":
      case "timestamp":
        type = word.equals("time") ? SqlTypeName.TIME : SqlTypeName.TIMESTAMP;
        if (cursor.isSymbol('(')) {
          // A fractional precision: Quiver keeps microseconds whatever is asked.
          cursor.advance();
          number(cursor, "the precision of column " + name);
          cursor.expectSymbol(')');
        }
        if (cursor.isWord("with")) {
          throw DdlCursor.notSupported(cursor.current(), "column " + name + ": " + word.toUpperCase(Locale.ROOT)
              + " WITH TIME ZONE is not supported; use " + word.toUpperCase(Locale.ROOT));
        }
        if (cursor.accept("without")) {
          cursor.expectWord("time");
          cursor.expectWord("zone");
        }
        break;
      default:
        throw DdlCursor.notSupported(typeAt, "column " + name + ": type " + typeAt.text().toUpperCase(Locale.ROOT)
            + " is not supported; Quiver stores BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, "
            + "DECIMAL(p, s), CHAR(n), VARCHAR(n), VARBINARY, DATE, TIME and TIMESTAMP");
    }
    if (cursor.isSymbol('[') || cursor.isWord("array")) {
      throw cursor.notSupported("column " + name + ": arrays are not supported");
    }
    boolean notNull = false;
    if (cursor.accept("not")) {
      cursor.expectWord("null");
      notNull = true;
    } else {
      cursor.accept("null");
    }
    return new ColumnDefinition(name, type, precision, scale, notNull, at.line(), at.column());
  }

  /** An optional {@code (n)} of a text type; {@code absent} when there is none. */
  private static int length(DdlCursor cursor, String column, Token typeAt, int absent) {
    if (!cursor.isSymbol('(')) {
      return absent;
    }
    cursor.advance();
    int length = number(cursor, "the length of column " + column);
    cursor.expectSymbol(')');
    if (length < 1) {
      throw DdlCursor.syntaxError(typeAt, "the length of column " + column + " must be at least 1, not " + length);
    }
    return length;
  }

  private static int number(DdlCursor cursor, String what) {
    Token token = cursor.current();
    if (token.kind() != Kind.NUMBER || token.text().contains(".")) {
      throw cursor.syntaxError("expected " + what + " (a whole number), found " + token.describe());
    }
    cursor.advance();
    try {
      return Integer.parseInt(token.text());
    } catch (NumberFormatException e) {
      throw DdlCursor.syntaxError(token, what + " is too large: " + token.text());
    }
  }
}
