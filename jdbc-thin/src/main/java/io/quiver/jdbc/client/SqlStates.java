package io.quiver.jdbc.client;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;

/**
 * The {@link SQLException} a JDBC user sees for an error of the engine, the same in the embedded and
 * the thin driver: the SQLState, the error code's number as the vendor code, the engine's message
 * (with its SQL position) as the reason, and the subclass JDBC defines for the SQLState's class
 * (42: syntax, 22: data, 0A: not supported, ...).
 */
public final class SqlStates {

  /** The vendor code of a query stopped by its statement's timeout (ErrorCode.QUERY_TIMEOUT). */
  public static final int QUERY_TIMEOUT_CODE = 201;

  private SqlStates() {
  }

  public static SQLException exception(String reason, String state, int code, Throwable cause) {
    SQLException result;
    if (code == QUERY_TIMEOUT_CODE) {
      result = new SQLTimeoutException(reason, state, code);
    } else if (state == null) {
      result = new SQLException(reason, state, code);
    } else if (state.startsWith("42")) {
      result = new SQLSyntaxErrorException(reason, state, code);
    } else if (state.startsWith("22")) {
      result = new SQLDataException(reason, state, code);
    } else if (state.startsWith("0A")) {
      result = new SQLFeatureNotSupportedException(reason, state, code);
    } else if (state.startsWith("53")) {
      result = new SQLTransientException(reason, state, code);
    } else if (state.startsWith("3F")) {
      result = new SQLNonTransientException(reason, state, code);
    } else {
      result = new SQLException(reason, state, code);
    }
    if (cause != null) {
      result.initCause(cause);
    }
    return result;
  }
}
