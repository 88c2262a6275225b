package io.quiver.engine.ddl;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.RowSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Checks the rows an INSERT or CREATE TABLE ... AS stores before they reach the table: no NULL in a
 * NOT NULL column (23502), no text longer than its CHAR(n)/VARCHAR(n) column (22001, counted in
 * characters; for CHAR not counting trailing spaces). Works on the Arrow buffers: a NOT NULL check
 * reads the vector's null count, a length check reads the offsets and looks at the bytes of a value
 * only when it has more bytes than the column allows characters. A batch that fails is freed and
 * the error fails the statement, so nothing is stored.
 */
final class InsertChecks implements ResultSink {

  private final ResultSink target;
  private final String tableName;
  private final List<Column> columns;
  private final boolean anyCheck;

  /** @param columns the table's columns, in the order of the batches' vectors */
  InsertChecks(ResultSink target, String tableName, RowSchema columns) {
    this.target = target;
    this.tableName = tableName;
    this.columns = columns.columns();
    boolean any = false;
    for (Column column : this.columns) {
      any |= !column.nullable() || (column.type().isText() && column.type().precision() >= 0);
    }
    this.anyCheck = any;
  }

  @Override
  public void accept(VectorSchemaRoot batch) {
    if (anyCheck) {
      try {
        check(batch);
      } catch (RuntimeException | Error e) {
        batch.close();
        throw e;
      }
    }
    target.accept(batch);
  }

  private void check(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    List<FieldVector> vectors = batch.getFieldVectors();
    if (vectors.size() != columns.size()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "rows for " + tableName + " have " + vectors.size()
          + " columns, the table has " + columns.size());
    }
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      FieldVector vector = vectors.get(c);
      if (!column.nullable() && rows > 0 && vector.getNullCount() > 0) {
        throw new QuiverException(ErrorCode.NOT_NULL_VIOLATION, "column " + column.name() + " of " + tableName
            + " is NOT NULL; a row to store has NULL there");
      }
      int length = column.type().precision();
      if (column.type().isText() && length >= 0 && vector instanceof VarCharVector text) {
        checkLength(text, rows, column, length);
      }
    }
  }

  private void checkLength(VarCharVector vector, int rows, Column column, int length) {
    ArrowBuf offsets = vector.getOffsetBuffer();
    ArrowBuf data = vector.getDataBuffer();
    boolean padded = column.type().kind() == io.quiver.exec.type.TypeKind.CHAR;
    for (int row = 0; row < rows; row++) {
      int start = offsets.getInt((long) row * 4);
      int end = offsets.getInt((long) (row + 1) * 4);
      if (end - start <= length || vector.isNull(row)) {
        continue; // never more characters than bytes
      }
      if (padded) {
        while (end > start && data.getByte(end - 1) == ' ') {
          end--;
        }
      }
      int characters = 0;
      for (long i = start; i < end; i++) {
        if ((data.getByte(i) & 0xC0) != 0x80) {
          characters++;
        }
      }
      if (characters > length) {
        byte[] bytes = new byte[Math.min(end - start, 64)];
        data.getBytes(start, bytes);
        String shown = new String(bytes, StandardCharsets.UTF_8) + (end - start > 64 ? "..." : "");
        throw new QuiverException(ErrorCode.STRING_TOO_LONG, "value too long for column " + column.name() + " "
            + column.type() + " of " + tableName + ": '" + shown + "' has " + characters + " characters");
      }
    }
  }
}
