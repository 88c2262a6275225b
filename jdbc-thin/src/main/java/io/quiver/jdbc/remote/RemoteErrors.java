package io.quiver.jdbc.remote;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;

/** Clear SQLExceptions for what Avatica's HTTP client reports only as a runtime exception. */
final class RemoteErrors {

  private RemoteErrors() {
  }

  static SQLException connectFailure(String url, RuntimeException e) {
    SQLException server = ServerError.find(e);
    if (server != null) {
      return server;
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("HTTP/401")) {
      return new SQLInvalidAuthorizationSpecException(
          "the server refused the credentials (HTTP 401): give the right user and password", "28000", e);
    }
    if (message.contains("HTTP/")) {
      return new SQLNonTransientConnectionException("the server answered " + message, "08001", e);
    }
    return new SQLNonTransientConnectionException("cannot connect to " + url + ": " + message, "08001", e);
  }
}
