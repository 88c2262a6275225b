package io.quiver.jdbc.remote;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/** A thin-driver statement whose {@link #cancel()} and query timeout reach the server. */
public class RemoteStatement extends AvaticaStatement {

  private final RemoteExecution execution;

  RemoteStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
    this.execution = new RemoteExecution((RemoteConnection) connection, this);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    beforeExecute();
    return execution.execute(getQueryTimeout(), () -> super.execute(sql));
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    beforeExecute();
    return execution.execute(getQueryTimeout(), () -> super.executeQuery(sql));
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    beforeExecute();
    return execution.execute(getQueryTimeout(), () -> super.executeLargeUpdate(sql));
  }

  /**
   * Stops the running query on the server, from any thread. Not through Avatica's cancel: it waits
   * for the statement's monitor, which the execution holds until the cancelled query fails, and then
   * finds the statement closed by its user ("Statement closed" from a cancel that worked).
   */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    execution.cancel();
    cancelFlag.set(true);
  }

  /** Stops a running query first (see {@link RemoteExecution#stopBeforeClose()}). */
  @Override
  public void close() throws SQLException {
    execution.stopBeforeClose();
    super.close();
  }

  RemoteExecution execution() {
    return execution;
  }

  private void beforeExecute() throws SQLException {
    checkOpen();
    cancelFlag.set(false);
  }
}
