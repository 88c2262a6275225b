package io.quiver.jdbc.client;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.ArrayImpl;
import org.apache.calcite.avatica.util.Cursor;

/**
 * Avatica's cursor with Quiver's reading of a few types: CHAR through the VARCHAR accessor (Quiver
 * stores CHAR unpadded and returns it as stored), DECIMAL written in plain notation by
 * {@code getString} ({@link TextAccessor}), and TIME and TIMESTAMP, which Quiver's drivers get as
 * microseconds, read to the microsecond ({@link MicrosAccessor}).
 */
public final class QuiverCursor implements Cursor {

  private final Cursor delegate;

  public QuiverCursor(Cursor delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<Accessor> createAccessors(List<ColumnMetaData> columns, Calendar localCalendar,
      ArrayImpl.Factory factory) {
    List<ColumnMetaData> readAs = new ArrayList<>(columns.size());
    for (ColumnMetaData column : columns) {
      if (column.type.id == Types.CHAR) {
        readAs.add(readAs(column, Types.VARCHAR, column.type.rep));
      } else if (isMicros(column)) {
        // Avatica's accessor reads the raw number; MicrosAccessor makes it a time.
        readAs.add(readAs(column, Types.BIGINT, ColumnMetaData.Rep.LONG));
      } else {
        readAs.add(column);
      }
    }
    List<Accessor> accessors = delegate.createAccessors(readAs, localCalendar, factory);
    List<Accessor> result = new ArrayList<>(accessors.size());
    for (int i = 0; i < accessors.size(); i++) {
      result.add(quiverAccessor(columns.get(i), accessors.get(i), localCalendar));
    }
    return result;
  }

  private static Accessor quiverAccessor(ColumnMetaData column, Accessor accessor, Calendar localCalendar) {
    if (isMicros(column)) {
      return new MicrosAccessor(accessor, column.type.id == Types.TIMESTAMP, localCalendar);
    }
    if (column.type.id == Types.DECIMAL) {
      return new TextAccessor(accessor, a -> {
        BigDecimal value = a.getBigDecimal();
        return value == null ? null : value.toPlainString();
      });
    }
    return accessor;
  }

  /** TIME and TIMESTAMP columns come as numbers of microseconds (java.sql values would not). */
  private static boolean isMicros(ColumnMetaData column) {
    if (column.type.id != Types.TIME && column.type.id != Types.TIMESTAMP) {
      return false;
    }
    switch (column.type.rep) {
      case INTEGER:
      case PRIMITIVE_INT:
      case LONG:
      case PRIMITIVE_LONG:
      case NUMBER:
        return true;
      default:
        return false;
    }
  }

  private static ColumnMetaData readAs(ColumnMetaData column, int typeId, ColumnMetaData.Rep rep) {
    return new ColumnMetaData(column.ordinal, column.autoIncrement, column.caseSensitive, column.searchable,
        column.currency, column.nullable, column.signed, column.displaySize, column.label, column.columnName,
        column.schemaName, column.precision, column.scale, column.tableName, column.catalogName,
        ColumnMetaData.scalar(typeId, column.type.name, rep),
        column.readOnly, column.writable, column.definitelyWritable, column.columnClassName);
  }

  @Override
  public boolean next() throws SQLException {
    return delegate.next();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public boolean wasNull() throws SQLException {
    return delegate.wasNull();
  }
}
