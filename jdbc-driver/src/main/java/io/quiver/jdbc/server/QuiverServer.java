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
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LowResourceMonitor;
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
   * @param idleTimeout a JDBC connection without requests this long is closed (its session ends)
   * @param httpIdleTimeout an HTTP connection that sends nothing this long while the server waits for
   *     a request, its headers or its body is closed
   * @param maxConnections the most HTTP connections at once; beyond, new ones wait to be accepted
   * @param authentication the limits that keep logins from jamming the server
   */
  public record Options(String bind, int port, UserFile users, Path keystore, String keystorePassword,
      boolean allowPlaintext, Duration idleTimeout, Duration httpIdleTimeout, int maxConnections,
      AuthenticationLimits authentication) {

    public Options {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      if (users == null) {
        throw new IllegalArgumentException("the server needs a users file (--users FILE)");
      }
      for (Duration timeout : new Duration[] {idleTimeout, httpIdleTimeout}) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
          throw new IllegalArgumentException("timeouts must be positive, was " + timeout);
        }
      }
      if (maxConnections < 1) {
        throw new IllegalArgumentException("max connections must be positive, was " + maxConnections);
      }
      if (authentication == null) {
        authentication = AuthenticationLimits.defaults();
      }
    }

    /** With the default timeouts and limits. */
    public Options(String bind, int port, UserFile users, Path keystore, String keystorePassword,
        boolean allowPlaintext) {
      this(bind, port, users, keystore, keystorePassword, allowPlaintext, DEFAULT_IDLE_TIMEOUT);
    }

    /** With the default HTTP timeout and limits. */
    public Options(String bind, int port, UserFile users, Path keystore, String keystorePassword,
        boolean allowPlaintext, Duration idleTimeout) {
      this(bind, port, users, keystore, keystorePassword, allowPlaintext, idleTimeout, DEFAULT_HTTP_IDLE_TIMEOUT,
          DEFAULT_MAX_CONNECTIONS, AuthenticationLimits.defaults());
    }

    public static Options loopback(int port, UserFile users) {
      return new Options(DEFAULT_BIND, port, users, null, null, false);
    }

    public Options withHttpIdleTimeout(Duration timeout) {
      return new Options(bind, port, users, keystore, keystorePassword, allowPlaintext, idleTimeout, timeout,
          maxConnections, authentication);
    }

    public Options withAuthentication(AuthenticationLimits limits) {
      return new Options(bind, port, users, keystore, keystorePassword, allowPlaintext, idleTimeout, httpIdleTimeout,
          maxConnections, limits);
    }
  }

  /** How long an HTTP connection may send nothing while the server waits for a request. */
  public static final Duration DEFAULT_HTTP_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** HTTP connections at once. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1_000;

  /** How long a connection may go without requests before the server closes it. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);

  private final Server jetty;
  private final ServerConnector connector;
  private final ServerMeta meta;
  private final BasicAuthenticator authenticator;
  private final boolean tls;

  private final ScheduledExecutorService reaper;

  private QuiverServer(Server jetty, ServerConnector connector, ServerMeta meta, BasicAuthenticator authenticator,
      boolean tls, Duration idleTimeout) {
    this.jetty = jetty;
    this.authenticator = authenticator;
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
    // Jetty's idle timeout runs while it waits for bytes: a request line, headers or a body that
    // stall are cut off; a query that computes is not (the server is not waiting for the client).
    connector.setIdleTimeout(options.httpIdleTimeout().toMillis());
    jetty.addConnector(connector);
    jetty.addBean(new ConnectionLimit(options.maxConnections(), connector));
    LowResourceMonitor lowResources = new LowResourceMonitor(jetty);
    lowResources.setMonitorThreads(true);
    lowResources.setLowResourcesIdleTimeout((int) Math.min(options.httpIdleTimeout().toMillis(), 2_000));
    jetty.addBean(lowResources);
    // Every user's statements are checked against the grants from here on (roles from the users file).
    engine.enforceAccess(options.users().roles());
    ServerMeta meta = new ServerMeta(engine);
    AvaticaEndpoint avatica = new AvaticaEndpoint(meta, options.bind() + ":" + options.port());
    engine.history().setCurrentUser(RequestUser::current);
    BasicAuthenticator authenticator = new BasicAuthenticator(options.users(), options.authentication());
    jetty.setHandler(new QuiverHttpHandler(authenticator, meta, avatica,
        new UiRoutes(new UiApi(engine.history(), () -> viewerSees(engine, RequestUser.current())))));
    try {
      jetty.start();
    } catch (Exception e) {
      jetty.stop();
      authenticator.close();
      throw e;
    }
    return new QuiverServer(jetty, connector, meta, authenticator, tls, options.idleTimeout());
  }

  /** Whose queries the UI shows a user: their own; an admin's, everyone's. */
  private static java.util.function.Predicate<String> viewerSees(Quiver engine, String user) {
    if (user == null) {
      return name -> false;
    }
    return engine.access().subject(user).admin() ? name -> true : user::equals;
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

  /** The application names (JDBC's ApplicationName) of the open remote connections that gave one. */
  public java.util.Set<String> applicationNames() {
    return meta.applicationNames();
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
      authenticator.close();
      meta.closeAll();
    }
  }
}
