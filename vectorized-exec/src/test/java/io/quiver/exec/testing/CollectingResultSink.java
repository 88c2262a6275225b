package io.quiver.exec.testing;

import io.quiver.exec.task.ResultSink;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Keeps the rows of every result batch as Java values and releases the batch at once. */
public final class CollectingResultSink implements ResultSink {

  private final List<List<Object>> rows = new ArrayList<>();

  @Override
  public synchronized void accept(VectorSchemaRoot batch) {
    try (batch) {
      rows.addAll(TestTables.rows(batch));
    }
  }

  public synchronized List<List<Object>> rows() {
    return new ArrayList<>(rows);
  }
}
