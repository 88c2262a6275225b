package io.quiver.jdbc.remote;

import io.quiver.exec.error.QuiverException;
import io.quiver.jdbc.meta.JdbcEscapes;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.UnregisteredDriver;

/** A thin-driver connection: Avatica's remote connection and the way to the server's cancel route. */
public class RemoteConnection extends AvaticaConnection {

  private volatile CancelClient cancelClient;
  /**
   * Not the connection's own monitor: an execution in another thread may hold that one while it
   * waits for the server, and a cancel must not wait for the query it is meant to stop.
   */
  private final Object cancelClientLock = new Object();

  RemoteConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
  }

  /** Stops the statement's running query on the server. */
  void cancel(int statementId) throws SQLException {
    CancelClient client = cancelClient;
    if (client == null) {
      synchronized (cancelClientLock) {
        client = cancelClient;
        if (client == null) {
          client = new CancelClient(config());
          cancelClient = client;
        }
      }
    }
    client.cancel(id, statementId);
  }

  /**
   * The SQL the server runs for a text with JDBC escapes ({@code {fn ...}}, {@code {d ...}}, ...): the
   * server translates them the same way.
   */
  @Override
  public String nativeSQL(String sql) throws SQLException {
    try {
      return JdbcEscapes.translate(sql);
    } catch (QuiverException e) {
      throw new SQLException(e.getMessage(), e.sqlState(), e.errorCode().code(), e);
    }
  }
}
