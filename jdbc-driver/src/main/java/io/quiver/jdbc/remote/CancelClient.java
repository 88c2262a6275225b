package io.quiver.jdbc.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.calcite.avatica.ConnectionConfig;

/**
 * Calls the server's cancel route ({@code POST /quiver/cancel?connection=ID&statement=N}) with the
 * connection's credentials: Avatica's protocol has no cancel message, and its client is busy in
 * the request the query blocks.
 */
final class CancelClient {

  static final String PATH = "/quiver/cancel";

  /**
   * HTTP clients shared by every connection of the JVM, one per trust configuration: building one
   * takes a second (TLS set-up) and each keeps a selector thread until it is collected, so a
   * client per connection made the first cancel slow and left threads behind.
   */
  private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();

  private final String baseUrl;
  private final String authorization;
  private final HttpClient http;

  CancelClient(ConnectionConfig config) throws SQLException {
    this.baseUrl = config.url().replaceAll("/+$", "");
    String user = config.avaticaUser();
    this.authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + (config.avaticaPassword() == null ? "" : config.avaticaPassword()))
            .getBytes(StandardCharsets.UTF_8));
    this.http = sharedClient(config);
  }

  private static HttpClient sharedClient(ConnectionConfig config) throws SQLException {
    String key = config.truststore() == null ? "" : config.truststore().getAbsolutePath() + "\0"
        + (config.truststorePassword() == null ? "" : config.truststorePassword());
    HttpClient client = CLIENTS.get(key);
    if (client == null) {
      HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
      if (config.truststore() != null) {
        builder.sslContext(sslContext(config));
      }
      HttpClient built = builder.build();
      client = CLIENTS.putIfAbsent(key, built);
      if (client == null) {
        client = built;
      }
    }
    return client;
  }

  /** Asks the server to stop the statement's running query. */
  void cancel(String connectionId, int statementId) throws SQLException {
    URI uri = URI.create(baseUrl + PATH + "?connection=" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)
        + "&statement=" + statementId);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SQLException("cannot reach the server to cancel: " + e.getMessage(), "08006", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while cancelling", "57014", e);
    }
    // 404: the statement or connection is gone already, so nothing runs: that is a cancel too.
    if (response.statusCode() != 200 && response.statusCode() != 404) {
      throw new SQLException("the server refused the cancel: " + response.body().strip(),
          response.statusCode() == 401 ? "28000" : "08006");
    }
  }

  private static SSLContext sslContext(ConnectionConfig config) throws SQLException {
    try (InputStream in = Files.newInputStream(config.truststore().toPath())) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      String password = config.truststorePassword();
      store.load(in, password == null ? null : password.toCharArray());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new SQLException("cannot read the truststore " + config.truststore() + ": " + e.getMessage(), "08001", e);
    }
  }
}
