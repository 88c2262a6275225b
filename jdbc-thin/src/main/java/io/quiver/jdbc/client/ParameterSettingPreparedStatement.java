package io.quiver.jdbc.client;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Types;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaSite;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.SqlType;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The JDBC 4.1 parameter setters that {@link AvaticaPreparedStatement} leaves to its subclass, once
 * for the embedded and the remote prepared statement: each stores the value in its parameter site.
 *
 * <p>Every value travels as an Avatica {@link TypedValue} whose representation is the setter's
 * JDBC type ({@code setLong} a LONG, {@code setDate} a JAVA_SQL_DATE, ...); the Meta turns it into a
 * literal of that SQL type. Avatica's {@code setNull} forgets the type it is given: here a NULL keeps
 * it, so {@code setNull(1, Types.INTEGER)} is an INTEGER NULL, embedded and remote. A wrong parameter index and a
 * parameter without a value fail with SQLState 22023 and say which parameter.
 */
public abstract class ParameterSettingPreparedStatement extends AvaticaPreparedStatement {

  /** SQLState of a wrong parameter index or a missing value (invalid parameter value). */
  public static final String INVALID_PARAMETER_STATE = "22023";

  protected ParameterSettingPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /**
   * Every parameter takes NULL ({@code setNull} binds a NULL of its type anywhere); the parameters'
   * types, precision and scale are those the server's validator inferred at prepare.
   */
  @Override
  public int isNullable(int param) throws SQLException {
    checkIndex(param);
    return java.sql.ParameterMetaData.parameterNullable;
  }

  @Override
  protected AvaticaSite getSite(int parameterIndex) throws SQLException {
    checkIndex(parameterIndex);
    return super.getSite(parameterIndex);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    checkIndex(parameterIndex);
    ColumnMetaData.Rep rep = representationOf(sqlType);
    slots[parameterIndex - 1] = nullsTravelAsEmptyArrays() && rep != ColumnMetaData.Rep.OBJECT
        ? typedNullForTheWire(rep) : TypedValue.ofSerial(rep, null);
  }

  /**
   * True where parameters travel in Avatica's protobuf form, which cannot hold a NULL of a type (it
   * fails on the missing value): there a typed NULL travels as an empty ARRAY whose element type is
   * the NULL's type, which the server binds as that NULL ({@code SqlParameters}; Quiver has no
   * array parameters).
   */
  protected boolean nullsTravelAsEmptyArrays() {
    return false;
  }

