package io.quiver.jdbc.remote;

import io.quiver.jdbc.client.QuiverVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

/**
 * The thin driver, {@code jdbc:quiver://HOST[:PORT][/SCHEMA][;NAME=VALUE...]}: Avatica's remote
 * client (protobuf over HTTP) to a Quiver server, plus what Avatica lacks: {@code Statement.cancel()}
 * and {@code setQueryTimeout} reach the query on the server. {@code user} and {@code password}
 * become HTTP BASIC credentials; {@code ssl=true} uses HTTPS ({@code truststore} and
 * {@code truststore_password} for a private certificate authority).
 *
 * <p>{@link io.quiver.jdbc.QuiverDriver} hands such URLs here, so one driver class serves both.
 */
public class QuiverRemoteDriver extends Driver {

  public static final String CONNECT_STRING_PREFIX = RemoteUrl.PREFIX;
  /** Connection property the thin driver sends the server so that it describes results for it. */
  public static final String CLIENT_PROPERTY = "quiver_client";
  public static final String CLIENT_NAME = "thin";

  public QuiverRemoteDriver() {
    super();
  }

  @Override
  protected String getConnectStringPrefix() {
    return CONNECT_STRING_PREFIX;
  }

  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return RemoteFactory.class.getName();
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion("Quiver JDBC Driver (remote)", QuiverVersion.VERSION, "Quiver", QuiverVersion.VERSION,
        true, QuiverVersion.MAJOR_VERSION, QuiverVersion.MINOR_VERSION, QuiverVersion.MAJOR_VERSION,
        QuiverVersion.MINOR_VERSION);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null || !url.startsWith(CONNECT_STRING_PREFIX)) {
      return null;
    }
    Properties properties = RemoteUrl.parse(url, info);
    Connection connection;
    try {
      connection = super.connect(CONNECT_STRING_PREFIX, properties);
    } catch (RuntimeException e) {
      throw RemoteErrors.connectFailure(url, e);
    }
    // Avatica keeps "schema" to itself rather than sending it: set the session's explicitly.
    try {
      String catalog = properties.getProperty("catalog");
      if (catalog != null) {
        connection.setCatalog(catalog);
      }
      String schema = properties.getProperty("schema");
      if (schema != null) {
        connection.setSchema(schema);
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
