package io.quiver.jdbc;

import io.quiver.engine.Session;
import io.quiver.jdbc.client.QuiverBaseConnection;
import io.quiver.jdbc.meta.QuiverMeta;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * A JDBC connection: one Quiver session. {@code unwrap(QuiverConnection.class).session()} gives the
 * session to Java code that wants the Arrow API next to JDBC.
 */
public class QuiverConnection extends QuiverBaseConnection {

  QuiverConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
  }

  /** The properties the connection was opened with; also read while the superclass is built. */
  Properties properties() {
    return info;
  }

  /** The Meta behind this connection; the server routes its remote clients' calls to it. */
  public QuiverMeta quiverMeta() {
    return (QuiverMeta) meta;
  }

  /** The engine session behind this connection. */
  public Session session() {
    return quiverMeta().session();
  }

  @Override
  protected void applicationNameChanged(String name) {
    session().setApplicationName(name);
  }

  /** Preparing plans a query: its errors (unknown table, syntax) carry their SQLState. */
  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    try {
      return super.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    } catch (SQLException | RuntimeException e) {
      throw QuiverSqlExceptions.convert(e);
    }
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    try {
      super.setSchema(schema);
    } catch (RuntimeException e) {
      throw QuiverSqlExceptions.convert(e);
    }
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    try {
      super.setCatalog(catalog);
    } catch (RuntimeException e) {
      throw QuiverSqlExceptions.convert(e);
    }
  }

  /** The SQL the engine runs for a text with JDBC escapes ({@code {fn ...}}, {@code {d ...}}, ...). */
  @Override
  public String nativeSQL(String sql) throws SQLException {
    try {
      return QuiverMeta.translateEscapes(sql);
    } catch (RuntimeException e) {
      throw QuiverSqlExceptions.convert(e);
    }
  }
}
