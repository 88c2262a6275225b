package io.quiver.engine.ddl;

import io.quiver.engine.connector.memory.CheckRule;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.ResultSink;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Receives the rows a statement would store, each followed by one BOOLEAN column per CHECK
 * constraint that is true where the row violates it (the condition is FALSE; {@link CheckQueries}
 * adds them). The first violation fails the statement with 23514, naming the constraint, the table
 * and the failing row; otherwise the flag columns are dropped and the rows passed on. Reads only
 * the flag vectors, unless a row fails. Thread-safe (it keeps no state).
 */
final class CheckConstraintSink implements ResultSink {

  private final ResultSink target;
  private final List<CheckRule> checks;
  private final String tableName;
  private final List<String> columnNames;

  /** @param columnNames the table's columns, which lead every row */
  CheckConstraintSink(ResultSink target, List<CheckRule> checks, String tableName, List<String> columnNames) {
    this.target = target;
    this.checks = List.copyOf(checks);
    this.tableName = tableName;
    this.columnNames = List.copyOf(columnNames);
  }

  @Override
  public void accept(VectorSchemaRoot batch) {
    List<FieldVector> vectors = batch.getFieldVectors();
    int rows = batch.getRowCount();
    int first = vectors.size() - checks.size();
    try {
      for (int c = 0; c < checks.size(); c++) {
        if (!(vectors.get(first + c) instanceof BitVector flags)) {
          throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the rows for " + tableName + " lack their CHECK flags");
        }
        for (int row = 0; row < rows; row++) {
          if (!flags.isNull(row) && flags.get(row) == 1) {
            throw violation(checks.get(c), vectors, row);
          }
        }
      }
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
    List<FieldVector> kept = new ArrayList<>(vectors.subList(0, first));
    for (FieldVector flags : vectors.subList(first, vectors.size())) {
      flags.close();
    }
    VectorSchemaRoot rest = new VectorSchemaRoot(kept);
    rest.setRowCount(rows);
    target.accept(rest);
  }

  private QuiverException violation(CheckRule check, List<FieldVector> vectors, int row) {
    List<String> values = new ArrayList<>();
    for (int c = 0; c < columnNames.size(); c++) {
      Object value = vectors.get(c).isNull(row) ? null : vectors.get(c).getObject(row);
      values.add(value == null ? "NULL" : value.toString());
    }
    return new QuiverException(ErrorCode.CHECK_VIOLATION, "new row for " + tableName + " violates check constraint "
        + check.name() + " (" + check.condition() + "): failing row (" + String.join(", ", columnNames) + ")=("
        + String.join(", ", values) + ")");
  }
}
