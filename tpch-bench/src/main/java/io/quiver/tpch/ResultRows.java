package io.quiver.tpch;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A query's rows, with each value normalized so that two drivers can be compared: exact numbers
 * (integers, BigInteger, DECIMAL) as {@link BigDecimal}, REAL/DOUBLE as {@link Double}, dates as
 * {@code yyyy-MM-dd} text, text as is.
 */
public record ResultRows(List<String> columnNames, List<List<Object>> rows) {

  public static ResultRows query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return query(statement, sql);
    }
  }

  /** Runs {@code sql} on {@code statement} (which another thread may cancel) and reads every row. */
  public static ResultRows query(Statement statement, String sql) throws SQLException {
    try (ResultSet resultSet = statement.executeQuery(sql)) {
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

  /** Runs {@code sql} in a Quiver session and reads every row, normalized as for JDBC. */
  public static ResultRows query(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      return read(result);
    }
  }

  /** Reads the remaining rows of {@code result} (which the caller still closes). */
  public static ResultRows read(QueryResult result) {
    VectorSchemaRoot root = result.root();
    List<String> names = new ArrayList<>();
    root.getSchema().getFields().forEach(field -> names.add(field.getName()));
    List<List<Object>> rows = new ArrayList<>();
    while (result.loadNextBatch()) {
      List<FieldVector> vectors = root.getFieldVectors();
      for (int row = 0; row < root.getRowCount(); row++) {
        List<Object> values = new ArrayList<>(vectors.size());
        for (FieldVector vector : vectors) {
          values.add(normalize(vector, row));
        }
        rows.add(values);
      }
    }
    return new ResultRows(names, rows);
  }

  private static Object normalize(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof DateDayVector dates) {
      return LocalDate.ofEpochDay(dates.get(row)).toString();
    }
    return normalizeValue(vector.getObject(row));
  }

  private static Object normalize(ResultSet resultSet, int column, int sqlType) throws SQLException {
    if (sqlType == Types.DATE) {
      // Text, not java.sql.Date: free of the JVM's time zone.
      return resultSet.getString(column);
    }
    return normalizeValue(resultSet.getObject(column));
  }

  private static Object normalizeValue(Object value) {
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