  private TypedValue typedNullForTheWire(ColumnMetaData.Rep rep) throws SQLException {
    SqlType element;
    switch (rep) {
      case BOOLEAN:
        element = SqlType.BOOLEAN;
        break;
      case BYTE:
        element = SqlType.TINYINT;
        break;
      case SHORT:
        element = SqlType.SMALLINT;
        break;
      case INTEGER:
        element = SqlType.INTEGER;
        break;
      case LONG:
        element = SqlType.BIGINT;
        break;
      case FLOAT:
        element = SqlType.REAL;
        break;
      case DOUBLE:
        element = SqlType.DOUBLE;
        break;
      case NUMBER:
        element = SqlType.DECIMAL;
        break;
      case JAVA_SQL_DATE:
        element = SqlType.DATE;
        break;
      case JAVA_SQL_TIME:
        element = SqlType.TIME;
        break;
      case JAVA_SQL_TIMESTAMP:
        element = SqlType.TIMESTAMP;
        break;
      case BYTE_STRING:
        element = SqlType.VARBINARY;
        break;
      default:
        element = SqlType.VARCHAR;
        break;
    }
    java.sql.Array empty = getConnection().createArrayOf(element.name(), new Object[0]);
    return TypedValue.ofJdbc(ColumnMetaData.Rep.ARRAY, empty, null);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    setNull(parameterIndex, sqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    if (TemporalParameters.handles(x)) {
      checkIndex(parameterIndex);
      slots[parameterIndex - 1] = TemporalParameters.of(getConnection(), x);
    } else {
      super.setObject(parameterIndex, x);
    }
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    if (x == null) {
      setNull(parameterIndex, targetSqlType);
    } else if (TemporalParameters.handles(x)) {
      checkIndex(parameterIndex);
      slots[parameterIndex - 1] = TemporalParameters.of(getConnection(), x, targetSqlType);
    } else {
      super.setObject(parameterIndex, x, targetSqlType);
    }
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    if (x == null || TemporalParameters.handles(x)) {
      setObject(parameterIndex, x, targetSqlType);
    } else {
      super.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    }
  }

  /** Before an execution: every parameter must have a value (NULL counts). */
  protected void checkParametersSet() throws SQLException {
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == null) {
        throw new SQLException("parameter " + (i + 1) + " of " + slots.length
            + " has no value: call a setter (setNull for NULL) before executing", INVALID_PARAMETER_STATE);
      }
    }
  }

  private void checkIndex(int parameterIndex) throws SQLException {
    if (parameterIndex < 1 || parameterIndex > slots.length) {
      throw new SQLException("parameter index " + parameterIndex + " is out of range: the statement has "
          + (slots.length == 1 ? "1 parameter" : slots.length + " parameters"), INVALID_PARAMETER_STATE);
    }
  }

  /** The Avatica representation that carries a value of a {@link Types} type. */
  static ColumnMetaData.Rep representationOf(int sqlType) {
    switch (sqlType) {
      case Types.BIT:
      case Types.BOOLEAN:
        return ColumnMetaData.Rep.BOOLEAN;
      case Types.TINYINT:
        return ColumnMetaData.Rep.BYTE;
      case Types.SMALLINT:
        return ColumnMetaData.Rep.SHORT;
      case Types.INTEGER:
        return ColumnMetaData.Rep.INTEGER;
      case Types.BIGINT:
        return ColumnMetaData.Rep.LONG;
      case Types.REAL:
        return ColumnMetaData.Rep.FLOAT;
      case Types.FLOAT:
      case Types.DOUBLE:
        return ColumnMetaData.Rep.DOUBLE;
      case Types.DECIMAL:
      case Types.NUMERIC:
        return ColumnMetaData.Rep.NUMBER;
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.CLOB:
        return ColumnMetaData.Rep.STRING;
      case Types.DATE:
        return ColumnMetaData.Rep.JAVA_SQL_DATE;
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
        return ColumnMetaData.Rep.JAVA_SQL_TIME;
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP;
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return ColumnMetaData.Rep.BYTE_STRING;
      default:
        return ColumnMetaData.Rep.OBJECT;
    }
  }

  // --- JDBC 4 setters. Avatica's parameter sites drop stream and LOB values without a word (the
  // execution then said "has no value"); here a stream or LOB is read into the text or bytes it
  // holds, and what Quiver has no type for is refused.

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    setString(parameterIndex, value);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
    setString(parameterIndex, StreamParameters.text(reader, length));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
    setCharacterStream(parameterIndex, reader, (long) length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader, -1L);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    setCharacterStream(parameterIndex, value, length);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    setCharacterStream(parameterIndex, value, -1L);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader, -1L);
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    setString(parameterIndex, x == null ? null : x.getSubString(1, Math.toIntExact(x.length())));
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader, -1L);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    setClob(parameterIndex, value);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    byte[] bytes = StreamParameters.bytes(x, length);
    setString(parameterIndex, bytes == null ? null : new String(bytes, StandardCharsets.US_ASCII));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    setAsciiStream(parameterIndex, x, (long) length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    setAsciiStream(parameterIndex, x, -1L);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    setBytes(parameterIndex, StreamParameters.bytes(x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    setBinaryStream(parameterIndex, x, (long) length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    setBinaryStream(parameterIndex, x, -1L);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    setBinaryStream(parameterIndex, inputStream, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    setBinaryStream(parameterIndex, inputStream, -1L);
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    setBytes(parameterIndex, x == null ? null : x.getBytes(1, Math.toIntExact(x.length())));
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    throw notSupported(parameterIndex, "a ROWID (Quiver's tables have no row ids)");
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    throw notSupported(parameterIndex, "an SQLXML value (Quiver has no XML type; set its text with setString)");
  }

  @Override
  @SuppressWarnings("deprecation")
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw notSupported(parameterIndex, "a Unicode stream (deprecated in JDBC; use setCharacterStream)");
  }

  private SQLFeatureNotSupportedException notSupported(int parameterIndex, String what) throws SQLException {
    checkIndex(parameterIndex);
    return new SQLFeatureNotSupportedException("parameter " + parameterIndex + " cannot be " + what, "0A000");
  }
}
