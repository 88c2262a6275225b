package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * CASE WHEN c1 THEN v1 ... ELSE e END, and COALESCE(v1, v2, ...). Both walk their branches in
 * order over the rows still undecided; a branch is evaluated only when some row reaches it (and
 * then lazily, see {@link RowSubset}). Branch values already have the result type.
 */
final class CaseNode extends ExpressionNode {

  private final boolean coalesce;

  /**
   * For CASE: when1, then1, ..., else. For COALESCE: the values.
   */
  CaseNode(boolean coalesce, List<ExpressionNode> arguments, DataType type, BufferAllocator allocator) {
    super(type, allocator, arguments);
    this.coalesce = coalesce;
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    long[] remaining = new long[Validity.wordCount(rows)];
    for (int w = 0; w < remaining.length; w++) {
      remaining[w] = Validity.rowMask(w, rows);
    }
    FieldVector result = Vectors.allocate(type, rows, allocator);
    try {
      if (coalesce) {
        for (ExpressionNode value : children) {
          if (RowSubset.isEmpty(remaining)) {
            break;
          }
          take(value, batch, remaining, null, result);
        }
      } else {
        int branches = (children.size() - 1) / 2;
        for (int b = 0; b < branches && !RowSubset.isEmpty(remaining); b++) {
          ExpressionNode condition = children.get(2 * b);
          long[] chosen = new long[remaining.length];
          FieldVector conditionVector = RowSubset.evaluate(condition, batch, remaining, allocator);
          try {
            for (int w = 0; w < remaining.length; w++) {
              chosen[w] = remaining[w] & Validity.validWord(conditionVector, w)
                  & Validity.valueWord(conditionVector, w);
            }
          } finally {
            condition.release(conditionVector);
          }
          if (!RowSubset.isEmpty(chosen)) {
            take(children.get(2 * b + 1), batch, chosen, remaining, result);
          }
        }
        if (!RowSubset.isEmpty(remaining)) {
          take(children.get(children.size() - 1), batch, remaining, null, result);
        }
      }
      result.setValueCount(rows);
      FieldVector done = result;
      result = null;
      return done;
    } finally {
      if (result != null) {
        result.close();
      }
    }
  }

  /**
   * Copies {@code value} into {@code result} for the rows in {@code rows}. COALESCE (no {@code
   * remaining}) takes only non-NULL values and removes them from {@code rows}; CASE takes every
   * chosen row and removes it from {@code remaining}.
   */
  private void take(ExpressionNode value, VectorSchemaRoot batch, long[] rows, long[] remaining,
      FieldVector result) {
    int rowCount = batch.getRowCount();
    if (value instanceof ConstantNode constant) {
      for (int w = 0; w < rows.length; w++) {
        long word = rows[w];
        while (word != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
          BoxedValues.write(result, type, i, constant.value);
        }
        if (remaining != null) {
          remaining[w] &= ~rows[w];
        } else if (constant.value != null) {
          rows[w] = 0;
        }
      }
      return;
    }
    FieldVector source = RowSubset.evaluate(value, batch, rows, allocator);
    try {
      for (int w = 0; w < rows.length; w++) {
        long word = rows[w];
        if (remaining == null) {
          word &= Validity.validWord(source, w);
        }
        long taken = word;
        while (word != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
          if (i < rowCount) {
            result.copyFromSafe(i, i, source);
          }
        }
        if (remaining != null) {
          remaining[w] &= ~taken;
        } else {
          rows[w] &= ~taken;
        }
      }
    } finally {
      value.release(source);
    }
  }

  @Override
  public String toString() {
    return (coalesce ? "COALESCE" : "CASE") + children;
  }
}
