package io.quiver.jdbc.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.remote.TypedValue;
import org.junit.jupiter.api.Test;

class SqlParametersTest {

  @Test
  void markersOutsideLiteralsAndCommentsCount() {
    assertEquals(2, SqlParameters.count("select ? from t where a = '?' and \"?\" = ? -- ?\n /* ? */"));
    assertEquals(0, SqlParameters.count("select 'it''s ?'"));
  }

  @Test
  void valuesBecomeLiterals() {
    List<TypedValue> values = List.of(
        TypedValue.ofLocal(ColumnMetaData.Rep.STRING, "it's"),
        TypedValue.ofLocal(ColumnMetaData.Rep.PRIMITIVE_INT, -5),
        TypedValue.ofLocal(ColumnMetaData.Rep.NUMBER, new BigDecimal("1.50")),
        TypedValue.ofLocal(ColumnMetaData.Rep.PRIMITIVE_DOUBLE, 2.5),
        TypedValue.ofLocal(ColumnMetaData.Rep.PRIMITIVE_BOOLEAN, true),
        TypedValue.ofJdbc(ColumnMetaData.Rep.JAVA_SQL_DATE, Date.valueOf("1995-03-15"),
            Calendar.getInstance()),
        TypedValue.ofJdbc(ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP, Timestamp.valueOf("1995-03-15 10:00:00"),
            Calendar.getInstance()),
        TypedValue.ofLocal(ColumnMetaData.Rep.OBJECT, null));
    assertEquals("select 'it''s', x - (-5), 1.50, 2.5E0, TRUE, DATE '1995-03-15', "
            + "TIMESTAMP '1995-03-15 10:00:00', NULL, '?'",
        SqlParameters.bind("select ?, x - ?, ?, ?, ?, ?, ?, ?, '?'", values));
  }

  @Test
  void valuesKeepTheirJdbcTypes() {
    assertEquals("CAST(7 AS BIGINT)", SqlParameters.literal(TypedValue.ofLocal(ColumnMetaData.Rep.LONG, 7L)));
    assertEquals("CAST((-7) AS SMALLINT)",
        SqlParameters.literal(TypedValue.ofLocal(ColumnMetaData.Rep.SHORT, (short) -7)));
    assertEquals("CAST(7 AS TINYINT)", SqlParameters.literal(TypedValue.ofLocal(ColumnMetaData.Rep.BYTE, (byte) 7)));
    assertEquals("CAST(1.5E0 AS REAL)", SqlParameters.literal(TypedValue.ofLocal(ColumnMetaData.Rep.FLOAT, 1.5f)));
    assertEquals("TIME '10:00:01.500000'",
        SqlParameters.literal(TypedValue.ofSerial(ColumnMetaData.Rep.JAVA_SQL_TIME, 36_001_500)));
    // to the microsecond (TemporalParameters): [Types code, microseconds]
    assertEquals("TIME '10:00:01.000123'", SqlParameters.literal(TypedValue.ofSerial(ColumnMetaData.Rep.ARRAY,
        List.of((long) java.sql.Types.TIME, 36_001_000_123L))));
    assertEquals("TIMESTAMP '1969-12-31 23:59:59.999999'", SqlParameters.literal(TypedValue.ofSerial(
        ColumnMetaData.Rep.ARRAY, List.of((long) java.sql.Types.TIMESTAMP, -1L))));
    assertEquals(ErrorCode.INVALID_PARAMETER, assertThrows(QuiverException.class, () -> SqlParameters.literal(
        TypedValue.ofSerial(ColumnMetaData.Rep.ARRAY, List.of((long) java.sql.Types.TIME, -1L)))).errorCode());
    assertEquals(ErrorCode.NOT_SUPPORTED, assertThrows(QuiverException.class, () -> SqlParameters.literal(
        TypedValue.ofSerial(ColumnMetaData.Rep.ARRAY, List.of(1L, 2L)))).errorCode());
    assertEquals("X'00ff'", SqlParameters.literal(TypedValue.ofLocal(ColumnMetaData.Rep.BYTE_STRING,
        new org.apache.calcite.avatica.util.ByteString(new byte[] {0, (byte) 0xFF}))));
  }

  @Test
  void nullsOfAKnownTypeAreCasts() {
    assertEquals("CAST(NULL AS INTEGER)", SqlParameters.literal(TypedValue.ofSerial(ColumnMetaData.Rep.INTEGER, null)));
    assertEquals("CAST(NULL AS VARCHAR)", SqlParameters.literal(TypedValue.ofSerial(ColumnMetaData.Rep.STRING, null)));
    assertEquals("CAST(NULL AS DATE)",
        SqlParameters.literal(TypedValue.ofSerial(ColumnMetaData.Rep.JAVA_SQL_DATE, null)));
    assertEquals("NULL", SqlParameters.literal(TypedValue.ofSerial(ColumnMetaData.Rep.OBJECT, null)));
  }

  @Test
  void tooManyValuesIsAnError() {
    QuiverException e = assertThrows(QuiverException.class, () -> SqlParameters.bind("select ?",
        List.of(TypedValue.ofLocal(ColumnMetaData.Rep.INTEGER, 1), TypedValue.ofLocal(ColumnMetaData.Rep.INTEGER, 2))));
    assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
  }

  @Test
  void missingValueIsAnError() {
    QuiverException e = assertThrows(QuiverException.class, () -> SqlParameters.bind("select ?, ?",
        List.of(TypedValue.ofLocal(ColumnMetaData.Rep.INTEGER, 1))));
    assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
  }
}
