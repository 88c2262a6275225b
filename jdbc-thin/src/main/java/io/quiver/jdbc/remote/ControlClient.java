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
import java.sql.SQLNonTransientConnectionException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * Calls the server's routes for what Avatica's protocol cannot say, with the connection's
 * credentials: the cancel ({@code POST /quiver/cancel?connection=ID&statement=N}; Avatica's client
 * is busy in the request the query blocks), the client application's name
 * ({@code POST /quiver/client-info?connection=ID&ApplicationName=NAME}), and the key and index
 * metadata ({@link KeyMetadataCall}).
 */
final class ControlClient {

  static final String CANCEL_PATH = "/quiver/cancel";
  static final String CLIENT_INFO_PATH = "/quiver/client-info";

  /**
   * HTTP clients shared by every connection of the JVM, one per trust configuration: building one
   * takes a second (TLS set-up) and each keeps a selector thread until it is collected, so a
   * client per connection made the first cancel slow and left threads behind.
   */
  private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();
  private static final ProtobufTranslation TRANSLATION = new ProtobufTranslationImpl();

  private final String baseUrl;
  private final String authorization;
  private final HttpClient http;

  ControlClient(ConnectionConfig config) throws SQLException {
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
    HttpResponse<String> response = post(CANCEL_PATH + "?connection=" + encode(connectionId) + "&statement="
        + statementId, "cancel", HttpResponse.BodyHandlers.ofString());
    // 404: the statement or connection is gone already, so nothing runs: that is a cancel too.
    if (response.statusCode() != 200 && response.statusCode() != 404) {
      throw refused(response.statusCode(), response.body(), "cancel");
    }
  }

  /** Names the connection's client application on the server (null: none). */
  void setApplicationName(String connectionId, String name) throws SQLException {
    HttpResponse<String> response = post(CLIENT_INFO_PATH + "?connection=" + encode(connectionId)
        + (name == null ? "" : "&ApplicationName=" + encode(name)), "set the client info",
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw refused(response.statusCode(), response.body(), "client info");
    }
  }

  /**
   * Runs a key metadata call on the server ({@link KeyMetadataCall}); its answer is Avatica's result
   * set response, as for getTables.
   */
  Service.ResultSetResponse keyMetadata(String connectionId, KeyMetadataCall call) throws SQLException {
    HttpResponse<byte[]> response = post(call.pathAndQuery(connectionId), "read key metadata",
        HttpResponse.BodyHandlers.ofByteArray());
    Service.Response decoded;
    try {
      decoded = TRANSLATION.parseResponse(response.body());
    } catch (IOException | RuntimeException e) {
      decoded = null; // a refusal in plain text (401, 429, ...)
    }
    if (response.statusCode() == 200 && decoded instanceof Service.ResultSetResponse result) {
      return result;
    }
    if (decoded instanceof Service.ErrorResponse error) {
      ServerError server = ServerError.of(new AvaticaClientRuntimeException(error.errorMessage, error.errorCode,
          error.sqlState, error.severity, error.exceptions, error.rpcMetadata));
      if (server == null) {
        throw new SQLNonTransientConnectionException("the connection is closed on the server", "08003");
      }
      throw server.toSqlException();
    }
    throw refused(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), "metadata call");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static SQLException refused(int status, String body, String what) {
    return new SQLException("the server refused the " + what + ": " + body.strip(), status == 401 ? "28000" : "08006");
  }

  private <T> HttpResponse<T> post(String pathAndQuery, String what, HttpResponse.BodyHandler<T> body)
      throws SQLException {
    URI uri = URI.create(baseUrl + pathAndQuery);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(request.build(), body);
    } catch (IOException e) {
      throw new SQLException("cannot reach the server to " + what + ": " + e.getMessage(), "08006", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while trying to " + what, "57014", e);
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
