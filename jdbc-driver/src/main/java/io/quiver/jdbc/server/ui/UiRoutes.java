package io.quiver.jdbc.server.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The UI's HTTP routes below {@value #PATH}: pages and assets from the jar, JSON from {@link UiApi}.
 * The caller has authenticated the request (the server) or serves loopback only (the shell's
 * {@code --ui}).
 */
public final class UiRoutes {

  public static final String PATH = "/ui";

  private final UiApi api;

  public UiRoutes(UiApi api) {
    this.api = api;
  }

  /** Whether {@code target} is the UI's. */
  public static boolean matches(String target) {
    return target.equals(PATH) || target.startsWith(PATH + "/");
  }

  /** Answers a request for {@code target} (a path that {@link #matches}). */
  public void handle(String target, HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = target.substring(PATH.length());
    if (!"GET".equals(request.getMethod())) {
      response.setHeader("Allow", "GET");
      text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "405 Method Not Allowed: the UI takes GET requests");
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    if (path.startsWith("/api/")) {
      String json = api.get(path.substring("/api".length()));
      if (json == null) {
        text(response, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: " + target);
        return;
      }
      send(response, "application/json;charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (path.isEmpty()) {
      response.sendRedirect(PATH + "/");
      return;
    }
    String name = path.equals("/") ? "index.html" : path.substring(1);
    byte[] asset = UiAssets.read(name);
    if (asset == null) {
      text(response, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: " + target);
      return;
    }
    send(response, UiAssets.contentType(name), asset);
  }

  private static void text(HttpServletResponse response, int status, String message) throws IOException {
    send(response, status, "text/plain;charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpServletResponse response, String contentType, byte[] body) throws IOException {
    send(response, HttpServletResponse.SC_OK, contentType, body);
  }

  private static void send(HttpServletResponse response, int status, String contentType, byte[] body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
