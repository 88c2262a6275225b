package io.quiver.tpch.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the small two-engine benchmarks ({@link GroupingBench}, {@link WindowBench}) do with a connection. */
final class BenchQueries {

  private BenchQueries() {
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static double median(Connection connection, String sql, int runs) throws SQLException {
    List<Double> times = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      rows(connection, sql);
      times.add((System.nanoTime() - start) / 1e6);
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }

  /** The rows as sorted text, numbers in plain notation without trailing zeros. */
  static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
      int columns = resultSet.getMetaData().getColumnCount();
      while (resultSet.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          Object value = resultSet.getObject(i);
          row.append(value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
              : value instanceof Number number ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
              : String.valueOf(value)).append('|');
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }
}
