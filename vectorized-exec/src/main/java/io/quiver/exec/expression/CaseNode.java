package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * CASE WHEN c1 THEN v1 ... ELSE e END, and COALESCE(v1, v2, ...). Both walk their branches in
 * order over the rows still undecided, noting per row which branch supplies its value; a branch is
 * evaluated only when some row reaches it (and then lazily, see {@link RowSubset}). The result is
 * then assembled in row order, which variable-width vectors require. Branch values already have
 * the result type.
 */
final class CaseNode extends ExpressionNode {

  private final boolean coalesce;
  /** Indexes into {@link #children} of the value branches (THEN values and ELSE, or COALESCE values). */
  private final int[] valueIndexes;

  /** For CASE: when1, then1, ..., else. For COALESCE: the values. */
  CaseNode(boolean coalesce, List<ExpressionNode> arguments, DataType type, BufferAllocator allocator) {
    super(type, allocator, arguments);
    this.coalesce = coalesce;
    if (coalesce) {
      valueIndexes = new int[arguments.size()];
      for (int i = 0; i < valueIndexes.length; i++) {
        valueIndexes[i] = i;
      }
    } else {
      int branches = (arguments.size() - 1) / 2;
      valueIndexes = new int[branches + 1];
      for (int b = 0; b < branches; b++) {
        valueIndexes[b] = 2 * b + 1;
      }
      valueIndexes[branches] = arguments.size() - 1;
    }
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    long[] remaining = new long[Validity.wordCount(rows)];
    for (int w = 0; w < remaining.length; w++) {
      remaining[w] = Validity.rowMask(w, rows);
    }
    int[] choice = new int[rows];
    Arrays.fill(choice, -1);
    FieldVector[] sources = new FieldVector[valueIndexes.length];
    FieldVector result = null;
    try {
      if (coalesce) {
        for (int v = 0; v < valueIndexes.length && !RowSubset.isEmpty(remaining); v++) {
          choose(v, batch, remaining, remaining, true, choice, sources);
        }
      } else {
        int branches = valueIndexes.length - 1;
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
            choose(b, batch, chosen, remaining, false, choice, sources);
          }
        }
        if (!RowSubset.isEmpty(remaining)) {
          choose(branches, batch, remaining.clone(), remaining, false, choice, sources);
        }
      }
      result = Vectors.allocate(type, rows, allocator);
      for (int i = 0; i < rows; i++) {
        int v = choice[i];
        if (v < 0) {
          continue;
        }
        if (sources[v] == null) {
          BoxedValues.write(result, type, i, ((ConstantNode) children.get(valueIndexes[v])).value);
        } else {
          result.copyFromSafe(i, i, sources[v]);
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
      for (int v = 0; v < sources.length; v++) {
        children.get(valueIndexes[v]).release(sources[v]);
      }
    }
  }

  /**
   * Evaluates value branch {@code v} for the rows in {@code rows} and assigns them to it; with
   * {@code onlyNonNull} (COALESCE) only rows where the value is not NULL. Assigned rows leave
   * {@code remaining}.
   */
  private void choose(int v, VectorSchemaRoot batch, long[] rows, long[] remaining, boolean onlyNonNull,
      int[] choice, FieldVector[] sources) {
    ExpressionNode value = children.get(valueIndexes[v]);
    long[] taken = rows.clone();
    if (value instanceof ConstantNode constant) {
      if (onlyNonNull && constant.isNull()) {
        return;
      }
    } else {
      sources[v] = RowSubset.evaluate(value, batch, rows, allocator);
      if (onlyNonNull) {
        for (int w = 0; w < taken.length; w++) {
          taken[w] &= Validity.validWord(sources[v], w);
        }
      }
    }
    for (int w = 0; w < taken.length; w++) {
      long word = taken[w];
      while (word != 0) {
        choice[(w << 6) + Long.numberOfTrailingZeros(word)] = v;
        word &= word - 1;
      }
      remaining[w] &= ~taken[w];
    }
  }

  @Override
  public String toString() {
    return (coalesce ? "COALESCE" : "CASE") + children;
  }
}
