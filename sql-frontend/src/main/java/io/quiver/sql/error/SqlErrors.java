package io.quiver.sql.error;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns Calcite's parse and validation errors into {@link QuiverException}s with an error code, the
 * position in the SQL text and a message that names the object.
 */
public final class SqlErrors {

  /** A Calcite validator message and the error code it means; the first match wins. */
  private record Rule(Pattern pattern, ErrorCode code, String template) {
  }

  private static final List<Rule> RULES = List.of(
      rule("Object '(.*)' not found within '(.*)'(; did you mean .*)?", ErrorCode.TABLE_NOT_FOUND,
          "Table '$1' not found in schema '$2'$3"),
      rule("Object '(.*)' not found(; did you mean .*)?", ErrorCode.TABLE_NOT_FOUND,
          "Table '$1' not found$2"),
      rule("Table '(.*)' not found(.*)", ErrorCode.TABLE_NOT_FOUND, null),
      rule("Schema '(.*)' not found(.*)", ErrorCode.SCHEMA_NOT_FOUND, null),
      rule("Column '(.*)' not found in (any table|table '.*')(.*)", ErrorCode.COLUMN_NOT_FOUND, null),
      rule("Unknown identifier '(.*)'", ErrorCode.COLUMN_NOT_FOUND, "Column '$1' not found"),
      rule("Column '(.*)' is ambiguous", ErrorCode.AMBIGUOUS_NAME, null),
      rule("No match found for function signature (.*)", ErrorCode.FUNCTION_NOT_FOUND,
          "Function not found: $1"),
      rule("Function '(.*)' not found", ErrorCode.FUNCTION_NOT_FOUND, null),
      rule("Cannot apply '(.*)' to arguments of type (.*?)\\. Supported form\\(s\\).*",
          ErrorCode.TYPE_MISMATCH, "Cannot apply '$1' to arguments of type $2"),
      rule("Cannot apply .*", ErrorCode.TYPE_MISMATCH, null),
      rule("Values passed to .* must have compatible types", ErrorCode.TYPE_MISMATCH, null),
      rule("Values in expression list must have compatible types", ErrorCode.TYPE_MISMATCH, null),
      rule("Cannot infer return type .*", ErrorCode.TYPE_MISMATCH, null),
      rule("Type mismatch .*", ErrorCode.TYPE_MISMATCH, null),
      rule("Incompatible types.*", ErrorCode.TYPE_MISMATCH, null),
      rule("Cast function cannot convert .*", ErrorCode.TYPE_MISMATCH, null),
      rule(".* clause must be a condition", ErrorCode.TYPE_MISMATCH, null),
      rule("Unknown datatype name .*", ErrorCode.TYPE_MISMATCH, null),
      rule("Type '(.*)' not found", ErrorCode.TYPE_MISMATCH, null));

  private SqlErrors() {
  }

  private static Rule rule(String regex, ErrorCode code, String template) {
    return new Rule(Pattern.compile(regex, Pattern.DOTALL), code, template);
  }

  public static QuiverException syntaxError(String message, int line, int column, Throwable cause) {
    return new QuiverException(ErrorCode.SYNTAX_ERROR, "Syntax error: " + message, cause, line, column);
  }

  /** A parse error: SYNTAX_ERROR with the first line of Calcite's message and its position. */
  public static QuiverException fromParseException(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    int line = pos == null ? 0 : pos.getLineNum();
    int column = pos == null ? 0 : pos.getColumnNum();
    String message = firstLine(e.getMessage());
    // Calcite repeats the position in its text; ours is appended by QuiverException.
    message = message.replaceAll(" at line \\d+, column \\d+\\.?", "");
    return syntaxError(message, line, column, e);
  }

  /** A validation error, with the code its message implies and the position Calcite gave. */
  public static QuiverException fromValidation(CalciteContextException e) {
    String detail = e.getCause() != null && e.getCause().getMessage() != null
        ? e.getCause().getMessage() : e.getMessage();
    detail = firstLine(detail);
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(detail);
      if (matcher.matches()) {
        String message = rule.template() == null ? detail : expand(matcher, rule.template());
        return new QuiverException(rule.code(), message, e, e.getPosLine(), e.getPosColumn());
      }
    }
    return new QuiverException(ErrorCode.VALIDATION_ERROR, detail, e, e.getPosLine(),
        e.getPosColumn());
  }

  /** Any other failure while validating or converting: the cause's message, with no position. */
  public static QuiverException fromOther(RuntimeException e) {
    if (e instanceof QuiverException quiver) {
      return quiver;
    }
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof CalciteContextException context) {
        return fromValidation(context);
      }
      cause = cause.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    return new QuiverException(ErrorCode.VALIDATION_ERROR, message, e);
  }

  private static String expand(Matcher matcher, String template) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
        int group = template.charAt(++i) - '0';
        String value = group <= matcher.groupCount() ? matcher.group(group) : null;
        result.append(value == null ? "" : value);
      } else {
        result.append(c);
      }
    }
    return result.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
