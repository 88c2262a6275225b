package io.quiver.jdbc;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.jdbc.client.SqlStates;
import java.sql.SQLException;

/**
 * Turns Quiver's errors into the {@link SQLException}s a JDBC user sees: the SQLState of the error
 * code (see {@link SqlStates}, which the thin driver shares).
 */
public final class QuiverSqlExceptions {

  private QuiverSqlExceptions() {
  }

  public static SQLException of(QuiverException e) {
    return SqlStates.exception(e.getMessage(), e.sqlState(), e.errorCode().code(), e);
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
