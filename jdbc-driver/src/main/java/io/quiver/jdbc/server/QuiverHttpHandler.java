package io.quiver.jdbc.server;

import io.quiver.jdbc.server.ui.UiApi;
import io.quiver.jdbc.server.ui.UiAssets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * Every HTTP request of the server: authentication first (HTTP BASIC; 401 otherwise, before the
 * body is read), then a bounded body, then either the cancel route or Avatica's protocol.
 *
 * <p>Routes: {@value #UI_PATH} (GET) the web UI and its JSON ({@link UiApi});
 * {@value #CANCEL_PATH}{@code ?connection=ID&statement=N} (POST) stops a statement's
 * running query, because Avatica's protocol has no cancel message; any other path is Avatica's
 * protobuf endpoint, as its clients post to the URL they were given.
 */
final class QuiverHttpHandler extends AbstractHandler {

  /** The path of the cancel route. */
  static final String CANCEL_PATH = "/quiver/cancel";
  /** Largest request body: far above any real JDBC call, small enough that no body hurts memory. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  /** The web UI's path; its JSON is below {@code /ui/api}. */
  static final String UI_PATH = "/ui";

  private final BasicAuthenticator authenticator;
  private final ServerMeta meta;
  private final AvaticaEndpoint avatica;
  private final UiApi ui;

  QuiverHttpHandler(BasicAuthenticator authenticator, ServerMeta meta, AvaticaEndpoint avatica, UiApi ui) {
    this.authenticator = authenticator;
    this.meta = meta;
    this.avatica = avatica;
    this.ui = ui;
  }

  /** GET of a UI page, asset or JSON resource (after authentication). */
  private void ui(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!"GET".equals(request.getMethod())) {
      response.setHeader("Allow", "GET");
      text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "405 Method Not Allowed: the UI takes GET requests");
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    if (path.startsWith("/api/")) {
      String json = ui.get(path.substring("/api".length()));
      if (json == null) {
        text(response, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: " + UI_PATH + path);
        return;
      }
      send(response, "application/json;charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (path.isEmpty()) {
      response.sendRedirect(UI_PATH + "/");
      return;
    }
    String name = path.equals("/") ? "index.html" : path.substring(1);
    byte[] asset = UiAssets.read(name);
    if (asset == null) {
      text(response, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: " + UI_PATH + path);
      return;
    }
    send(response, UiAssets.contentType(name), asset);
  }

  private static void send(HttpServletResponse response, String contentType, byte[] body) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    baseRequest.setHandled(true);
    String authorization = request.getHeader("Authorization");
    String user = authenticator.authenticate(authorization);
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Quiver\", charset=\"UTF-8\"");
      text(response, HttpServletResponse.SC_UNAUTHORIZED, authorization == null
          ? "401 Unauthorized: this Quiver server requires a user name and password (HTTP BASIC)"
          : "401 Unauthorized: wrong user name or password");
      return;
    }
    if (target.equals(UI_PATH) || target.startsWith(UI_PATH + "/")) {
      ui(target.substring(UI_PATH.length()), request, response);
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
          "405 Method Not Allowed: Quiver's server takes POST requests (Avatica protobuf)");
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      text(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "413 Payload Too Large: the limit is " + MAX_BODY_BYTES + " bytes");
      return;
    }
    byte[] body = AvaticaEndpoint.readBody(request.getInputStream(), MAX_BODY_BYTES);
    if (body == null) {
      text(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "413 Payload Too Large: the limit is " + MAX_BODY_BYTES + " bytes");
      return;
    }
    if (CANCEL_PATH.equals(target)) {
      cancel(user, request, response);
      return;
    }
    AvaticaEndpoint.Reply reply = RequestUser.call(user, () -> avatica.handle(body));
    response.setStatus(reply.status());
    response.setContentType("application/octet-stream");
    response.setContentLength(reply.body().length);
    response.getOutputStream().write(reply.body());
  }

  private void cancel(String user, HttpServletRequest request, HttpServletResponse response) throws IOException {
    String connection = request.getParameter("connection");
    String statement = request.getParameter("statement");
    int statementId;
    try {
      statementId = Integer.parseInt(statement == null ? "" : statement.trim());
    } catch (NumberFormatException e) {
      statementId = -1;
    }
    if (connection == null || connection.isEmpty() || statementId < 0) {
      text(response, HttpServletResponse.SC_BAD_REQUEST,
          "400 Bad Request: expected " + CANCEL_PATH + "?connection=ID&statement=N");
      return;
    }
    if (meta.cancel(user, connection, statementId)) {
      text(response, HttpServletResponse.SC_OK, "cancelled");
    } else {
      text(response, HttpServletResponse.SC_NOT_FOUND,
          "404 Not Found: no open connection " + connection + " of this user");
    }
  }

  private static void text(HttpServletResponse response, int status, String message) throws IOException {
    byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
