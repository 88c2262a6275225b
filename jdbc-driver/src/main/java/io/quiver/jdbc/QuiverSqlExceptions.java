package io.quiver.jdbc;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;

/**
 * Turns Quiver's errors into the {@link SQLException}s a JDBC user sees: the SQLState of the error
 * code, the code's number as the vendor code, Quiver's message (with its SQL position) as the
 * reason, and the subclass JDBC defines for the SQLState's class (42: syntax, 22: data, ...).
 */
public final class QuiverSqlExceptions {

  private QuiverSqlExceptions() {
  }

  public static SQLException of(QuiverException e) {
    String reason = e.getMessage();
    String state = e.sqlState();
    int code = e.errorCode().code();
    if (e.errorCode() == ErrorCode.QUERY_TIMEOUT) {
      return new SQLTimeoutException(reason, state, code, e);
    }
    if (state.startsWith("42")) {
      return new SQLSyntaxErrorException(reason, state, code, e);
    }
    if (state.startsWith("22")) {
      return new SQLDataException(reason, state, code, e);
    }
    if (state.startsWith("0A")) {
      return new SQLFeatureNotSupportedException(reason, state, code, e);
    }
    if (state.startsWith("53")) {
      return new SQLTransientException(reason, state, code, e);
    }
    if (state.startsWith("3F")) {
      return new SQLNonTransientException(reason, state, code, e);
    }
    return new SQLException(reason, state, code, e);
  }

  /**
   * The SQLException for a failure that left Avatica's code: Quiver's own when a
   * {@link QuiverException} is among the causes (Avatica wraps it in its own message), otherwise
   * the exception itself.
   */
  public static SQLException convert(Throwable failure) {
    QuiverException quiver = find(failure);
    if (quiver != null) {
      return of(quiver);
    }
    if (failure instanceof SQLException sql) {
      return sql;
    }
    return of(new QuiverException(ErrorCode.INTERNAL_ERROR, String.valueOf(failure.getMessage()), failure));
  }

  /** The first QuiverException among the causes, or null. */
  static QuiverException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof QuiverException q) {
        return q;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
