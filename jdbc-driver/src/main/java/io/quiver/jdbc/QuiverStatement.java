package io.quiver.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A JDBC statement. Adds to Avatica's: errors as Quiver's SQLExceptions, and a {@link #cancel()}
 * that reaches the running query (Avatica's only sets a flag).
 */
public class QuiverStatement extends AvaticaStatement {

  QuiverStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    beforeExecute();
    try {
      return super.execute(sql);
    } catch (SQLException | RuntimeException e) {
      throw QuiverSqlExceptions.convert(e);
    }
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    beforeExecute();
    try {
      return super.executeQuery(sql);
    } catch (SQLException | RuntimeException e) {
      throw QuiverSqlExceptions.convert(e);
    }
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    beforeExecute();
    try {
      return super.executeLargeUpdate(sql);
    } catch (SQLException | RuntimeException e) {
      throw QuiverSqlExceptions.convert(e);
    }
  }

  @Override
  public int[] executeBatch() throws SQLException {
    beforeExecute();
    try {
      return super.executeBatch();
    } catch (SQLException | RuntimeException e) {
      throw QuiverSqlExceptions.convert(e);
    }
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    beforeExecute();
    try {
      return super.executeLargeBatch();
    } catch (SQLException | RuntimeException e) {
      throw QuiverSqlExceptions.convert(e);
    }
  }

  /** Stops the running query from any thread; its result set then fails with SQLState 57014. */
  @Override
  public void cancel() throws SQLException {
    // First the query, without the statement's lock: an execution may hold it while it waits.
    if (!isClosed()) {
      ((QuiverConnection) connection).quiverMeta().cancel(handle);
    }
    super.cancel();
  }

  /** Hands this execution's settings to the Meta and clears a cancel of an earlier execution. */
  void beforeExecute() throws SQLException {
    checkOpen();
    cancelFlag.set(false);
    ((QuiverConnection) connection).quiverMeta().configure(handle, getFetchSize(), getLargeMaxRows());
  }

  /** True once {@link #cancel()} was called for the current execution. */
  boolean cancelRequested() {
    return cancelFlag.get();
  }
}
