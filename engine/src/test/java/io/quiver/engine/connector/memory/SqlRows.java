package io.quiver.engine.connector.memory;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;

/** Runs SQL and renders its rows as text (NULL, decimals in plain notation, dates as yyyy-MM-dd). */
public final class SqlRows {

  private SqlRows() {
  }

  public static List<List<String>> rows(Session session, String sql) {
    List<List<String>> rows = new ArrayList<>();
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        for (int row = 0; row < result.root().getRowCount(); row++) {
          List<String> values = new ArrayList<>();
          for (FieldVector vector : result.root().getFieldVectors()) {
            values.add(render(vector, row));
          }
          rows.add(values);
        }
      }
    }
    return rows;
  }

  /** Runs a statement that returns no rows; its update count. */
  public static long update(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      if (result.isRowResult()) {
        throw new AssertionError("not a DDL/DML result: " + sql);
      }
      if (result.loadNextBatch()) {
        throw new AssertionError("a DDL result had rows: " + sql);
      }
      return result.updateCount();
    }
  }

  public static String render(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return "NULL";
    }
    if (vector instanceof DateDayVector dates) {
      return LocalDate.ofEpochDay(dates.get(row)).toString();
    }
    Object value = vector.getObject(row);
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }
}
