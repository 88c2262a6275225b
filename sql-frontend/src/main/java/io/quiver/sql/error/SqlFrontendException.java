package io.quiver.sql.error;

/**
 * A statement the front end rejects: a syntax error or a validation error, with the position in
 * the SQL text (line and column from 1; 0 when unknown) and Calcite's message. The planner maps it
 * to the engine's error codes; this module knows only Calcite.
 */
public final class SqlFrontendException extends RuntimeException {

  /** Which phase rejected the statement. */
  public enum Kind {
    /** The text does not parse. */
    SYNTAX,
    /** It parses but does not validate against the catalog (unknown names, wrong types, ...). */
    VALIDATION,
    /** It is well formed but asks for something Quiver does not do. */
    NOT_SUPPORTED
  }

  private final Kind kind;
  private final int line;
  private final int column;

  public SqlFrontendException(Kind kind, String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.line = line;
    this.column = column;
  }

  public Kind kind() {
    return kind;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
