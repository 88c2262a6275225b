package io.quiver.jdbc.client;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.ArrayImpl;
import org.apache.calcite.avatica.util.Cursor;

/**
 * Avatica's cursor with Quiver's reading of a few types: CHAR through the VARCHAR accessor (Quiver
 * stores CHAR unpadded and returns it as stored), and DECIMAL, TIME and TIMESTAMP written as SQL
 * text by {@code getString} ({@link TextAccessor}).
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
      readAs.add(column.type.id == Types.CHAR ? asVarchar(column) : column);
    }
    List<Accessor> accessors = delegate.createAccessors(readAs, localCalendar, factory);
    List<Accessor> result = new ArrayList<>(accessors.size());
    for (int i = 0; i < accessors.size(); i++) {
      result.add(withText(columns.get(i), accessors.get(i)));
    }
    return result;
  }

  private static Accessor withText(ColumnMetaData column, Accessor accessor) {
    if (column.type.rep == ColumnMetaData.Rep.OBJECT && column.type.id != Types.DECIMAL) {
      return accessor;
    }
    switch (column.type.id) {
      case Types.DECIMAL:
        return new TextAccessor(accessor, a -> {
          BigDecimal value = a.getBigDecimal();
          return value == null ? null : value.toPlainString();
        });
      case Types.TIME:
        return isNumber(column.type.rep) ? new TextAccessor(accessor, a -> timeText(a.getLong())) : accessor;
      case Types.TIMESTAMP:
        return isNumber(column.type.rep) ? new TextAccessor(accessor, a -> timestampText(a.getLong())) : accessor;
      default:
        return accessor;
    }
  }

  /** Frames carry TIME and TIMESTAMP as numbers (the type says which width; off the wire it may differ). */
  private static boolean isNumber(ColumnMetaData.Rep rep) {
    switch (rep) {
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

  /** {@code HH:mm:ss}, then {@code .fff} without trailing zeros when the milliseconds are not 0. */
  static String timeText(long millisOfDay) {
    long seconds = millisOfDay / 1000;
    String text = String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    return text + fraction((int) (millisOfDay % 1000));
  }

  /** {@code yyyy-MM-dd HH:mm:ss}, with the fraction as for TIME. */
  static String timestampText(long millis) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
    return String.format("%s %02d:%02d:%02d", time.toLocalDate(), time.getHour(), time.getMinute(),
        time.getSecond()) + fraction((int) Math.floorMod(millis, 1000L));
  }

  private static String fraction(int millis) {
    if (millis == 0) {
      return "";
    }
    String digits = String.format(".%03d", millis);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return digits.substring(0, end);
  }

  private static ColumnMetaData asVarchar(ColumnMetaData column) {
    return new ColumnMetaData(column.ordinal, column.autoIncrement, column.caseSensitive, column.searchable,
        column.currency, column.nullable, column.signed, column.displaySize, column.label, column.columnName,
        column.schemaName, column.precision, column.scale, column.tableName, column.catalogName,
        ColumnMetaData.scalar(Types.VARCHAR, column.type.name, column.type.rep),
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
