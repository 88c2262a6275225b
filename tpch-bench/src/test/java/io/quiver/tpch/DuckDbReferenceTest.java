package io.quiver.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DuckDB that answers for comparisons sorts NULLs as Quiver does where a query does not say. */
class DuckDbReferenceTest {

  private static final String VALUES = "(VALUES (1, 'a'), (NULL, 'b'), (2, 'c'), (NULL, 'd')) AS t(x, y)";

  @Test
  void nullsSortAsInQuiver() throws SQLException {
    List<String> queries = List.of(
        "SELECT x FROM " + VALUES + " ORDER BY x DESC, y",
        "SELECT x FROM " + VALUES + " ORDER BY x, y",
        "SELECT x FROM " + VALUES + " ORDER BY x DESC NULLS LAST, y",
        "SELECT x FROM " + VALUES + " ORDER BY x NULLS FIRST, y",
        "SELECT sum(x) AS s, y FROM " + VALUES + " GROUP BY y ORDER BY s DESC, y");
    try (Connection duckDb = DuckDbReference.open(); Connection quiver = DriverManager.getConnection("jdbc:quiver:")) {
      for (String sql : queries) {
        assertEquals(column(quiver, sql), column(duckDb, sql), sql);
      }
      assertEquals(Arrays.asList(null, null, "2", "1"), column(duckDb, queries.get(0)));
    }
  }

  private static List<String> column(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
