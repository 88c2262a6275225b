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
  void missingValueIsAnError() {
    QuiverException e = assertThrows(QuiverException.class, () -> SqlParameters.bind("select ?, ?",
        List.of(TypedValue.ofLocal(ColumnMetaData.Rep.INTEGER, 1))));
    assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
  }
}
