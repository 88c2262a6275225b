package io.quiver.jdbc.remote;

import java.io.InputStream;
import java.io.Reader;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A thin-driver prepared statement: the server binds the parameters; {@link #cancel()} and the
 * query timeout reach the server.
 */
public class RemotePreparedStatement extends AvaticaPreparedStatement {

  private final RemoteExecution execution;

  RemotePreparedStatement(AvaticaConnection connection, Meta.StatementHandle h, Meta.Signature signature,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    this.execution = new RemoteExecution((RemoteConnection) connection, this);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
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

  RemoteExecution execution() {
    return execution;
  }

  private void beforeExecute() throws SQLException {
    checkOpen();
    cancelFlag.set(false);
    execution.beforeExecute(getQueryTimeout());
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
}
