package io.quiver.exec.error;

/**
 * The one exception type Quiver reports to its users. It carries an {@link ErrorCode} (and so a
 * SQLState) and, where the error is tied to the SQL text, the 1-based line and column.
 */
public class QuiverException extends RuntimeException {

  private final ErrorCode errorCode;
  private final int line;
  private final int column;

  public QuiverException(ErrorCode errorCode, String message) {
    this(errorCode, message, null, 0, 0);
  }

  public QuiverException(ErrorCode errorCode, String message, Throwable cause) {
    this(errorCode, message, cause, 0, 0);
  }

  public QuiverException(ErrorCode errorCode, String message, Throwable cause, int line, int column) {
    super(message, cause);
    this.errorCode = errorCode;
    this.line = line;
    this.column = column;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public String sqlState() {
    return errorCode.sqlState();
  }

  /** 1-based line in the SQL text, or 0 when the error has no position. */
  public int line() {
    return line;
  }

  /** 1-based column in the SQL text, or 0 when the error has no position. */
  public int column() {
    return column;
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    if (line > 0) {
      return message + " (at line " + line + ", column " + column + ")";
    }
    return message;
  }
}
