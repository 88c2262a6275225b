package io.quiver.jdbc.server;

import io.quiver.jdbc.server.ui.UiRoutes;
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
 * <p>Routes: {@code /ui} (GET) the web UI and its JSON ({@link UiRoutes});
 * {@value #CANCEL_PATH}{@code ?connection=ID&statement=N} (POST) stops a statement's
 * running query, because Avatica's protocol has no cancel message; any other path is Avatica's
 * protobuf endpoint, as its clients post to the URL they were given.
 */
final class QuiverHttpHandler extends AbstractHandler {

  /** The path of the cancel route. */
  static final String CANCEL_PATH = "/quiver/cancel";
  /** Largest request body: far above any real JDBC call, small enough that no body hurts memory. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  private final BasicAuthenticator authenticator;
  private final ServerMeta meta;
  private final AvaticaEndpoint avatica;
  private final UiRoutes ui;

  QuiverHttpHandler(BasicAuthenticator authenticator, ServerMeta meta, AvaticaEndpoint avatica, UiRoutes ui) {
    this.authenticator = authenticator;
    this.meta = meta;
    this.avatica = avatica;
    this.ui = ui;
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
    if (UiRoutes.matches(target)) {
      ui.handle(target, request, response);
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
