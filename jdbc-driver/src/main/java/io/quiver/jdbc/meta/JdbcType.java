package io.quiver.jdbc.meta;

import io.quiver.exec.type.DataType;
import java.sql.Types;
import org.apache.calcite.avatica.ColumnMetaData;

/**
 * How one Quiver {@link DataType} looks through JDBC: the {@link Types} code, the type name, the
 * precision, scale and display size that {@code ResultSetMetaData} and {@code getColumns} report,
 * and the representation of its values inside Avatica frames.
 *
 * <p>Values in frames use Avatica's "local" representation, the one Calcite's own driver uses:
 * DATE as days since the epoch (int), TIME as milliseconds of the day (int), TIMESTAMP as
 * milliseconds since the epoch (long); Avatica's accessors turn them into {@code java.sql} values
 * in the connection's time zone so that {@code toString()} shows the stored wall-clock value.
 * Quiver's own drivers get TIME and TIMESTAMP as microseconds (long) instead, the engine's
 * precision, and read them with their own accessors. TIME and TIMESTAMP report JDBC's precision (the
 * length of their text with six fraction digits) and scale 6.
 */
public record JdbcType(
    int typeId, String typeName, int precision, int scale, int displaySize, ColumnMetaData.Rep rep,
    String className, boolean signed, boolean caseSensitive) {

  /** What a VARCHAR without a length reports as its precision. */
  public static final int UNBOUNDED_LENGTH = Integer.MAX_VALUE;

  public static JdbcType of(DataType type) {
    switch (type.kind()) {
      case BOOLEAN:
        return simple(Types.BOOLEAN, "BOOLEAN", 1, 5, ColumnMetaData.Rep.BOOLEAN, Boolean.class, false);
      case TINYINT:
        return simple(Types.TINYINT, "TINYINT", 3, 4, ColumnMetaData.Rep.BYTE, Byte.class, true);
      case SMALLINT:
        return simple(Types.SMALLINT, "SMALLINT", 5, 6, ColumnMetaData.Rep.SHORT, Short.class, true);
      case INTEGER:
        return simple(Types.INTEGER, "INTEGER", 10, 11, ColumnMetaData.Rep.INTEGER, Integer.class, true);
      case BIGINT:
        return simple(Types.BIGINT, "BIGINT", 19, 20, ColumnMetaData.Rep.LONG, Long.class, true);
      case REAL:
        return simple(Types.REAL, "REAL", 7, 14, ColumnMetaData.Rep.FLOAT, Float.class, true);
      case DOUBLE:
        return simple(Types.DOUBLE, "DOUBLE", 15, 24, ColumnMetaData.Rep.DOUBLE, Double.class, true);
      case DECIMAL:
        return new JdbcType(Types.DECIMAL, "DECIMAL", type.precision(), type.scale(),
            type.precision() + 2, ColumnMetaData.Rep.NUMBER, java.math.BigDecimal.class.getName(),
            true, false);
      case CHAR:
        return text(Types.CHAR, "CHAR", type.precision());
      case VARCHAR:
        return text(Types.VARCHAR, "VARCHAR", type.precision());
      case VARBINARY: {
        int length = type.precision() < 0 ? UNBOUNDED_LENGTH : type.precision();
        return new JdbcType(Types.VARBINARY, "VARBINARY", length, 0, length,
            ColumnMetaData.Rep.BYTE_STRING, byte[].class.getName(), false, false);
      }
      case DATE:
        return simple(Types.DATE, "DATE", 10, 10, ColumnMetaData.Rep.INTEGER, java.sql.Date.class, false);
      case TIME:
        return new JdbcType(Types.TIME, "TIME", 15, 6, 15, ColumnMetaData.Rep.INTEGER,
            java.sql.Time.class.getName(), false, false);
      case TIMESTAMP:
        return new JdbcType(Types.TIMESTAMP, "TIMESTAMP", 26, 6, 26, ColumnMetaData.Rep.LONG,
            java.sql.Timestamp.class.getName(), false, false);
      case INTERVAL_DAY_TIME:
      case INTERVAL_YEAR_MONTH:
        // Text as PostgreSQL prints an interval (IntervalText); getObject gives that String too.
        // Not Avatica's INTERVAL_* names: its accessors for those cannot read a day-to-second range.
        return new JdbcType(Types.OTHER, "INTERVAL", 49, 0, 49, ColumnMetaData.Rep.STRING,
            String.class.getName(), false, false);
      case NULL:
        return simple(Types.NULL, "NULL", 0, 4, ColumnMetaData.Rep.OBJECT, Object.class, false);
      default:
        throw new IllegalArgumentException("no JDBC type for " + type);
    }
  }

  private static JdbcType simple(int typeId, String name, int precision, int displaySize,
      ColumnMetaData.Rep rep, Class<?> javaClass, boolean signed) {
    return new JdbcType(typeId, name, precision, 0, displaySize, rep, javaClass.getName(), signed, false);
  }

  private static JdbcType text(int typeId, String name, int length) {
    int precision = length < 0 ? UNBOUNDED_LENGTH : length;
    return new JdbcType(typeId, name, precision, 0, precision, ColumnMetaData.Rep.STRING,
        String.class.getName(), false, true);
  }

  /**
   * This type as described to a stock Avatica client (see {@code QuiverMeta.columns}): a TIME's and
   * a TIMESTAMP's precision and scale are the fraction digits its accessors print (3: its frames
   * carry milliseconds), no display size for CHAR.
   */
  public JdbcType forStockClient() {
    switch (typeId) {
      case java.sql.Types.TIME:
      case java.sql.Types.TIMESTAMP:
        return new JdbcType(typeId, typeName, 3, 3, displaySize, rep, className, signed, caseSensitive);
      case java.sql.Types.CHAR:
        return new JdbcType(typeId, typeName, precision, scale, 0, rep, className, signed, caseSensitive);
      default:
        return this;
    }
  }

  /** The Avatica type of a result column of this type. */
  public ColumnMetaData.AvaticaType avaticaType() {
    return ColumnMetaData.scalar(typeId, typeName, rep);
  }

  /** The column of a result set, as {@code ResultSetMetaData} reports it. */
  public ColumnMetaData columnMetaData(int ordinal, String name, boolean nullable) {
    return new ColumnMetaData(
        ordinal,
        false,                  // autoIncrement
        caseSensitive,
        true,                   // searchable
        false,                  // currency
        nullable ? java.sql.ResultSetMetaData.columnNullable : java.sql.ResultSetMetaData.columnNoNulls,
        signed,
        displaySize,
        name,                   // label
        name,                   // column name
        "",                     // schema: a result column need not come from one table
        precision,
        scale,
        "",                     // table
        "",                     // catalog
        avaticaType(),
        true,                   // readOnly
        false,                  // writable
        false,                  // definitelyWritable
        className);
  }

  /** Digits after the point for {@code getColumns}' DECIMAL_DIGITS; null where it does not apply. */
  public Integer decimalDigits() {
    switch (typeId) {
      case Types.DECIMAL:
        return scale;
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
        return 0;
      case Types.TIME:
      case Types.TIMESTAMP:
        return scale;
      default:
        return null;
    }
  }

  /** Radix for {@code getColumns}' NUM_PREC_RADIX: 10 for numbers, null otherwise. */
  public Integer precisionRadix() {
    switch (typeId) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
      case Types.DECIMAL:
      case Types.REAL:
      case Types.DOUBLE:
        return 10;
      default:
        return null;
    }
  }
}
