package io.quiver.jdbc.client;

import java.sql.SQLException;
import org.apache.calcite.avatica.util.Cursor;

/** An accessor that reads through another one; subclasses change what they read differently. */
class DelegatingAccessor implements Cursor.Accessor {

  protected final Cursor.Accessor delegate;

  DelegatingAccessor(Cursor.Accessor delegate) {
    this.delegate = delegate;
  }

  @Override
  public String getString() throws SQLException {
    return delegate.getString();
  }

  @Override
  public boolean wasNull() throws SQLException {
    return delegate.wasNull();
  }

  @Override
  public boolean getBoolean() throws SQLException {
    return delegate.getBoolean();
  }

  @Override
  public byte getByte() throws SQLException {
    return delegate.getByte();
  }

  @Override
  public org.joou.UByte getUByte() throws SQLException {
    return delegate.getUByte();
  }

  @Override
  public short getShort() throws SQLException {
    return delegate.getShort();
  }

  @Override
  public org.joou.UShort getUShort() throws SQLException {
    return delegate.getUShort();
  }

  @Override
  public int getInt() throws SQLException {
    return delegate.getInt();
  }

  @Override
  public org.joou.UInteger getUInt() throws SQLException {
    return delegate.getUInt();
  }

  @Override
  public long getLong() throws SQLException {
    return delegate.getLong();
  }

  @Override
  public org.joou.ULong getULong() throws SQLException {
    return delegate.getULong();
  }

  @Override
  public float getFloat() throws SQLException {
    return delegate.getFloat();
  }

  @Override
  public double getDouble() throws SQLException {
    return delegate.getDouble();
  }

  @Override
  public java.math.BigDecimal getBigDecimal() throws SQLException {
    return delegate.getBigDecimal();
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int arg0) throws SQLException {
    return delegate.getBigDecimal(arg0);
  }

  @Override
  public byte[] getBytes() throws SQLException {
    return delegate.getBytes();
  }

  @Override
  public java.io.InputStream getAsciiStream() throws SQLException {
    return delegate.getAsciiStream();
  }

  @Override
  public java.io.InputStream getUnicodeStream() throws SQLException {
    return delegate.getUnicodeStream();
  }

  @Override
  public java.io.InputStream getBinaryStream() throws SQLException {
    return delegate.getBinaryStream();
  }

  @Override
  public Object getObject() throws SQLException {
    return delegate.getObject();
  }

  @Override
  public java.io.Reader getCharacterStream() throws SQLException {
    return delegate.getCharacterStream();
  }

  @Override
  public Object getObject(java.util.Map<String, Class<?>> arg0) throws SQLException {
    return delegate.getObject(arg0);
  }

  @Override
  public java.sql.Ref getRef() throws SQLException {
    return delegate.getRef();
  }

  @Override
  public java.sql.Blob getBlob() throws SQLException {
    return delegate.getBlob();
  }

  @Override
  public java.sql.Clob getClob() throws SQLException {
    return delegate.getClob();
  }

  @Override
  public java.sql.Array getArray() throws SQLException {
    return delegate.getArray();
  }

  @Override
  public java.sql.Struct getStruct() throws SQLException {
    return delegate.getStruct();
  }

  @Override
  public java.sql.Date getDate(java.util.Calendar arg0) throws SQLException {
    return delegate.getDate(arg0);
  }

  @Override
  public java.sql.Time getTime(java.util.Calendar arg0) throws SQLException {
    return delegate.getTime(arg0);
  }

  @Override
  public java.sql.Timestamp getTimestamp(java.util.Calendar arg0) throws SQLException {
    return delegate.getTimestamp(arg0);
  }

  @Override
  public java.net.URL getURL() throws SQLException {
    return delegate.getURL();
  }

  @Override
  public java.sql.NClob getNClob() throws SQLException {
    return delegate.getNClob();
  }

  @Override
  public java.sql.SQLXML getSQLXML() throws SQLException {
    return delegate.getSQLXML();
  }

  @Override
  public String getNString() throws SQLException {
    return delegate.getNString();
  }

  @Override
  public java.io.Reader getNCharacterStream() throws SQLException {
    return delegate.getNCharacterStream();
  }

  @Override
  public <T> T getObject(Class<T> arg0) throws SQLException {
    return delegate.getObject(arg0);
  }

}
