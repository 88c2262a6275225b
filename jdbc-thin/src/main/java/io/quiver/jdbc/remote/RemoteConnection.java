package io.quiver.jdbc.remote;

import io.quiver.jdbc.client.QuiverBaseConnection;
import io.quiver.jdbc.client.JdbcEscapeException;
import io.quiver.jdbc.client.JdbcEscapes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.UnregisteredDriver;

/** A thin-driver connection: Avatica's remote connection and the way to the server's own routes. */
public class RemoteConnection extends QuiverBaseConnection {

  private volatile ControlClient controlClient;
  /**
   * Not the connection's own monitor: an execution in another thread may hold that one while it
   * waits for the server, and a cancel must not wait for the query it is meant to stop.
   */
  private final Object controlClientLock = new Object();

  RemoteConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
  }

  /** Avatica's client-side Meta, which fetches frames from the server. */
  Meta meta() {
    return meta;
  }

  /** Stops the statement's running query on the server. */
  void cancel(int statementId) throws SQLException {
    controlClient().cancel(id, statementId);
  }

  /** A key or index metadata call, answered by the server (see {@link KeyMetadataCall}). */
  ResultSet keyMetadata(KeyMetadataCall call) throws SQLException {
    checkOpen();
    Service.ResultSetResponse response = controlClient().keyMetadata(id, call);
    Meta.MetaResultSet result = Meta.MetaResultSet.create(response.connectionId, response.statementId,
        response.ownStatement, response.signature, response.firstFrame);
    return createResultSet(result, new QueryState(call.operation(), call.arguments()));
  }

  @Override
  protected void applicationNameChanged(String name) throws SQLException {
    controlClient().setApplicationName(id, name);
  }

  private ControlClient controlClient() throws SQLException {
    ControlClient client = controlClient;
    if (client == null) {
      synchronized (controlClientLock) {
        client = controlClient;
        if (client == null) {
          client = new ControlClient(new HttpTransport(config()));
          controlClient = client;
        }
      }
    }
    return client;
  }

  /** Preparing plans the query on the server: its errors keep the server's SQLState and message. */
  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    try {
      return super.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    } catch (SQLException | RuntimeException e) {
      SQLException server = ServerError.find(e);
      if (server != null) {
        throw server;
      }
      throw e;
    }
  }

  /**
   * The SQL the server runs for a text with JDBC escapes ({@code {fn ...}}, {@code {d ...}}, ...): the
   * server translates them the same way.
   */
  @Override
  public String nativeSQL(String sql) throws SQLException {
    try {
      return JdbcEscapes.translate(sql);
    } catch (JdbcEscapeException e) {
      throw e.toSqlException();
    }
  }
}
