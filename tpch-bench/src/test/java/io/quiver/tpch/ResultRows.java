package io.quiver.tpch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's rows, with each value normalized so that two drivers can be compared: exact numbers
 * (integers, BigInteger, DECIMAL) as {@link BigDecimal}, REAL/DOUBLE as {@link Double}, dates as
 * {@code yyyy-MM-dd} text, text as is.
 */
record ResultRows(List<String> columnNames, List<List<Object>> rows) {

  static ResultRows query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
      ResultSetMetaData metaData = resultSet.getMetaData();
      int columns = metaData.getColumnCount();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= columns; i++) {
        names.add(metaData.getColumnLabel(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (resultSet.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(normalize(resultSet, i, metaData.getColumnType(i)));
        }
        rows.add(row);
      }
      return new ResultRows(names, rows);
    }
  }

  private static Object normalize(ResultSet resultSet, int column, int sqlType) throws SQLException {
    if (sqlType == Types.DATE) {
      // Text, not java.sql.Date: free of the JVM's time zone.
      return resultSet.getString(column);
    }
    Object value = resultSet.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof java.time.LocalDate date) {
      return date.toString();
    }
    return value.toString();
  }
}
