package io.quiver.jdbc;

import java.util.Locale;
import java.util.Properties;

/**
 * The connection properties Quiver reads, from the URL ({@code jdbc:quiver:schema=sf1;slots=4}) or
 * from the {@link Properties} given to {@code DriverManager.getConnection}. Names are
 * case-insensitive.
 */
final class ConnectionProperties {

  /** The session's schema: {@code schema} in the current catalog, or {@code catalog.schema}. */
  static final String SCHEMA = "schema";
  /** The session's catalog (default {@code tpch}). */
  static final String CATALOG = "catalog";
  /** Executor slots of the embedded engine; only the JVM's first connection sets it. */
  static final String SLOTS = "slots";
  /**
   * The embedded engine's data directories (where files may be read and written), separated by the
   * path separator; only the JVM's first connection sets them. Default: the working directory.
   */
  static final String DATA_DIR = "datadir";
  /** Key of a {@code Quiver} object in the properties: a connection to that engine instead. */
  static final String ENGINE = "io.quiver.engine";
  /**
   * The user a connection to a given engine runs as ({@link QuiverDriver#connect(io.quiver.engine.Quiver,
   * Properties, String)}); ignored without {@link #ENGINE}.
   */
  static final String SESSION_USER = "io.quiver.sessionUser";

  private ConnectionProperties() {
  }

  static String get(Properties info, String name) {
    String value = info.getProperty(name);
    if (value != null) {
      return value;
    }
    for (String key : info.stringPropertyNames()) {
      if (key.toLowerCase(Locale.ROOT).equals(name)) {
        return info.getProperty(key);
      }
    }
    return null;
  }
}
