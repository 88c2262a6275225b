package io.quiver.jdbc;

import io.quiver.jdbc.client.ParameterSettingPreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.Meta;

/**
 * A prepared statement. Each execution hands the Meta the SQL text and the parameters as typed
 * values, which it writes in as literals of their JDBC types. {@link #getMetaData()} before an
 * execution gives the columns the engine planned for the query at prepare time.
 */
public class QuiverPreparedStatement extends ParameterSettingPreparedStatement {

  private final ExecutionControl control;

  QuiverPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h, Meta.Signature signature,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    this.control = new ExecutionControl(((QuiverConnection) connection).quiverMeta(), this);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    checkParametersSet();
    beforeExecute();
    try {
      return super.executeQuery();
    } catch (SQLException | RuntimeException e) {
      throw control.convert(e);
    }
  }

  @Override
  public boolean execute() throws SQLException {
    checkParametersSet();
    beforeExecute();
    try {
      return super.execute();
    } catch (SQLException | RuntimeException e) {
      throw control.convert(e);
    }
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    checkParametersSet();
    beforeExecute();
    try {
      return super.executeLargeUpdate();
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

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    try {
      Meta.Signature described = ((QuiverConnection) connection).quiverMeta().describe(handle);
      return new AvaticaResultSetMetaData(this, null, described);
    } catch (RuntimeException e) {
      throw control.convert(e);
    }
  }

  @Override
  public void cancel() throws SQLException {
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
