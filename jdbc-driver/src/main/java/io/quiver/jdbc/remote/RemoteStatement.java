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
    try {
      return super.execute(sql);
    } catch (SQLException | RuntimeException e) {
      throw execution.convert(e);
    } finally {
      execution.finished();
    }
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    beforeExecute();
    try {
      return super.executeQuery(sql);
    } catch (SQLException | RuntimeException e) {
      throw execution.convert(e);
    } finally {
      execution.finished();
    }
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    beforeExecute();
    try {
      return super.executeLargeUpdate(sql);
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

  RemoteExecution execution() {
    return execution;
  }

  private void beforeExecute() throws SQLException {
    checkOpen();
    cancelFlag.set(false);
    execution.beforeExecute(getQueryTimeout());
  }
}
