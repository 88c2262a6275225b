package io.quiver.jdbc.remote;

import io.quiver.jdbc.client.SqlStates;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.remote.Service;

/**
 * An error the server answered, as it travels through Avatica's client code: Avatica wraps what its
 * service throws into SQLExceptions of its own wording ("Error while executing SQL ...: Remote
 * driver error: ...", or "while preparing SQL" with the server's message dropped), but keeps a
 * plain runtime exception as the cause. The thin driver finds this cause again and throws the
 * engine's own SQLException: the same SQLState, vendor code and message as the embedded driver.
 * It has no stack trace: it says what the server said and nothing of the client's insides.
 */
final class ServerError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final int vendorCode;

  private ServerError(String message, String sqlState, int vendorCode) {
    super(message, null, false, false);
    this.sqlState = sqlState;
    this.vendorCode = vendorCode;
  }

  /**
   * The error for an exception of Avatica's service; null for one the client must see as it is
   * (a missing connection, which Avatica handles by reconnecting).
   */
  static ServerError of(AvaticaClientRuntimeException e) {
    String state = e.getSqlState();
    boolean unknownState = state == null || Service.ErrorResponse.UNKNOWN_SQL_STATE.equals(state);
    // Avatica's "no such connection" has its code 1 and no SQLState (Quiver's code 1 is a syntax error).
    if (unknownState && e.getErrorCode() == Service.ErrorResponse.MISSING_CONNECTION_ERROR_CODE) {
      return null;
    }
    String message = e.getMessage();
    String prefix = "Remote driver error: ";
    if (message != null && message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    if (unknownState) {
      state = "XX000";
    }
    return new ServerError(message, state, e.getErrorCode());
  }

  /** The engine's SQLException for this error. */
  SQLException toSqlException() {
    return SqlStates.exception(getMessage(), sqlState, vendorCode, null);
  }

  /** The server's error among the causes of a failure, as its SQLException; null if none. */
  static SQLException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ServerError error) {
        return error.toSqlException();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
