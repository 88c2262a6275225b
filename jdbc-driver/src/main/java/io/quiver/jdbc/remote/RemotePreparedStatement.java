package io.quiver.jdbc.remote;

import io.quiver.jdbc.ParameterSettingPreparedStatement;
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
    try {
      return super.executeQuery();
    } catch (SQLException | RuntimeException e) {
      throw execution.convert(e);
    } finally {
      execution.finished();
    }
  }

  @Override
  public boolean execute() throws SQLException {
    checkParametersSet();
    beforeExecute();
    try {
      return super.execute();
    } catch (SQLException | RuntimeException e) {
      throw execution.convert(e);
    } finally {
      execution.finished();
    }
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    checkParametersSet();
    beforeExecute();
    try {
      return super.executeLargeUpdate();
    } catch (SQLException | RuntimeException e) {
      throw execution.convert(e);
    } finally {
      execution.finished();
    }
  }

  /** Stops the running query on the server, from any thread. */
  @Override
  public void cancel() throws SQLException {
    if (!isClosed()) {
      execution.cancel();
    }
    super.cancel();
  }

  /**
   * Stops a running query first: Avatica's close waits for the lock that an execution in another
   * thread holds until the server answers.
   */
  @Override
  public void close() throws SQLException {
    execution.close();
    if (!isClosed() && execution.executing()) {
      try {
        execution.cancel();
      } catch (SQLException e) {
        // Closing anyway; the server closes the statement's query with it.
      }
    }
    super.close();
  }

  @Override
  protected boolean typedNulls() {
    return false;
  }

  RemoteExecution execution() {
    return execution;
  }

  private void beforeExecute() throws SQLException {
    checkOpen();
    cancelFlag.set(false);
    execution.beforeExecute(getQueryTimeout());
  }
}
