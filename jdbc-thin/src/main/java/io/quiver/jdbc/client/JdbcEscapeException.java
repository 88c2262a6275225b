package io.quiver.jdbc.client;

import java.sql.SQLException;

/**
 * A JDBC escape ({@code {fn ...}}, {@code {d ...}}, ...) that is malformed or names what Quiver does
 * not have. The embedded driver and the server turn it into the engine's error of the same
 * SQLState and code; the thin driver, which translates escapes for {@code nativeSQL}, into its
 * SQLException.
 */
public final class JdbcEscapeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, with the SQLState and vendor code of the engine's error code for it. */
  public enum Kind {
    /** ErrorCode.SYNTAX_ERROR. */
    SYNTAX_ERROR("42601", 1),
    /** ErrorCode.NOT_SUPPORTED. */
    NOT_SUPPORTED("0A000", 9);

    private final String sqlState;
    private final int vendorCode;

    Kind(String sqlState, int vendorCode) {
      this.sqlState = sqlState;
      this.vendorCode = vendorCode;
    }

    public String sqlState() {
      return sqlState;
    }

    public int vendorCode() {
      return vendorCode;
    }
  }

  private final Kind kind;

  JdbcEscapeException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The SQLException a JDBC user sees for it. */
  public SQLException toSqlException() {
    return SqlStates.exception(getMessage(), kind.sqlState(), kind.vendorCode(), this);
  }
}
