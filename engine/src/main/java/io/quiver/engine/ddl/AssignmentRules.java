package io.quiver.engine.ddl;

import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;

/**
 * Which values INSERT may store in a column of which type (SQL's store assignment, as PostgreSQL
 * applies it to INSERT):
 *
 * <ul>
 *   <li>any numeric value into any numeric column: integers widen; narrowing is checked when the
 *       row is stored (out of range: 22003); exact values into DECIMAL(p, s) round HALF_UP to s
 *       digits and must fit p (22003); into REAL/DOUBLE they become the nearest binary value;
 *   <li>text into CHAR/VARCHAR: a value longer than the column's length is an error (22001), for
 *       CHAR not counting trailing spaces; never truncated;
 *   <li>text into DATE, TIME, TIMESTAMP: parsed as a CAST would ('2024-01-31'); unparsable: 22007
 *       or 22018. PostgreSQL allows this for literals; Quiver cannot tell a literal from a column
 *       in a query's result, so it allows it for text;
 *   <li>DATE into TIMESTAMP (midnight); TIMESTAMP into DATE (the day);
 *   <li>BOOLEAN, VARBINARY, DATE, TIME, TIMESTAMP into a column of the same type;
 *   <li>NULL into any column (a NOT NULL column refuses it when the row is stored: 23502).
 * </ul>
 *
 * Everything else (a number into a text column, text into a number, a date into a number, ...) is a
 * type mismatch (42804) found before any row is written.
 */
final class AssignmentRules {

  private AssignmentRules() {
  }

  /** True if a value of type {@code from} may be stored in a column of type {@code to}. */
  static boolean canAssign(DataType from, DataType to) {
    TypeKind source = from.kind();
    TypeKind target = to.kind();
    if (source == TypeKind.NULL) {
      return true;
    }
    if (to.isNumeric()) {
      return from.isNumeric();
    }
    if (to.isText()) {
      return from.isText();
    }
    switch (target) {
      case DATE:
        return source == TypeKind.DATE || source == TypeKind.TIMESTAMP || from.isText();
      case TIMESTAMP:
        return source == TypeKind.TIMESTAMP || source == TypeKind.DATE || from.isText();
      case TIME:
        return source == TypeKind.TIME || from.isText();
      default:
        return source == target;
    }
  }

  /**
   * True if the value needs a CAST to become the column's type. Text into text needs none (the
   * column's length is checked as rows are stored; CHAR and VARCHAR are stored alike).
   */
  static boolean needsCast(DataType from, DataType to) {
    if (from.isText() && to.isText()) {
      return false;
    }
    return !from.equals(to);
  }
}
