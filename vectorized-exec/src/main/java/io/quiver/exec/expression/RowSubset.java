package io.quiver.exec.expression;

import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Lazy evaluation for CASE and COALESCE: a branch must not fail on rows that do not reach it
 * ({@code CASE WHEN x <> 0 THEN 1 / x END}). A branch is first evaluated on the whole batch (the
 * fast, usual case); only if that raises an error is it evaluated again on a copy of the rows that
 * reach it, so the error surfaces only when one of those rows causes it.
 */
final class RowSubset {

  private RowSubset() {
  }

  /**
   * Evaluates {@code node} for the rows set in {@code selected} (one bit per row). The result has
   * one value per batch row; rows outside the selection hold unspecified values. The caller owns the
   * result unless {@code node.borrowsResult()}.
   */
  static FieldVector evaluate(ExpressionNode node, VectorSchemaRoot batch, long[] selected,
      BufferAllocator allocator) {
    int rows = batch.getRowCount();
    if (coversAll(selected, rows)) {
      return node.evaluate(batch);
    }
    try {
      return node.evaluate(batch);
    } catch (QuiverException wholeBatchFailure) {
      return evaluateSelected(node, batch, selected, allocator);
    }
  }

  static boolean coversAll(long[] selected, int rows) {
    for (int w = 0; w < selected.length; w++) {
      long mask = Validity.rowMask(w, rows);
      if ((selected[w] & mask) != mask) {
        return false;
      }
    }
    return true;
  }

  static boolean isEmpty(long[] selected) {
    for (long word : selected) {
      if (word != 0) {
        return false;
      }
    }
    return true;
  }

  private static FieldVector evaluateSelected(ExpressionNode node, VectorSchemaRoot batch, long[] selected,
      BufferAllocator allocator) {
    int rows = batch.getRowCount();
    int[] positions = new int[rows];
    int count = 0;
    for (int i = 0; i < rows; i++) {
      if ((selected[i >>> 6] >>> (i & 63) & 1) != 0) {
        positions[count++] = i;
      }
    }
    try (VectorSchemaRoot subset = select(batch, positions, count, allocator)) {
      FieldVector partial = node.evaluate(subset);
      FieldVector expanded = null;
      try {
        expanded = Vectors.allocate(node.type(), rows, allocator);
        for (int j = 0; j < count; j++) {
          expanded.copyFromSafe(j, positions[j], partial);
        }
        expanded.setValueCount(rows);
        FieldVector done = expanded;
        expanded = null;
        return done;
      } finally {
        if (expanded != null) {
          expanded.close();
        }
        node.release(partial);
      }
    }
  }

  private static VectorSchemaRoot select(VectorSchemaRoot batch, int[] positions, int count,
      BufferAllocator allocator) {
    List<Field> fields = new ArrayList<>();
    List<FieldVector> vectors = new ArrayList<>();
    try {
      for (FieldVector vector : batch.getFieldVectors()) {
        TransferPair pair = vector.getTransferPair(allocator);
        FieldVector target = (FieldVector) pair.getTo();
        vectors.add(target);
        fields.add(target.getField());
        target.allocateNew();
        for (int j = 0; j < count; j++) {
          pair.copyValueSafe(positions[j], j);
        }
        target.setValueCount(count);
      }
      return new VectorSchemaRoot(fields, vectors, count);
    } catch (RuntimeException e) {
      Vectors.closeAll(vectors);
      throw e;
    }
  }
}
