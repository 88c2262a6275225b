package io.quiver.jdbc.server;

import io.quiver.jdbc.client.QuiverBaseConnection;
import io.quiver.jdbc.remote.KeyMetadataCall;
import io.quiver.jdbc.server.ui.UiRoutes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP request of the server: authentication first (HTTP BASIC; 401 or 429 before the body is
 * read), then a bounded body of the right content type, then either the cancel route or Avatica's
 * protocol. A request whose password must be hashed is suspended (Servlet async) while the hash
 * runs on the authenticator's pool, so that request threads stay free for the users already logged
 * in; it resumes on a request thread once the hash said yes.
 *
 * <p>Routes: {@code /ui} (GET) the web UI and its JSON ({@link UiRoutes});
 * {@value #CANCEL_PATH}{@code ?connection=ID&statement=N} (POST) stops a statement's
 * running query, because Avatica's protocol has no cancel message; {@value #CLIENT_INFO_PATH}
 * {@code ?connection=ID&ApplicationName=NAME} (POST) names the session's client application;
 * {@value io.quiver.jdbc.remote.KeyMetadataCall#PATH} (POST) answers the key and index metadata
 * Avatica's protocol cannot ask for ({@link KeyMetadataCall}); any other path is Avatica's
 * protobuf endpoint, as its clients post to the URL they were given. Every refusal is a short text
 * without internals; every failure inside is logged here and answered without a stack trace.
 */
final class QuiverHttpHandler extends AbstractHandler {

  private static final Logger LOG = LoggerFactory.getLogger(QuiverHttpHandler.class);

  /** The path of the cancel route. */
  static final String CANCEL_PATH = "/quiver/cancel";
  /** The path of the route that names a connection's client application (JDBC client info). */
  static final String CLIENT_INFO_PATH = "/quiver/client-info";
  /** Largest request body: far above any real JDBC call, small enough that no body hurts memory. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
  /** How long a request may wait for its password hash before it is answered 429. */
  static final long HASH_WAIT_MILLIS = 30_000;
  /** Content types Avatica's protobuf clients send (none at all is accepted too). */
  private static final Set<String> PROTOBUF_TYPES = Set.of("application/octet-stream", "application/x-protobuf",
      "application/protobuf", "application/x-google-protobuf");
  private static final String USER_ATTRIBUTE = QuiverHttpHandler.class.getName() + ".user";

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
    try {
      Object resumed = request.getDispatcherType() == DispatcherType.ASYNC ? request.getAttribute(USER_ATTRIBUTE)
          : null;
      if (resumed instanceof String user) {
        serve(user, target == null ? request.getRequestURI() : target, request, response);
        return;
      }
      BasicAuthenticator.Decision decision = authenticator.authenticate(request.getHeader("Authorization"),
          request.getRemoteAddr());
      if (decision instanceof BasicAuthenticator.Authenticated authenticated) {
        serve(authenticated.user(), target, request, response);
      } else if (decision instanceof BasicAuthenticator.Refused refused) {
        refuse(response, refused);
      } else {
        suspend(request, response, (BasicAuthenticator.Pending) decision);
      }
    } catch (BadMessageException e) {
      // Jetty's own verdict on the request (a body cut short, too slow): a 4xx as it says
      LOG.debug("bad request {} {}: {}", request.getMethod(), request.getRequestURI(), e.getReason());
      if (!response.isCommitted()) {
        response.reset();
        text(response, e.getCode(), e.getCode() + " " + (e.getReason() == null ? "Bad Request" : e.getReason()));
      }
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      String reference = ErrorTranslation.logInternalError(e);
      if (!response.isCommitted()) {
        response.reset();
        // Avatica's clients read a 500's body as an error response, so it must be one
        AvaticaEndpoint.Reply reply = avatica.internalError(reference);
        response.setStatus(reply.status());
        response.setContentType("application/octet-stream");
        response.setContentLength(reply.body().length);
        response.getOutputStream().write(reply.body());
      }
    }
  }

  /** Frees the request thread until the hash is done; then resumes the request or refuses it. */
  private void suspend(HttpServletRequest request, HttpServletResponse response, BasicAuthenticator.Pending pending) {
    AsyncContext async = request.startAsync(request, response);
    async.setTimeout(HASH_WAIT_MILLIS);
    AtomicBoolean answered = new AtomicBoolean();
    async.addListener(new AsyncListener() {
      @Override
      public void onTimeout(AsyncEvent event) throws IOException {
        if (answered.compareAndSet(false, true)) {
          refuse(response, new BasicAuthenticator.Refused(BasicAuthenticator.TOO_MANY_REQUESTS,
              "429 Too Many Requests: the login waited too long; try again", 1));
          async.complete();
        }
      }

      @Override
      public void onComplete(AsyncEvent event) {
      }

      @Override
      public void onError(AsyncEvent event) {
      }

      @Override
      public void onStartAsync(AsyncEvent event) {
      }
    });
    pending.result().whenComplete((decision, failure) -> {
      if (!answered.compareAndSet(false, true)) {
        return;
      }
      try {
        if (decision instanceof BasicAuthenticator.Authenticated authenticated) {
          request.setAttribute(USER_ATTRIBUTE, authenticated.user());
          async.dispatch();
          return;
        }
        if (decision instanceof BasicAuthenticator.Refused refused) {
          refuse(response, refused);
        } else {
          AvaticaEndpoint.Reply reply = avatica.internalError(ErrorTranslation.logInternalError(failure));
          response.setStatus(reply.status());
          response.setContentType("application/octet-stream");
          response.setContentLength(reply.body().length);
          response.getOutputStream().write(reply.body());
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("could not answer a login: {}", e.toString());
      }
      async.complete();
    });
  }

  private void serve(String user, String target, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (UiRoutes.matches(target)) {
      // the UI shows the request's user their own queries (an admin everyone's)
      java.io.IOException failed = RequestUser.call(user, () -> {
        try {
          ui.handle(target, request, response);
          return null;
        } catch (java.io.IOException e) {
          return e;
        }
      });
      if (failed != null) {
        throw failed;
      }
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
    if (CANCEL_PATH.equals(target)) {
      cancel(user, request, response);
      return;
    }
    if (CLIENT_INFO_PATH.equals(target)) {
      clientInfo(user, request, response);
      return;
    }
    if (KeyMetadataCall.PATH.equals(target)) {
      keyMetadata(user, request, response);
      return;
    }
    String type = request.getContentType();
    if (type != null && !PROTOBUF_TYPES.contains(type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))) {
      text(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "415 Unsupported Media Type: this server "
          + "speaks Avatica's protobuf serialization (application/octet-stream), not " + type.split(";", 2)[0].strip());
      return;
    }
    byte[] body = AvaticaEndpoint.readBody(request.getInputStream(), MAX_BODY_BYTES);
    if (body == null) {
      text(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "413 Payload Too Large: the limit is " + MAX_BODY_BYTES + " bytes");
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
      text(response, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: no such connection");
    }
  }

  /** {@code ?connection=ID&ApplicationName=NAME} (no name: none): Avatica's protocol cannot say it. */
  private void clientInfo(String user, HttpServletRequest request, HttpServletResponse response) throws IOException {
    String connection = request.getParameter("connection");
    String name = request.getParameter("ApplicationName");
    if (connection == null || connection.isEmpty()) {
      text(response, HttpServletResponse.SC_BAD_REQUEST,
          "400 Bad Request: expected " + CLIENT_INFO_PATH + "?connection=ID&ApplicationName=NAME");
      return;
    }
    if (name != null && name.length() > QuiverBaseConnection.MAX_CLIENT_INFO_LENGTH) {
      text(response, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: the application name is longer than "
          + QuiverBaseConnection.MAX_CLIENT_INFO_LENGTH + " characters");
      return;
    }
    if (meta.setApplicationName(user, connection, name)) {
      text(response, HttpServletResponse.SC_OK, "set");
    } else {
      text(response, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: no such connection");
    }
  }

  /** A key or index metadata call of the thin driver ({@link KeyMetadataCall}). */
  private void keyMetadata(String user, HttpServletRequest request, HttpServletResponse response) throws IOException {
    String connection = request.getParameter("connection");
    KeyMetadataCall call;
    try {
      call = KeyMetadataCall.parse(request::getParameter);
    } catch (IllegalArgumentException e) {
      call = null;
    }
    if (connection == null || connection.isEmpty() || call == null) {
      text(response, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: expected " + KeyMetadataCall.PATH
          + "?connection=ID&operation=GET_PRIMARY_KEYS|GET_IMPORTED_KEYS|GET_EXPORTED_KEYS|GET_CROSS_REFERENCE"
          + "|GET_INDEX_INFO&name0=...");
      return;
    }
    KeyMetadataCall valid = call;
    AvaticaEndpoint.Reply reply = RequestUser.call(user, () -> avatica.keyMetadata(connection, valid));
    response.setStatus(reply.status());
    response.setContentType("application/octet-stream");
    response.setContentLength(reply.body().length);
    response.getOutputStream().write(reply.body());
  }

  private static void refuse(HttpServletResponse response, BasicAuthenticator.Refused refused) throws IOException {
    if (refused.status() == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Quiver\", charset=\"UTF-8\"");
    }
    if (refused.retryAfterSeconds() > 0) {
      response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
    }
    text(response, refused.status(), refused.message());
  }

  private static void text(HttpServletResponse response, int status, String message) throws IOException {
    byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
