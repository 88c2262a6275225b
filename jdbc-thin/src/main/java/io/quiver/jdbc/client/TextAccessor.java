package io.quiver.jdbc.client;

import java.sql.SQLException;
import org.apache.calcite.avatica.util.Cursor;

/**
 * An accessor that reads like Avatica's own but writes its values as text the SQL way (DECIMAL in
 * plain notation at its scale, where Avatica's may use an exponent).
 */
final class TextAccessor extends DelegatingAccessor {

  /** Writes the value of the accessor as text; called only for non-null values. */
  @FunctionalInterface
  interface Writer {
    String text(Cursor.Accessor accessor) throws SQLException;
  }

  private final Writer writer;

  TextAccessor(Cursor.Accessor delegate, Writer writer) {
    super(delegate);
    this.writer = writer;
  }

  @Override
  public String getString() throws SQLException {
    return delegate.getObject() == null ? null : writer.text(delegate);
  }
}
