package io.quiver.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A JDBC statement. Adds to Avatica's: errors as Quiver's SQLExceptions, a {@link #cancel()} that
 * reaches the running query (Avatica's only sets a flag), and the query timeout.
 */
public class QuiverStatement extends AvaticaStatement {

  private final ExecutionControl control;

  QuiverStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
    this.control = new ExecutionControl(((QuiverConnection) connection).quiverMeta(), this);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    beforeExecute();
    try {
      return super.execute(sql);
    } catch (SQLException | RuntimeException e) {
      throw control.convert(e);
    }
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    beforeExecute();
    try {
      return super.executeQuery(sql);
    } catch (SQLException | RuntimeException e) {
      throw control.convert(e);
    }
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    beforeExecute();
    try {
      return super.executeLargeUpdate(sql);
    } catch (SQLException | RuntimeException e) {
      throw control.convert(e);
    }
  }

  @Override
  public int[] executeBatch() throws SQLException {
    beforeExecute();
    try {
      return super.executeBatch();
    } catch (SQLException | RuntimeException e) {
      throw control.convert(e);
    }
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    beforeExecute();
    try {
      return super.executeLargeBatch();
    } catch (SQLException | RuntimeException e) {
      throw control.convert(e);
    }
  }

  /** Stops the running query from any thread; its result set then fails with SQLState 57014. */
  @Override
  public void cancel() throws SQLException {
    // First the query, without the statement's lock: an execution may hold it while it waits.
    if (!isClosed()) {
      control.cancel();
    }
    super.cancel();
  }

  /** Hands this execution's settings to the Meta and clears a cancel of an earlier execution. */
  private void beforeExecute() throws SQLException {
    checkOpen();
    cancelFlag.set(false);
    control.beforeExecute(getFetchSize(), getLargeMaxRows(), getQueryTimeout());
  }

  /** Stops a running query first, without waiting for the lock an execution in another thread holds. */
  @Override
  public void close() throws SQLException {
    control.close();
    if (!isClosed()) {
      control.cancel();
    }
    super.close();
  }

  /** How failures of this statement's query are reported (used by its result sets too). */
  ExecutionControl control() {
    return control;
  }

  /** True once {@link #cancel()} was called for the current execution. */
  boolean cancelRequested() {
    return cancelFlag.get();
  }
}
