package io.quiver.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.Meta;

/**
 * A prepared statement. Parameters are bound on the client: each execution sends the SQL text with
 * the values written in as literals. {@link #getMetaData()} before an execution plans the query
 * (for statements without parameters) to learn its columns.
 */
public class QuiverPreparedStatement extends AvaticaPreparedStatement {

  private final ExecutionControl control;

  QuiverPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h, Meta.Signature signature,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    this.control = new ExecutionControl(((QuiverConnection) connection).quiverMeta(), this);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    beforeExecute();
    try {
      return super.executeQuery();
    } catch (SQLException | RuntimeException e) {
      throw control.convert(e);
    }
  }

  @Override
  public boolean execute() throws SQLException {
    beforeExecute();
    try {
      return super.execute();
    } catch (SQLException | RuntimeException e) {
      throw control.convert(e);
    }
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
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

  // JDBC 4.1 setters that AvaticaPreparedStatement leaves to the factory's class.

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    getSite(parameterIndex).setRowId(x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    getSite(parameterIndex).setNString(value);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    getSite(parameterIndex).setNCharacterStream(value, length);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    getSite(parameterIndex).setNClob(value);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setClob(reader, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    getSite(parameterIndex).setBlob(inputStream, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setNClob(reader, length);
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    getSite(parameterIndex).setSQLXML(xmlObject);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    getSite(parameterIndex).setAsciiStream(x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    getSite(parameterIndex).setBinaryStream(x, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setCharacterStream(reader, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    getSite(parameterIndex).setAsciiStream(x);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    getSite(parameterIndex).setBinaryStream(x);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setCharacterStream(reader);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    getSite(parameterIndex).setNCharacterStream(value);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setClob(reader);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    getSite(parameterIndex).setBlob(inputStream);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setNClob(reader);
  }

  /** True once {@link #cancel()} was called for the current execution. */
  boolean cancelRequested() {
    return cancelFlag.get();
  }
}
