package io.quiver.jdbc.server.ui;

import io.quiver.engine.Quiver;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * The web UI of an embedded engine (the shell's {@code --ui}), as Spark's local UI: on the loopback
 * address only, without authentication (whoever runs the shell owns the engine), nothing but the
 * UI's routes.
 */
public final class UiServer implements AutoCloseable {

  /** Spark's UI port, the default. */
  public static final int DEFAULT_PORT = 4040;

  private final Server jetty;
  private final ServerConnector connector;

  private UiServer(Server jetty, ServerConnector connector) {
    this.jetty = jetty;
    this.connector = connector;
  }

  /** Serves the engine's UI on {@code 127.0.0.1:port} (0 for any free port). */
  public static UiServer start(Quiver engine, int port) throws Exception {
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    jetty.addConnector(connector);
    UiRoutes routes = new UiRoutes(new UiApi(engine.history()));
    jetty.setHandler(new AbstractHandler() {
      @Override
      public void handle(String target, Request baseRequest, HttpServletRequest request,
          HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        if (UiRoutes.matches(target)) {
          routes.handle(target, request, response);
        } else {
          response.sendRedirect(UiRoutes.PATH + "/");
        }
      }
    });
    try {
      jetty.start();
    } catch (Exception e) {
      jetty.stop();
      throw e;
    }
    return new UiServer(jetty, connector);
  }

  /** The UI's address, {@code http://127.0.0.1:PORT/ui/}. */
  public String url() {
    return "http://127.0.0.1:" + connector.getLocalPort() + UiRoutes.PATH + "/";
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }
}
