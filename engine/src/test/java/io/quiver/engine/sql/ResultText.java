package io.quiver.engine.sql;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** Query results as text rows for comparing runs: decimals in plain notation, NULL as "null". */
final class ResultText {

  private ResultText() {
  }

  static List<List<String>> rows(Session session, String sql) {
    List<List<String>> rows = new ArrayList<>();
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        List<FieldVector> vectors = result.root().getFieldVectors();
        for (int row = 0; row < result.root().getRowCount(); row++) {
          List<String> values = new ArrayList<>();
          for (FieldVector vector : vectors) {
            Object value = vector.getObject(row);
            values.add(value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value));
          }
          rows.add(values);
        }
      }
    }
    return rows;
  }

  /** The rows in a fixed order, so that runs that differ only in row order compare equal. */
  static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort((a, b) -> String.join("\u0001", a).compareTo(String.join("\u0001", b)));
    return copy;
  }
}
