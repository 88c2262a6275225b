package io.quiver.jdbc.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;

/**
 * One thin-driver connection's way to the server over {@code java.net.http}: Avatica's protocol
 * ({@link #send}) and the server's own routes ({@link #post}), each request with this connection's
 * credentials in its own {@code Authorization} header. Nothing about a user is shared between
 * connections (Avatica's Apache HttpClient kept BASIC credentials in state its pooled clients
 * shared, so threads of one JVM could send each other's); only the immutable {@link HttpClient}
 * of a trust configuration is, because building one costs a TLS set-up and a selector thread.
 */
final class HttpTransport implements AvaticaHttpClient {

  /**
   * The HTTP clients of the JVM, one per trust and key store configuration; each keeps one selector
   * thread (a daemon) for the life of the JVM.
   */
  private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();

  /**
   * The clients' worker threads: daemons that end after a second without work (the JDK's default
   * pool keeps them a minute), so that a tool's idle JVM holds none.
   */
  private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
      new SynchronousQueue<>(), new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
          Thread thread = new Thread(runnable, "quiver-http-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }
      });

  private final URI endpoint;
  private final String baseUrl;
  private final String authorization;
  private final Duration responseTimeout;
  private final HttpClient http;

  HttpTransport(ConnectionConfig config) throws SQLException {
    this.baseUrl = config.url().replaceAll("/+$", "");
    this.endpoint = URI.create(config.url());
    String user = config.avaticaUser();
    this.authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + (config.avaticaPassword() == null ? "" : config.avaticaPassword()))
            .getBytes(StandardCharsets.UTF_8));
    long timeout = config.getHttpResponseTimeout();
    this.responseTimeout = timeout > 0 ? Duration.ofMillis(timeout) : null;
    this.http = sharedClient(config);
  }

  /**
   * Avatica's request: posts the protobuf body; the answer of a 200 or a 500 (an error response) is
   * the body; a 503 is tried again; anything else fails as Avatica's client fails
   * ("... HTTP/401"), which {@link RemoteErrors} turns into a SQLException.
   */
  @Override
  public byte[] send(byte[] request) {
    while (true) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
          .header("Content-Type", "application/octet-stream")
          .POST(HttpRequest.BodyPublishers.ofByteArray(request));
      if (responseTimeout != null) {
        builder.timeout(responseTimeout);
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(authorized(builder).build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new RuntimeException("cannot reach the server at " + baseUrl + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuntimeException("interrupted while waiting for the server", e);
      }
      int status = response.statusCode();
      if (status == 200 || status == 500) {
        return response.body();
      }
      if (status != 503) {
        throw new RuntimeException("Failed to execute HTTP Request, got HTTP/" + status);
      }
    }
  }

  /** Posts to one of the server's own routes (a path with its query) with no body. */
  <T> HttpResponse<T> post(String pathAndQuery, String what, HttpResponse.BodyHandler<T> body) throws SQLException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
    try {
      return http.send(authorized(builder).build(), body);
    } catch (IOException e) {
      throw new SQLException("cannot reach the server to " + what + ": " + e.getMessage(), "08006", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while trying to " + what, "57014", e);
    }
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private static HttpClient sharedClient(ConnectionConfig config) throws SQLException {
    String key = String.join("\0", path(config.truststore()), String.valueOf(config.truststorePassword()),
        path(config.keystore()), String.valueOf(config.keystorePassword()), String.valueOf(config.keyPassword()),
        String.valueOf(config.getHttpConnectionTimeout()));
    HttpClient client = CLIENTS.get(key);
    if (client != null) {
      return client;
    }
    long connectTimeout = config.getHttpConnectionTimeout();
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofMillis(connectTimeout > 0 ? connectTimeout : 10_000)).executor(WORKERS);
    if (config.truststore() != null || config.keystore() != null) {
      builder.sslContext(sslContext(config));
    }
    HttpClient built = builder.build();
    client = CLIENTS.putIfAbsent(key, built);
    return client == null ? built : client;
  }

  private static String path(java.io.File file) {
    return file == null ? "" : file.getAbsolutePath();
  }

  private static SSLContext sslContext(ConnectionConfig config) throws SQLException {
    try {
      TrustManagerFactory trust = null;
      if (config.truststore() != null) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(config.truststore(), config.truststorePassword(), KeyStore.getDefaultType()));
      }
      KeyManagerFactory keys = null;
      if (config.keystore() != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String keyPassword = config.keyPassword() != null ? config.keyPassword() : config.keystorePassword();
        keys.init(load(config.keystore(), config.keystorePassword(), config.keystoreType()),
            keyPassword == null ? null : keyPassword.toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new SQLException("cannot read the truststore or keystore: " + e.getMessage(), "08001", e);
    }
  }

  private static KeyStore load(java.io.File file, String password, String type)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file.toPath())) {
      KeyStore store = KeyStore.getInstance(type == null || type.isEmpty() ? KeyStore.getDefaultType() : type);
      store.load(in, password == null ? null : password.toCharArray());
      return store;
    }
  }
}
