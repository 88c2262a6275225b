package io.quiver.engine.ddl;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.ResultSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Receives the rows an UPDATE or MERGE computes for its table's next version, each with a last
 * INTEGER column saying what became of it (0 kept as it was, 1 changed, 2 inserted): counts the
 * rows of each kind, drops that column, and passes the table's columns on. Thread-safe (result
 * tasks deliver in parallel).
 */
final class ChangeKindSink implements ResultSink {

  static final int KEPT = 0;
  static final int CHANGED = 1;
  static final int INSERTED = 2;

  private final ResultSink target;
  private final AtomicLongArray counts = new AtomicLongArray(3);

  ChangeKindSink(ResultSink target) {
    this.target = target;
  }

  @Override
  public void accept(VectorSchemaRoot batch) {
    List<FieldVector> vectors = batch.getFieldVectors();
    int rows = batch.getRowCount();
    if (vectors.isEmpty() || !(vectors.get(vectors.size() - 1) instanceof IntVector kinds)) {
      batch.close();
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the rows of a change lack their kind column");
    }
    long[] seen = new long[3];
    for (int row = 0; row < rows; row++) {
      int kind = kinds.isNull(row) ? -1 : kinds.get(row);
      if (kind < 0 || kind > 2) {
        batch.close();
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "a row of a change has kind " + kind);
      }
      seen[kind]++;
    }
    for (int kind = 0; kind < seen.length; kind++) {
      counts.addAndGet(kind, seen[kind]);
    }
    List<FieldVector> columns = new ArrayList<>(vectors.subList(0, vectors.size() - 1));
    kinds.close();
    VectorSchemaRoot rest = new VectorSchemaRoot(columns);
    rest.setRowCount(rows);
    target.accept(rest);
  }

  /** Rows received of a kind ({@link #KEPT}, {@link #CHANGED}, {@link #INSERTED}). */
  long count(int kind) {
    return counts.get(kind);
  }
}
