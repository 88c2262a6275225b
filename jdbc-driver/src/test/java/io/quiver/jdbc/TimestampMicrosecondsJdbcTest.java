package io.quiver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

/** TIME and TIMESTAMP literals keep their microseconds all the way to the JDBC accessors. */
class TimestampMicrosecondsJdbcTest {

  @Test
  void literalsCastsAndArithmeticKeepMicroseconds() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:quiver:");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT TIMESTAMP '2024-01-31 10:11:12.123456' AS lit, "
            + "CAST('2024-01-31 10:11:12.123456' AS TIMESTAMP) AS cast_ts, "
            + "TIMESTAMP '2024-01-31 10:11:12.123456' + INTERVAL '1' DAY AS plus, "
            + "TIME '10:11:12.654321' AS tm, TIMESTAMP '1969-12-31 23:59:59.000001' AS early")) {
      rs.next();
      Timestamp literal = rs.getTimestamp("lit");
      assertEquals(123_456_000, literal.getNanos());
      assertEquals(Timestamp.valueOf("2024-01-31 10:11:12.123456"), literal);
      assertEquals(literal, rs.getTimestamp("cast_ts"));
      assertEquals("2024-01-31 10:11:12.123456", rs.getString("lit"));
      assertEquals("2024-02-01 10:11:12.123456", rs.getString("plus"));
      assertEquals(Timestamp.valueOf("2024-02-01 10:11:12.123456"), rs.getTimestamp("plus"));
      assertEquals("10:11:12.654321", rs.getString("tm"));
      assertEquals(Timestamp.valueOf("1969-12-31 23:59:59.000001"), rs.getTimestamp("early"));
      assertEquals("1969-12-31 23:59:59.000001", rs.getString("early"));
    }
  }
}
