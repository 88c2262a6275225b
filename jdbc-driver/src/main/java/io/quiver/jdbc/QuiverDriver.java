package io.quiver.jdbc;

import io.quiver.engine.Quiver;
import io.quiver.engine.Session;
import io.quiver.jdbc.meta.QuiverMeta;
import io.quiver.jdbc.remote.QuiverRemoteDriver;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * The embedded JDBC driver, {@code jdbc:quiver:}. Every connection opens one session on the JVM's
 * shared embedded engine, which starts on first use.
 *
 * <p>URL: {@code jdbc:quiver:} followed by optional {@code name=value} pairs separated by
 * {@code ;}, for example {@code jdbc:quiver:schema=sf1} or {@code jdbc:quiver:schema=tpch.sf1;slots=4}.
 * Properties: {@code schema} (the session's schema, {@code schema} or {@code catalog.schema};
 * default {@code tpch.tiny}), {@code catalog}, {@code slots} (executor slots of the embedded
 * engine, taken from the first connection of the JVM only).
 *
 * <p>{@code jdbc:quiver://HOST[:PORT]...} URLs go to the thin driver ({@link QuiverRemoteDriver}),
 * so BI tools need only this one class for the embedded engine and for a server.
 */
public class QuiverDriver extends UnregisteredDriver {

  public static final String CONNECT_STRING_PREFIX = "jdbc:quiver:";

  static {
    new QuiverDriver().register();
  }

  private static final QuiverRemoteDriver REMOTE = new QuiverRemoteDriver();

  public QuiverDriver() {
    super();
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url != null && url.startsWith(QuiverRemoteDriver.CONNECT_STRING_PREFIX)) {
      return REMOTE.connect(url, info);
    }
    return super.connect(url, info);
  }

  @Override
  protected String getConnectStringPrefix() {
    return CONNECT_STRING_PREFIX;
  }

  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return QuiverJdbcFactory.class.getName();
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion("Quiver JDBC Driver", QuiverMeta.VERSION, "Quiver", QuiverMeta.VERSION, true,
        QuiverMeta.MAJOR_VERSION, QuiverMeta.MINOR_VERSION, QuiverMeta.MAJOR_VERSION,
        QuiverMeta.MINOR_VERSION);
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    Properties info = ((QuiverConnection) connection).properties();
    Object given = info.get(ConnectionProperties.ENGINE);
    Quiver engine = given instanceof Quiver quiver ? quiver : EmbeddedEngine.get(info);
    Object user = given instanceof Quiver ? info.get(ConnectionProperties.SESSION_USER) : null;
    Session session = user instanceof String name ? engine.openSession(name) : engine.openSession();
    try {
      String catalog = ConnectionProperties.get(info, ConnectionProperties.CATALOG);
      if (catalog != null) {
        session.setCatalog(catalog);
      }
      String schema = ConnectionProperties.get(info, ConnectionProperties.SCHEMA);
      if (schema != null) {
        session.setSchema(schema);
      }
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    return new QuiverMeta(connection, engine, session);
  }

  /**
   * The JVM's shared embedded engine that {@code jdbc:quiver:} connections use, started now if it
   * is not yet ({@code info} may hold {@code slots}); for tools that watch its events, like the
   * shell's progress line.
   */
  public static Quiver embeddedEngine(Properties info) {
    return EmbeddedEngine.get(info == null ? new Properties() : info);
  }

  /**
   * A connection to the given engine rather than the shared embedded one (the engine stays open
   * when the connection closes). {@code info} may hold {@code schema} and {@code catalog}.
   */
  public static Connection connect(Quiver engine, Properties info) throws SQLException {
    return connect(engine, info, null);
  }

  /**
   * A connection to the given engine whose session runs as {@code user} (its admission and memory
   * limits); null for the engine's default user.
   */
  public static Connection connect(Quiver engine, Properties info, String user) throws SQLException {
    Properties properties = new Properties();
    if (info != null) {
      properties.putAll(info);
    }
    properties.remove(ConnectionProperties.SESSION_USER);
    if (user != null) {
      properties.put(ConnectionProperties.SESSION_USER, user);
    }
    properties.put(ConnectionProperties.ENGINE, engine);
    QuiverDriver driver = new QuiverDriver();
    return driver.factory.newConnection(driver, driver.factory, CONNECT_STRING_PREFIX, properties);
  }
}
