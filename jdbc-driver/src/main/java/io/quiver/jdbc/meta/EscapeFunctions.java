package io.quiver.jdbc.meta;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The scalar functions of the JDBC escape {@code {fn NAME(args)}} (JDBC 4.3 appendix D) written as
 * the SQL the engine runs. Names are the upper-case JDBC names; {@link JdbcEscapes} lists them.
 */
final class EscapeFunctions {

  private EscapeFunctions() {
  }

  /**
   * @param name the JDBC function name, upper case
   * @param args the translated argument texts
   * @param where the escape's position, for errors
   * @param clock what CURDATE, CURTIME and NOW read
   */
  static String translate(String name, List<String> args, String where, Clock clock) {
    switch (name) {
      // --- strings
      case "UCASE":
        return call("UPPER", name, args, 1, where);
      case "LCASE":
        return call("LOWER", name, args, 1, where);
      case "CONCAT":
        arity(name, args, 2, where);
        return "(" + args.get(0) + " || " + args.get(1) + ")";
      case "LENGTH":
        // JDBC's LENGTH does not count trailing blanks; the engine trims only both ends, so this
        // counts them (they are rare in VARCHAR values).
        return call("CHAR_LENGTH", name, args, 1, where);
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
        return call("CHAR_LENGTH", name, args, 1, where);
      case "LTRIM":
        arity(name, args, 1, where);
        return "TRIM(LEADING FROM " + args.get(0) + ")";
      case "RTRIM":
        arity(name, args, 1, where);
        return "TRIM(TRAILING FROM " + args.get(0) + ")";
      case "SUBSTRING":
        if (args.size() == 2) {
          return "SUBSTRING(" + args.get(0) + " FROM " + args.get(1) + ")";
        }
        arity(name, args, 3, where);
        return "SUBSTRING(" + args.get(0) + " FROM " + args.get(1) + " FOR " + args.get(2) + ")";
      case "LEFT":
        arity(name, args, 2, where);
        return "SUBSTRING(" + args.get(0) + " FROM 1 FOR " + args.get(1) + ")";
      case "LOCATE":
        arity(name, args, 2, where);
        return "POSITION(" + args.get(0) + " IN " + args.get(1) + ")";
      case "REPLACE":
        return call("REPLACE", name, args, 3, where);
      // --- numbers
      case "ABS":
      case "EXP":
      case "FLOOR":
      case "LOG10":
      case "SIGN":
      case "SQRT":
        return call(name, name, args, 1, where);
      case "CEILING":
        return call("CEIL", name, args, 1, where);
      case "LOG":
        return call("LN", name, args, 1, where);
      case "MOD":
      case "POWER":
        return call(name, name, args, 2, where);
      case "ROUND":
        if (args.size() == 1) {
          return call(name, name, args, 1, where);
        }
        return call(name, name, args, 2, where);
      // --- dates and times
      // The engine has no CURRENT_DATE yet: the statement gets the time it was translated at, in
      // the time zone of the JVM that translates it (the server's, for remote clients).
      case "CURDATE":
      case "CURRENT_DATE":
        arity(name, args, 0, where);
        return "DATE '" + LocalDate.now(clock) + "'";
      case "CURTIME":
      case "CURRENT_TIME":
        arity(name, args, 0, where);
        return "TIME '" + LocalTime.now(clock).truncatedTo(ChronoUnit.SECONDS) + "'";
      case "NOW":
      case "CURRENT_TIMESTAMP":
        arity(name, args, 0, where);
        return "TIMESTAMP '" + LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS).toString().replace('T', ' ')
            + "'";
      case "YEAR":
      case "QUARTER":
      case "MONTH":
      case "WEEK":
      case "HOUR":
      case "MINUTE":
      case "SECOND":
        return extract(name, name, args, where);
      case "DAYOFMONTH":
        return extract("DAY", name, args, where);
      case "DAYOFYEAR":
        return extract("DOY", name, args, where);
      case "DAYOFWEEK":
        // JDBC counts Sunday as 1; EXTRACT(DOW) as 0.
        return "(" + extract("DOW", name, args, where) + " + 1)";
      case "TIMESTAMPADD":
      case "TIMESTAMPDIFF":
        arity(name, args, 3, where);
        return name + "(" + intervalUnit(args.get(0), name, where) + ", " + args.get(1) + ", " + args.get(2) + ")";
      // --- system and conversion
      case "IFNULL":
        return call("COALESCE", name, args, 2, where);
      case "CONVERT":
        arity(name, args, 2, where);
        return "CAST(" + args.get(0) + " AS " + convertType(args.get(1), where) + ")";
      default:
        if (io.quiver.exec.function.FunctionRegistry.builtIn().find(name).isPresent()) {
          // Every function the engine has: as written (the JDBC function lists advertise them).
          return name + "(" + String.join(", ", args) + ")";
        }
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "the JDBC escape function {fn " + name + "(...)} " + where
            + " is not supported; supported are " + JdbcEscapes.STRING_FUNCTIONS + "," + JdbcEscapes.NUMERIC_FUNCTIONS
            + "," + JdbcEscapes.TIME_DATE_FUNCTIONS + "," + JdbcEscapes.SYSTEM_FUNCTIONS);
    }
  }

  private static String call(String function, String name, List<String> args, int arity, String where) {
    arity(name, args, arity, where);
    return function + "(" + String.join(", ", args) + ")";
  }

  private static String extract(String field, String name, List<String> args, String where) {
    arity(name, args, 1, where);
    return "EXTRACT(" + field + " FROM " + args.get(0) + ")";
  }

  /** The SQL type of CONVERT's {@code SQL_xxx} type name. */
  private static String convertType(String text, String where) {
    String type = text.strip().toUpperCase(Locale.ROOT);
    if (type.startsWith("SQL_")) {
      type = type.substring("SQL_".length());
    }
    switch (type) {
      case "BIGINT":
      case "BOOLEAN":
      case "DATE":
      case "DOUBLE":
      case "INTEGER":
      case "REAL":
      case "SMALLINT":
      case "TIME":
      case "TIMESTAMP":
      case "TINYINT":
      case "VARCHAR":
      case "DECIMAL":
        return type;
      case "BIT":
        return "BOOLEAN";
      case "FLOAT":
        return "DOUBLE";
      case "NUMERIC":
        return "DECIMAL";
      case "CHAR":
      case "LONGVARCHAR":
      case "WVARCHAR":
      case "WCHAR":
        return "VARCHAR";
      default:
        throw new QuiverException(ErrorCode.NOT_SUPPORTED,
            "{fn CONVERT} " + where + ": no conversion to '" + text.strip() + "'");
    }
  }

  /** {@code SQL_TSI_DAY} or {@code DAY} as the unit the engine names. */
  private static String intervalUnit(String text, String name, String where) {
    String unit = text.strip().toUpperCase(Locale.ROOT);
    if (unit.startsWith("SQL_TSI_")) {
      unit = unit.substring("SQL_TSI_".length());
    }
    switch (unit) {
      case "FRAC_SECOND":
        return "MICROSECOND";
      case "SECOND":
      case "MINUTE":
      case "HOUR":
      case "DAY":
      case "WEEK":
      case "MONTH":
      case "QUARTER":
      case "YEAR":
        return unit;
      default:
        throw new QuiverException(ErrorCode.SYNTAX_ERROR,
            "{fn " + name + "} " + where + ": unknown interval '" + text.strip() + "'");
    }
  }

  private static void arity(String name, List<String> args, int expected, String where) {
    if (args.size() != expected) {
      throw new QuiverException(ErrorCode.SYNTAX_ERROR, "the JDBC escape function {fn " + name + "} " + where
          + " takes " + expected + (expected == 1 ? " argument" : " arguments") + ", not " + args.size());
    }
  }
}
