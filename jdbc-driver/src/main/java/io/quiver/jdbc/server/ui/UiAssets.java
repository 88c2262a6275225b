package io.quiver.jdbc.server.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The UI's static files, shipped in the jar under {@code io/quiver/jdbc/server/ui/assets}. */
public final class UiAssets {

  /** File name to content type: the only files served (no path from a request reaches the class loader). */
  private static final Map<String, String> FILES = Map.of(
      "index.html", "text/html;charset=utf-8",
      "app.js", "application/javascript;charset=utf-8",
      "style.css", "text/css;charset=utf-8");

  private UiAssets() {
  }

  /** The content type of a served file, or null if there is no such file. */
  public static String contentType(String name) {
    return FILES.get(name);
  }

  /** The file's bytes; null if there is no such file. */
  public static byte[] read(String name) throws IOException {
    if (!FILES.containsKey(name)) {
      return null;
    }
    try (InputStream in = UiAssets.class.getResourceAsStream("assets/" + name)) {
      return in == null ? null : in.readAllBytes();
    }
  }
}
