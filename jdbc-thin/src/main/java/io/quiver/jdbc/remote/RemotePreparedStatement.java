package io.quiver.jdbc.remote;

import io.quiver.jdbc.client.ParameterSettingPreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;

/**
 * A thin-driver prepared statement: the server binds the parameters; {@link #cancel()} and the
 * query timeout reach the server.
 */
public class RemotePreparedStatement extends ParameterSettingPreparedStatement {

  private final RemoteExecution execution;

  RemotePreparedStatement(AvaticaConnection connection, Meta.StatementHandle h, Meta.Signature signature,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    this.execution = new RemoteExecution((RemoteConnection) connection, this);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    checkParametersSet();
    beforeExecute();
    return execution.execute(getQueryTimeout(), () -> super.executeQuery());
  }

  @Override
  public boolean execute() throws SQLException {
    checkParametersSet();
    beforeExecute();
    return execution.execute(getQueryTimeout(), () -> super.execute());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    checkParametersSet();
    beforeExecute();
    return execution.execute(getQueryTimeout(), () -> super.executeLargeUpdate());
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

  @Override
  protected boolean nullsTravelAsEmptyArrays() {
    return true;
  }

  RemoteExecution execution() {
    return execution;
  }

  private void beforeExecute() throws SQLException {
    checkOpen();
    cancelFlag.set(false);
  }
}
