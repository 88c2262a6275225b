package io.quiver.slt;

import io.quiver.slt.SltRecord.SortMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one record against a JDBC connection and throws {@link AssertionFailedError} (with the
 * record's {@code file:line}, its SQL, and expected versus actual) when the outcome differs.
 */
final class SltRecordRunner {

  private final boolean checkTypes;

  /** @param checkTypes whether a query's type letters must match the JDBC column types */
  SltRecordRunner(boolean checkTypes) {
    this.checkTypes = checkTypes;
  }

  void run(SltRecord record, Connection connection) {
    if (record instanceof SltRecord.StatementOk statement) {
      runStatementOk(statement, connection);
    } else if (record instanceof SltRecord.StatementCount statement) {
      runStatementCount(statement, connection);
    } else if (record instanceof SltRecord.StatementError statement) {
      runStatementError(statement, connection);
    } else if (record instanceof SltRecord.Query query) {
      runQuery(query, connection);
    }
  }

  private static void runStatementOk(SltRecord.StatementOk record, Connection connection) {
    try {
      executeAndDrain(connection, record.sql());
    } catch (SQLException | RuntimeException e) {
      throw failure(record.location(), record.sql(), "expected the statement to succeed, but it failed: " + describe(e), e);
    }
  }

  private static void runStatementCount(SltRecord.StatementCount record, Connection connection) {
    long count;
    try (Statement statement = connection.createStatement()) {
      if (statement.execute(record.sql())) {
        throw failure(record.location(), record.sql(), "expected an update count, but the statement returned rows",
            null);
      }
      count = statement.getLargeUpdateCount();
    } catch (SQLException | RuntimeException e) {
      throw failure(record.location(), record.sql(), "expected the statement to succeed, but it failed: " + describe(e), e);
    }
    if (count != record.count()) {
      throw failure(record.location(), record.sql(), "expected an update count of " + record.count() + ", got " + count,
          null);
    }
  }

  private static void runStatementError(SltRecord.StatementError record, Connection connection) {
    try {
      executeAndDrain(connection, record.sql());
    } catch (SQLException e) {
      if (record.sqlState().isPresent() && !sqlStateMatches(record.sqlState().get(), e.getSQLState())) {
        throw failure(record.location(), record.sql(), "expected SQLState " + record.sqlState().get()
            + " but the error was: " + describe(e), e);
      }
      String message = String.valueOf(e.getMessage());
      if (record.messagePattern().isPresent() && !record.messagePattern().get().matcher(message).find()) {
        throw failure(record.location(), record.sql(), "expected an error message matching /"
            + record.messagePattern().get().pattern() + "/ but the error was: " + describe(e), e);
      }
      return;
    } catch (RuntimeException e) {
      throw failure(record.location(), record.sql(), "expected an SQLException, but the driver threw " + e, e);
    }
    throw failure(record.location(), record.sql(), "expected an error, but the statement succeeded", null);
  }

  private void runQuery(SltRecord.Query record, Connection connection) {
    List<List<String>> actual = new ArrayList<>();
    String actualTypes;
    try (Statement statement = connection.createStatement();
         ResultSet resultSet = statement.executeQuery(record.sql())) {
      ResultSetMetaData metaData = resultSet.getMetaData();
      int columns = metaData.getColumnCount();
      StringBuilder types = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        types.append(SltValueRenderer.letterOf(metaData.getColumnType(i)));
      }
      actualTypes = types.toString();
      if (columns != record.columnTypes().length()) {
        throw failure(record.location(), record.sql(), "expected " + record.columnTypes().length()
            + " column(s) (" + record.columnTypes() + ") but the query returned " + columns + " (" + actualTypes + ")", null);
      }
      if (checkTypes) {
        for (int i = 1; i <= columns; i++) {
          char letter = record.columnTypes().charAt(i - 1);
          if (!SltValueRenderer.typeMatches(letter, metaData.getColumnType(i))) {
            throw failure(record.location(), record.sql(), "column " + i + " (" + metaData.getColumnLabel(i)
                + ") is " + metaData.getColumnTypeName(i) + ", which is '" + actualTypes.charAt(i - 1)
                + "', not '" + letter + "' (query " + actualTypes + ")", null);
          }
        }
      }
      while (resultSet.next()) {
        List<String> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(SltValueRenderer.render(resultSet, i, record.columnTypes().charAt(i - 1)));
        }
        actual.add(row);
      }
    } catch (SQLException | RuntimeException e) {
      throw failure(record.location(), record.sql(), "expected the query to succeed, but it failed: " + describe(e), e);
    }
    List<List<String>> expected = arrange(record.expectedRows(), record.sortMode());
    List<List<String>> arrangedActual = arrange(actual, record.sortMode());
    if (!expected.equals(arrangedActual)) {
      throw new AssertionFailedError(record.location() + ": wrong result (" + record.sortMode().name().toLowerCase()
          + ")\n" + record.sql() + "\n---- expected\n" + format(expected) + "\n---- actual\n" + format(arrangedActual)
          + "\n---- actual as an .slt record\nquery " + actualTypes + (record.sortMode() == SortMode.NOSORT ? "" : " " + record.sortMode().name().toLowerCase())
          + "\n" + record.sql() + "\n----\n" + format(actual),
          format(expected), format(arrangedActual));
    }
  }

  /** A five-character code must be equal; a shorter one is a prefix (42 = any 42xxx). */
  static boolean sqlStateMatches(String expected, String actual) {
    if (actual == null) {
      return false;
    }
    return expected.length() == 5 ? expected.equals(actual) : actual.startsWith(expected);
  }

  /** Executes SQL and reads every row of every result, so that errors while running surface here. */
  private static void executeAndDrain(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      boolean isResultSet = statement.execute(sql);
      while (true) {
        if (isResultSet) {
          try (ResultSet resultSet = statement.getResultSet()) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
              for (int i = 1; i <= columns; i++) {
                resultSet.getObject(i);
              }
            }
          }
        } else if (statement.getUpdateCount() == -1) {
          return;
        }
        isResultSet = statement.getMoreResults();
      }
    }
  }

  private static List<List<String>> arrange(List<List<String>> rows, SortMode sortMode) {
    switch (sortMode) {
      case ROWSORT -> {
        List<List<String>> sorted = new ArrayList<>(rows);
        sorted.sort(ROW_ORDER);
        return sorted;
      }
      case VALUESORT -> {
        List<List<String>> values = new ArrayList<>();
        rows.stream().flatMap(List::stream).sorted().forEach(value -> values.add(List.of(value)));
        return values;
      }
      default -> {
        return rows;
      }
    }
  }

  private static final Comparator<List<String>> ROW_ORDER = (left, right) -> {
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      int order = left.get(i).compareTo(right.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.size(), right.size());
  };

  /** Rows as .slt lines: cells joined by a space, or by tabs when a cell holds a space. */
  static String format(List<List<String>> rows) {
    return rows.stream().map(row -> {
      boolean hasSpace = row.size() > 1 && row.stream().anyMatch(cell -> cell.contains(" "));
      return String.join(hasSpace ? "\t" : " ", row);
    }).collect(Collectors.joining("\n"));
  }

  private static String describe(Throwable e) {
    if (e instanceof SQLException sqlException) {
      return "[SQLState " + sqlException.getSQLState() + "] " + sqlException.getMessage();
    }
    return e.toString();
  }

  private static AssertionFailedError failure(String location, String sql, String message, Throwable cause) {
    return new AssertionFailedError(location + ": " + message + "\n" + sql, cause);
  }
}
