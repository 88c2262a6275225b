package io.quiver.engine.connector.plugin;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.spi.Connector;
import io.quiver.spi.ConnectorException;
import io.quiver.spi.ConnectorFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Finds the SPI connectors on the class path with {@link ServiceLoader} and makes them, on the
 * driver and on every executor process alike. A connector's settings are the system properties
 * {@code quiver.connector.<name>.<key>}.
 */
public final class PluginConnectors {

  /** The prefix of a connector's settings among the system properties. */
  public static final String PROPERTY_PREFIX = "quiver.connector.";

  private PluginConnectors() {
  }

  /**
   * Every connector the class path offers, by catalog name, made now; the caller closes them.
   *
   * @param taken catalog names already in use (a plugin cannot replace a built-in catalog)
   */
  public static Map<String, Connector> load(ClassLoader classLoader, List<String> taken) {
    Map<String, Connector> connectors = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(taken);
    try {
      for (ConnectorFactory factory : ServiceLoader.load(ConnectorFactory.class, classLoader)) {
        String name = factory.name();
        if (name == null || name.isBlank() || names.contains(name)) {
          throw new QuiverException(ErrorCode.INVALID_PARAMETER, "connector " + factory.getClass().getName()
              + " has the name '" + name + "', which is empty or taken");
        }
        names.add(name);
        connectors.put(name, factory.create(settings(name, System.getProperties())));
      }
    } catch (RuntimeException | java.util.ServiceConfigurationError e) {
      connectors.values().forEach(PluginConnectors::closeQuietly);
      if (e instanceof QuiverException quiver) {
        throw quiver;
      }
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "could not load the connectors on the class path: " + e, e);
    }
    return connectors;
  }

  static Map<String, String> settings(String name, Properties properties) {
    String prefix = PROPERTY_PREFIX + name + ".";
    Map<String, String> settings = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        settings.put(key.substring(prefix.length()), properties.getProperty(key));
      }
    }
    return settings;
  }

  /** A connector's error as Quiver's: the code whose SQLSTATE it gave, else IO_ERROR. */
  static QuiverException toQuiverException(String catalog, ConnectorException e) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.sqlState().equals(e.sqlState())) {
        return new QuiverException(code, "connector " + catalog + ": " + e.getMessage(), e);
      }
    }
    return new QuiverException(ErrorCode.IO_ERROR, "connector " + catalog + " (" + e.sqlState() + "): "
        + e.getMessage(), e);
  }

  static void closeQuietly(Connector connector) {
    try {
      connector.close();
    } catch (Exception ignored) {
      // closing anyway
    }
  }
}
