package io.quiver.jdbc.server;

import io.quiver.engine.Quiver;
import io.quiver.jdbc.server.ui.UiApi;
import io.quiver.jdbc.server.ui.UiRoutes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Quiver server: Avatica's JDBC protocol (protobuf over HTTP) on one engine, with HTTP BASIC
 * authentication, optional TLS, and a cancel route. Every remote JDBC connection is its own session.
 *
 * <p>It binds to the loopback address unless told otherwise, and refuses a non-loopback address
 * without TLS unless {@link Options#allowPlaintext()} says that is really wanted: passwords travel
 * in every request.
 */
public final class QuiverServer implements AutoCloseable {

  public static final int DEFAULT_PORT = 8765;
  public static final String DEFAULT_BIND = "127.0.0.1";

  /**
   * How to run the server.
   *
   * @param bind the address to listen on
   * @param port the port; 0 for any free one
   * @param users who may connect
   * @param keystore a keystore (PKCS12 or JKS) with the server's key and certificate for TLS; null for plain HTTP
   * @param keystorePassword the keystore's password
   * @param allowPlaintext allow plain HTTP on a non-loopback address
   */
  public record Options(String bind, int port, UserFile users, Path keystore, String keystorePassword,
      boolean allowPlaintext, Duration idleTimeout) {

    public Options {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      if (users == null) {
        throw new IllegalArgumentException("the server needs a users file (--users FILE)");
      }
      if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("the idle timeout must be positive, was " + idleTimeout);
      }
    }

    /** With the default idle timeout. */
    public Options(String bind, int port, UserFile users, Path keystore, String keystorePassword,
        boolean allowPlaintext) {
      this(bind, port, users, keystore, keystorePassword, allowPlaintext, DEFAULT_IDLE_TIMEOUT);
    }

    public static Options loopback(int port, UserFile users) {
      return new Options(DEFAULT_BIND, port, users, null, null, false);
    }
  }

  /** How long a connection may go without requests before the server closes it. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);

  private final Server jetty;
  private final ServerConnector connector;
  private final ServerMeta meta;
  private final boolean tls;

  private final ScheduledExecutorService reaper;

  private QuiverServer(Server jetty, ServerConnector connector, ServerMeta meta, boolean tls, Duration idleTimeout) {
    this.jetty = jetty;
    this.connector = connector;
    this.meta = meta;
    this.tls = tls;
    this.reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "quiver-server-idle-connections");
      thread.setDaemon(true);
      return thread;
    });
    long idleNanos = idleTimeout.toNanos();
    long periodMillis = Math.max(1, Math.min(60_000, idleTimeout.toMillis() / 4));
    reaper.scheduleWithFixedDelay(() -> meta.closeIdle(idleNanos), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Starts a server over the engine (which stays the caller's to close, after the server). */
  public static QuiverServer start(Quiver engine, Options options) throws Exception {
    InetAddress address = resolve(options.bind());
    boolean tls = options.keystore() != null;
    if (!tls && !address.isLoopbackAddress() && !options.allowPlaintext()) {
      throw new IllegalArgumentException("refusing to listen on " + options.bind()
          + " without TLS: passwords would cross the network in clear text; give --tls-keystore,"
          + " or --allow-plaintext if the network is trusted");
    }
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("quiver-http");
    Server jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector;
    if (tls) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(options.keystore().toAbsolutePath().toString());
      if (options.keystorePassword() != null) {
        ssl.setKeyStorePassword(options.keystorePassword());
      }
      // Clients connect by address as often as by name; the certificate check is theirs to make.
      http.addCustomizer(new SecureRequestCustomizer(false));
      connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
          new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    }
    connector.setHost(options.bind());
    connector.setPort(options.port());
    jetty.addConnector(connector);
    ServerMeta meta = new ServerMeta(engine);
    AvaticaEndpoint avatica = new AvaticaEndpoint(meta, options.bind() + ":" + options.port());
    engine.history().setCurrentUser(RequestUser::current);
    jetty.setHandler(new QuiverHttpHandler(new BasicAuthenticator(options.users()), meta, avatica,
        new UiRoutes(new UiApi(engine.history()))));
    try {
      jetty.start();
    } catch (Exception e) {
      jetty.stop();
      throw e;
    }
    return new QuiverServer(jetty, connector, meta, tls, options.idleTimeout());
  }

  private static InetAddress resolve(String bind) {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve the bind address '" + bind + "'", e);
    }
  }

  /** The port the server listens on (the chosen one when started with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The server's base URL, {@code http://host:port} or {@code https://host:port}. */
  public String url() {
    String host = connector.getHost();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return (tls ? "https" : "http") + "://" + host + ":" + port();
  }

  /** Remote connections now open. */
  public int openConnections() {
    return meta.connectionCount();
  }

  /** Waits until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /** Stops listening, then closes every remote connection (stopping their queries). */
  @Override
  public void close() throws Exception {
    reaper.shutdownNow();
    try {
      jetty.stop();
    } finally {
      meta.closeAll();
    }
  }
}
