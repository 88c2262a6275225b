package io.quiver.planner.error;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.quiver.sql.error.SqlFrontendException;

/**
 * Turns the front end's parse and validation errors (Calcite's messages) into
 * {@link QuiverException}s with an error code, the position in the SQL text and a message that
 * names the object. Lives in the planner so that the front end depends on Calcite only.
 */
public final class SqlErrors {

  /** A Calcite validator message and the error code it means; the first match wins. */
  private record Rule(Pattern pattern, ErrorCode code, String template) {
  }

  private static final List<Rule> RULES = List.of(
      rule("Object '(.*)' not found within '(.*)'(; did you mean .*)?", ErrorCode.TABLE_NOT_FOUND,
          "Table '$1' not found in schema '$2'$3"),
      // Calcite names the first part of a qualified name it cannot resolve: a schema or a table.
      rule("Object '(.*)' not found(; did you mean .*)?", ErrorCode.TABLE_NOT_FOUND,
          "Table or schema '$1' not found$2"),
      rule("Table '(.*)' not found(.*)", ErrorCode.TABLE_NOT_FOUND, null),
      rule("Schema '(.*)' not found(.*)", ErrorCode.SCHEMA_NOT_FOUND, null),
      rule("Column '(.*)' not found in (any table|table '.*')(.*)", ErrorCode.COLUMN_NOT_FOUND, null),
      rule("Unknown identifier '(.*)'", ErrorCode.COLUMN_NOT_FOUND, "Column '$1' not found"),
      rule("Column '(.*)' is ambiguous", ErrorCode.AMBIGUOUS_NAME, null),
      rule("Operator does not exist: .*", ErrorCode.FUNCTION_NOT_FOUND, null),
      rule("No match found for function signature (.*)", ErrorCode.FUNCTION_NOT_FOUND,
          "Function not found: $1"),
      rule("Function '(.*)' not found", ErrorCode.FUNCTION_NOT_FOUND, null),
      rule("Invalid number of arguments to function '(.*)'\\. Was expecting (.*) arguments",
          ErrorCode.FUNCTION_NOT_FOUND, "Function $1 does not take this number of arguments (it takes $2)"),
      rule("Cannot apply '(.*)' to arguments of type (.*?)\\. Supported form\\(s\\).*",
          ErrorCode.TYPE_MISMATCH, "Cannot apply '$1' to arguments of type $2"),
      rule("Cannot apply .*", ErrorCode.TYPE_MISMATCH, null),
      rule("Cannot compare .*", ErrorCode.TYPE_MISMATCH, null),
      rule("Values passed to .* must have compatible types", ErrorCode.TYPE_MISMATCH, null),
      rule("Values in expression list must have compatible types", ErrorCode.TYPE_MISMATCH, null),
      rule("Cannot infer return type .*", ErrorCode.TYPE_MISMATCH, null),
      rule("Type mismatch .*", ErrorCode.TYPE_MISMATCH, null),
      rule("Incompatible types.*", ErrorCode.TYPE_MISMATCH, null),
      rule("Cast function cannot convert .*", ErrorCode.TYPE_MISMATCH, null),
      rule(".* clause must be a condition", ErrorCode.TYPE_MISMATCH, null),
      rule("Unknown datatype name .*", ErrorCode.TYPE_MISMATCH, null),
      rule("Type '(.*)' not found", ErrorCode.TYPE_MISMATCH, null),
      rule("Argument to GROUPING operator must be a grouped expression", ErrorCode.GROUPING_ERROR,
          "The argument of GROUPING must be an expression of the GROUP BY"),
      rule("GROUPING operator may only occur in an aggregate query", ErrorCode.GROUPING_ERROR,
          "GROUPING is allowed only in a query with GROUP BY"),
      rule("Expression '(.*)' is not being grouped", ErrorCode.GROUPING_ERROR,
          "Expression '$1' must appear in the GROUP BY clause or be used in an aggregate function"),
      rule("Argument to function '(PERCENTILE_CONT|PERCENTILE_DISC)' must be a numeric literal between 0 and 1",
          ErrorCode.PERCENTILE_OUT_OF_RANGE, "The fraction of $1 must be a number between 0 and 1"),
      rule("Invalid type '(.*)' in ORDER BY clause of '(.*)' function.*", ErrorCode.TYPE_MISMATCH,
          "$2 orders numbers, dates and times, not $1"),
      rule("Column count mismatch in (UNION|INTERSECT|EXCEPT)( ALL)?", ErrorCode.SET_OPERATION_COLUMN_COUNT,
          "The inputs of $1 have different numbers of columns"),
      rule("DISTINCT/ALL not allowed with (.*) function", ErrorCode.DISTINCT_NOT_ALLOWED, null),
      rule("recursive reference to query .*", ErrorCode.INVALID_RECURSION, null),
      rule("(aggregate functions|GROUP BY|HAVING) (are|is) not allowed in the recursive part .*",
          ErrorCode.INVALID_RECURSION, null),
      // window functions (sql-frontend WindowArgumentCheck uses PostgreSQL's messages)
      rule("frame (starting|ending) offset must not be negative", ErrorCode.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
          null),
      rule("frame (starting|ending) offset must not be null", ErrorCode.NULL_VALUE_NOT_ALLOWED, null),
      rule("argument of ntile must be greater than zero", ErrorCode.INVALID_ARGUMENT_FOR_NTILE, null),
      rule("argument of nth_value must be greater than zero", ErrorCode.INVALID_ARGUMENT_FOR_NTH_VALUE, null),
      rule("argument of ROWS must be type bigint, not .*", ErrorCode.TYPE_MISMATCH, null),
      rule("the offset of (lag|lead) must be an integer, .*", ErrorCode.TYPE_MISMATCH, null),
      rule("FILTER is not implemented for non-aggregate window functions", ErrorCode.NOT_SUPPORTED, null),
      rule("aggregate ORDER BY is not implemented for window functions", ErrorCode.NOT_SUPPORTED, null),
      rule("OVER clause is necessary for window functions", ErrorCode.WRONG_OBJECT_TYPE,
          "A window function requires an OVER clause"),
      rule("OVER must be applied to aggregate function", ErrorCode.WRONG_OBJECT_TYPE,
          "OVER is specified, but the function is neither a window function nor an aggregate function"),
      rule("Windowed aggregate expression is illegal in (.*) clause", ErrorCode.WINDOWING_ERROR,
          "Window functions are not allowed in $1"),
      rule("(ORDER BY|PARTITION BY) expression should not contain OVER clause", ErrorCode.WINDOWING_ERROR,
          "Window functions are not allowed in a window's $1"),
      rule("RANGE clause cannot be used with compound ORDER BY clause", ErrorCode.WINDOWING_ERROR,
          "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column"),
      rule("frame starting from following row cannot have preceding rows", ErrorCode.WINDOWING_ERROR, null),
      rule("Window has negative size", ErrorCode.WINDOWING_ERROR, null),
      rule("ROW/RANGE not allowed with .*", ErrorCode.WINDOWING_ERROR, null),
      rule("(Upper|Lower) frame boundary cannot be .*", ErrorCode.WINDOWING_ERROR, null),
      rule("UNBOUNDED (FOLLOWING|PRECEDING) cannot be specified for the (lower|upper) frame boundary",
          ErrorCode.WINDOWING_ERROR, null),
      rule("Window '(.*)' not found", ErrorCode.WINDOWING_ERROR, null),
      rule("Window expressions are not permitted in the (.*) clause.*", ErrorCode.WINDOWING_ERROR,
          "Window functions are not allowed in $1"),
      rule("PARTITION BY not allowed with existing window reference", ErrorCode.WINDOWING_ERROR, null),
      rule("ORDER BY not allowed in both base and referenced windows", ErrorCode.WINDOWING_ERROR, null),
      rule("Referenced window cannot have framing declarations", ErrorCode.WINDOWING_ERROR, null),
      rule("Data Type mismatch between ORDER BY and RANGE clause", ErrorCode.NOT_SUPPORTED,
          "RANGE with offset PRECEDING/FOLLOWING is not supported for this ORDER BY column and offset type"),
      rule("Duplicate window names not allowed", ErrorCode.WINDOWING_ERROR, null),
      rule("Data type of ORDER BY prohibits use of RANGE clause", ErrorCode.NOT_SUPPORTED,
          "RANGE with offset PRECEDING/FOLLOWING is not supported for this ORDER BY column's type"),
      rule("RANK or DENSE_RANK functions require ORDER BY clause in window specification",
          ErrorCode.WINDOWING_ERROR, null),
      rule("Argument to function '(.*)' must not be NULL", ErrorCode.NULL_VALUE_NOT_ALLOWED, null),
      rule("Argument to function '(.*)' must be a literal", ErrorCode.NOT_SUPPORTED,
          "The argument of $1 must be a constant"));

