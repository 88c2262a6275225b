package io.quiver.jdbc.client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Rewrites the JDBC escape syntax that BI tools send into the SQL the engine parses, as PostgreSQL's
 * driver does on the client: {@code {fn UCASE(x)}} becomes {@code UPPER(x)}, {@code {d '2024-01-31'}}
 * becomes {@code DATE '2024-01-31'}, {@code {ts ...}} a TIMESTAMP and {@code {t ...}} a TIME literal,
 * {@code {oj ...}} its outer join, {@code {escape 'c'}} {@code ESCAPE 'c'} and {@code {limit n offset m}}
 * {@code LIMIT n OFFSET m}. Escapes nest ({@code {fn UCASE({fn CONCAT(a, b)})}}). Braces inside
 * string literals, quoted identifiers and comments are left alone.
 *
 * <p>An escape this driver does not know ({@code {call ...}}, an unknown function) fails with
 * NOT_SUPPORTED; a brace that is not closed with SYNTAX_ERROR. TIMESTAMPDIFF is translated but not
 * listed: the engine does not run its SQL yet and says so with its own NOT_SUPPORTED error. {@code CURDATE()}, {@code CURTIME()} and
 * {@code NOW()} become literals of the moment of translation (each execution translates anew). The function names it translates are
 * those {@link #STRING_FUNCTIONS}, {@link #NUMERIC_FUNCTIONS}, {@link #TIME_DATE_FUNCTIONS} and
 * {@link #SYSTEM_FUNCTIONS} list (what {@code DatabaseMetaData.getStringFunctions()} etc. report).
 */
public final class JdbcEscapes {

  public static final String STRING_FUNCTIONS =
      "CHAR_LENGTH,CHARACTER_LENGTH,CONCAT,LCASE,LEFT,LENGTH,LOCATE,LTRIM,REPLACE,RTRIM,SUBSTRING,UCASE";
  public static final String NUMERIC_FUNCTIONS = "ABS,CEILING,EXP,FLOOR,LOG,LOG10,MOD,POWER,ROUND,SIGN,SQRT";
  public static final String TIME_DATE_FUNCTIONS = "CURDATE,CURRENT_DATE,CURRENT_TIME,CURRENT_TIMESTAMP,CURTIME,"
      + "DAYOFMONTH,DAYOFWEEK,DAYOFYEAR,HOUR,MINUTE,MONTH,NOW,QUARTER,SECOND,TIMESTAMPADD,WEEK,YEAR";
  public static final String SYSTEM_FUNCTIONS = "CONVERT,IFNULL";

  private JdbcEscapes() {
  }

  /**
   * The text with every escape rewritten; the text itself when it has none. A {@code {fn ...}} of a
   * function JDBC does not name passes as written (the thin driver's {@code nativeSQL}: the server
   * knows which functions exist).
   */
  public static String translate(String sql) {
    return translate(sql, Clock.systemDefaultZone(), name -> true);
  }

  /**
   * As {@link #translate(String)}; a {@code {fn ...}} of a function JDBC does not name passes as
   * written only when {@code engineFunction} knows it, and fails with NOT_SUPPORTED otherwise.
   */
  public static String translate(String sql, Predicate<String> engineFunction) {
    return translate(sql, Clock.systemDefaultZone(), engineFunction);
  }

  /** As {@link #translate(String, Predicate)}, with the clock that {@code CURDATE()}, {@code CURTIME()} and {@code NOW()} read. */
  static String translate(String sql, Clock clock, Predicate<String> engineFunction) {
    if (sql == null || sql.indexOf('{') < 0) {
      return sql;
    }
    return new JdbcEscapes.Translation(sql, clock, engineFunction).run();
  }

  /** One pass over a text; escapes found inside an escape are translated first. */
  private static final class Translation {
    private final String sql;
    private final Clock clock;
    private final Predicate<String> engineFunction;

    Translation(String sql, Clock clock, Predicate<String> engineFunction) {
      this.sql = sql;
      this.clock = clock;
      this.engineFunction = engineFunction;
    }

    String run() {
      return translateRange(0, sql.length());
    }

    private String translateRange(int from, int to) {
      StringBuilder out = new StringBuilder(to - from);
      int i = from;
      while (i < to) {
        char c = sql.charAt(i);
        if (c == '}') {
          throw new JdbcEscapeException(JdbcEscapeException.Kind.SYNTAX_ERROR, "'}' without an opening JDBC escape '{' " + at(i));
        }
        if (c != '{') {
          int end = Math.min(SqlTokens.next(sql, i), to);
          out.append(sql, i, end);
          i = end;
          continue;
        }
        int close = matchingBrace(i, to);
        out.append(escape(i, close));
        i = close + 1;
      }
      return out.toString();
    }

    /** The index of the '}' that closes the '{' at {@code open}. */
    private int matchingBrace(int open, int to) {
      int depth = 0;
      int i = open;
      while (i < to) {
        char c = sql.charAt(i);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
          if (depth == 0) {
            return i;
          }
        }
        i = SqlTokens.next(sql, i);
      }
      throw new JdbcEscapeException(JdbcEscapeException.Kind.SYNTAX_ERROR, "JDBC escape '{' " + at(open) + " is not closed with '}'");
    }

    /** The translation of the escape between the braces at {@code open} and {@code close}. */
    private String escape(int open, int close) {
      int start = skipSpace(open + 1, close);
      int keywordEnd = start;
      while (keywordEnd < close && (Character.isLetter(sql.charAt(keywordEnd)) || sql.charAt(keywordEnd) == '?'
          || sql.charAt(keywordEnd) == '=')) {
        keywordEnd++;
      }
      String keyword = sql.substring(start, keywordEnd).toLowerCase(Locale.ROOT);
      String body = translateRange(keywordEnd, close).strip();
      switch (keyword) {
        case "d":
          return "DATE " + literalBody(body, keyword, open);
        case "t":
          return "TIME " + literalBody(body, keyword, open);
        case "ts":
          return "TIMESTAMP " + literalBody(body, keyword, open);
        case "oj":
          return body;
        case "escape":
          return "ESCAPE " + literalBody(body, keyword, open);
        case "limit":
          return "LIMIT " + body;
        case "fn":
          return function(body, open);
        case "call":
        case "?=call":
          throw new JdbcEscapeException(JdbcEscapeException.Kind.NOT_SUPPORTED,
              "JDBC escape {" + keyword + " ...} " + at(open) + ": Quiver has no stored procedures");
        default:
          throw new JdbcEscapeException(JdbcEscapeException.Kind.NOT_SUPPORTED, "unknown JDBC escape {" + keyword + " ...} " + at(open)
              + "; supported are fn, d, t, ts, oj, escape and limit");
      }
    }

    private String literalBody(String body, String keyword, int open) {
      if (body.length() < 2 || body.charAt(0) != '\'' || body.charAt(body.length() - 1) != '\'') {
        throw new JdbcEscapeException(JdbcEscapeException.Kind.SYNTAX_ERROR,
            "JDBC escape {" + keyword + " ...} " + at(open) + " needs a quoted literal, not: " + body);
      }
      return body;
    }

    private String function(String body, int open) {
      int nameEnd = 0;
      while (nameEnd < body.length()
          && (Character.isLetterOrDigit(body.charAt(nameEnd)) || body.charAt(nameEnd) == '_')) {
        nameEnd++;
      }
      String name = body.substring(0, nameEnd).toUpperCase(Locale.ROOT);
      String rest = body.substring(nameEnd).strip();
      if (name.isEmpty() || !rest.startsWith("(") || !rest.endsWith(")")) {
        throw new JdbcEscapeException(JdbcEscapeException.Kind.SYNTAX_ERROR,
            "JDBC escape {fn ...} " + at(open) + " needs NAME(arguments), not: " + body);
      }
      List<String> args = arguments(rest.substring(1, rest.length() - 1));
      return EscapeFunctions.translate(name, args, at(open), clock, engineFunction);
    }

    private int skipSpace(int i, int to) {
      while (i < to && Character.isWhitespace(sql.charAt(i))) {
        i++;
      }
      return i;
    }

    /** "at line L, column C" of an index, as the engine's errors say it. */
    private String at(int index) {
      int line = 1;
      int column = 1;
      for (int i = 0; i < index; i++) {
        if (sql.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return "(at line " + line + ", column " + column + ")";
    }
  }

  /** The arguments of a call, split at the commas outside parentheses, literals and comments. */
  static List<String> arguments(String text) {
    List<String> args = new ArrayList<>();
    if (text.isBlank()) {
      return args;
    }
    int depth = 0;
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(text.substring(start, i).strip());
        start = i + 1;
      }
      i = SqlTokens.next(text, i);
    }
    args.add(text.substring(start).strip());
    return args;
  }
}
