package io.quiver.jdbc.remote;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads a thin-driver URL, {@code jdbc:quiver://HOST[:PORT][/SCHEMA][;NAME=VALUE...]}, into the
 * properties of Avatica's remote client: the server's HTTP(S) URL, protobuf serialization, and the
 * {@code user} and {@code password} as HTTP BASIC credentials. Other properties ({@code schema},
 * {@code catalog}, Avatica's own such as {@code truststore}) pass through; {@code ssl=true} means
 * HTTPS.
 */
final class RemoteUrl {

  static final String PREFIX = "jdbc:quiver://";
  static final int DEFAULT_PORT = 8765;
  /** Avatica's property for how long one HTTP request may wait for its answer, in milliseconds. */
  static final String RESPONSE_TIMEOUT = "http_response_timeout";
  /** A day: queries end by their own timeout or a cancel, not by the transport's. */
  static final long DEFAULT_RESPONSE_TIMEOUT_MILLIS = 24L * 60 * 60 * 1000;
  /** Avatica's property for the statements' default fetch size (rows per frame). */
  static final String FETCH_SIZE = "fetch_size";
  /**
   * Rows per frame unless a statement says otherwise. Avatica's default, 100, costs a round trip per
   * 100 rows; much larger frames wait for their whole message before the first row is read (see
   * RemoteFetchBenchmark: 1,000 rows read fastest, 20,000 four times slower).
   */
  static final int DEFAULT_FETCH_SIZE = 1000;

  private RemoteUrl() {
  }

  static Properties parse(String url, Properties info) throws SQLException {
    if (!url.startsWith(PREFIX)) {
      throw new SQLException("not a Quiver remote URL: " + url, "08001");
    }
    String rest = url.substring(PREFIX.length());
    Properties properties = new Properties();
    int semicolon = rest.indexOf(';');
    String address = semicolon < 0 ? rest : rest.substring(0, semicolon);
    if (semicolon >= 0) {
      for (String pair : rest.substring(semicolon + 1).split(";")) {
        if (pair.isBlank()) {
          continue;
        }
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new SQLException("expected NAME=VALUE in the URL, found '" + pair + "'", "08001");
        }
        properties.setProperty(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
    }
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        properties.setProperty(name, info.getProperty(name));
      }
    }
    int slash = address.indexOf('/');
    String hostPort = slash < 0 ? address : address.substring(0, slash);
    String schema = slash < 0 ? "" : address.substring(slash + 1);
    if (!schema.isEmpty() && properties.getProperty("schema") == null) {
      properties.setProperty("schema", schema);
    }
    if (hostPort.isEmpty()) {
      throw new SQLException("the URL names no host: " + url + " (expected " + PREFIX + "HOST[:PORT])", "08001");
    }
    String host = hostPort;
    int port = DEFAULT_PORT;
    int colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && hostPort.indexOf(']') < colon) {
      host = hostPort.substring(0, colon);
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        throw new SQLException("invalid port in " + url, "08001");
      }
    }
    boolean ssl = Boolean.parseBoolean(take(properties, "ssl"));
    properties.setProperty("url", (ssl ? "https" : "http") + "://" + host + ":" + port);
    properties.setProperty("serialization", "protobuf");
    // The service that hands the server's errors over unchanged (ServerError).
    properties.setProperty("factory", ErrorCarryingService.class.getName());
    properties.setProperty(QuiverRemoteDriver.CLIENT_PROPERTY, QuiverRemoteDriver.CLIENT_NAME);
    if (properties.getProperty(FETCH_SIZE) == null) {
      properties.setProperty(FETCH_SIZE, String.valueOf(DEFAULT_FETCH_SIZE));
    }
    if (properties.getProperty(RESPONSE_TIMEOUT) == null) {
      // Avatica's default (3 minutes) would fail any query whose first rows take longer.
      properties.setProperty(RESPONSE_TIMEOUT, String.valueOf(DEFAULT_RESPONSE_TIMEOUT_MILLIS));
    }
    String user = take(properties, "user");
    String password = take(properties, "password");
    if (user != null) {
      properties.setProperty("authentication", "BASIC");
      properties.setProperty("avatica_user", user);
      properties.setProperty("avatica_password", password == null ? "" : password);
    }
    return properties;
  }

  /** Removes and returns a property, whatever the case of its name. */
  private static String take(Properties properties, String name) {
    for (String key : properties.stringPropertyNames()) {
      if (key.toLowerCase(Locale.ROOT).equals(name)) {
        return (String) properties.remove(key);
      }
    }
    return null;
  }
}
