package io.quiver.spi;

/**
 * A connector's error. The engine reports it to the client with {@code sqlState} (for example
 * {@code 42P01} for a table that is not there, {@code 58030} for an I/O error) and the message.
 */
public class ConnectorException extends RuntimeException {

  private final String sqlState;

  public ConnectorException(String sqlState, String message) {
    this(sqlState, message, null);
  }

  public ConnectorException(String sqlState, String message, Throwable cause) {
    super(message, cause);
    if (sqlState == null || sqlState.length() != 5) {
      throw new IllegalArgumentException("a SQLSTATE has five characters: " + sqlState);
    }
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