  private static final Pattern IN_VIEW = Pattern.compile(" \\(in view [^()]*\\)$");

  private SqlErrors() {
  }

  private static Rule rule(String regex, ErrorCode code, String template) {
    return new Rule(Pattern.compile(regex, Pattern.DOTALL), code, template);
  }

  /**
   * The engine's error for a statement the front end rejected: SYNTAX_ERROR for a parse error; for
   * a validation error the code its message implies (TABLE_NOT_FOUND, COLUMN_NOT_FOUND, ...), or
   * VALIDATION_ERROR. Line and column are kept.
   */
  public static QuiverException toQuiverException(SqlFrontendException e) {
    if (e.kind() == SqlFrontendException.Kind.SYNTAX) {
      return new QuiverException(ErrorCode.SYNTAX_ERROR, "Syntax error: " + e.getMessage(), e,
          e.line(), e.column());
    }
    if (e.kind() == SqlFrontendException.Kind.NOT_SUPPORTED) {
      return new QuiverException(ErrorCode.NOT_SUPPORTED, e.getMessage(), e, e.line(), e.column());
    }
    // A table function (read_parquet ...) failed during validation: keep its own code (ACCESS_DENIED ...)
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof QuiverException quiver) {
        return new QuiverException(quiver.errorCode(), quiver.getMessage(), quiver, e.line(), e.column());
      }
    }
    String detail = e.getMessage() == null ? "" : e.getMessage();
    // An error inside a view's query ends in "(in view name)": match the rest, keep the suffix.
    Matcher inView = IN_VIEW.matcher(detail);
    String suffix = "";
    if (inView.find()) {
      suffix = inView.group();
      detail = detail.substring(0, inView.start());
    }
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(detail);
      if (matcher.matches()) {
        String message = rule.template() == null ? detail : expand(matcher, rule.template());
        if (rule.code() == ErrorCode.FUNCTION_NOT_FOUND) {
          message += FunctionHints.hint(message);
        }
        return new QuiverException(rule.code(), message + suffix, e, e.line(), e.column());
      }
    }
    detail += suffix;
    return new QuiverException(ErrorCode.VALIDATION_ERROR, detail, e, e.line(), e.column());
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
}
