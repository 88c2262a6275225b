package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code value IN (c1, c2, ...)}: TRUE if some candidate equals the value, NULL if none does but the
 * value or some candidate is NULL, else FALSE. The value is evaluated once; every candidate is an
 * equality kernel (constants are not materialized).
 */
final class InNode extends ExpressionNode {

  private final ExpressionNode value;
  private final List<ExpressionNode> candidates;
  private final List<ComparisonKernel> kernels;
  private final boolean nullCandidate;

  InNode(ExpressionNode value, List<ExpressionNode> candidates, BufferAllocator allocator) {
    super(DataType.BOOLEAN, allocator, concat(value, candidates));
    this.value = value;
    List<ExpressionNode> kept = new ArrayList<>();
    List<ComparisonKernel> kernelList = new ArrayList<>();
    boolean sawNull = false;
    for (ExpressionNode candidate : candidates) {
      if (candidate instanceof ConstantNode constant && constant.isNull()) {
        sawNull = true;
        continue;
      }
      boolean isConstant = candidate instanceof ConstantNode;
      kept.add(candidate);
      kernelList.add(ComparisonKernel.create(value.type(), candidate.type(), Comparison.EQUAL,
          isConstant, isConstant ? ((ConstantNode) candidate).value : null));
    }
    this.candidates = kept;
    this.kernels = kernelList;
    this.nullCandidate = sawNull;
  }

  private static List<ExpressionNode> concat(ExpressionNode value, List<ExpressionNode> candidates) {
    List<ExpressionNode> all = new ArrayList<>();
    all.add(value);
    all.addAll(candidates);
    return all;
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector valueVector = value.evaluate(batch);
    List<FieldVector> matches = new ArrayList<>();
    try {
      for (int c = 0; c < candidates.size(); c++) {
        ExpressionNode candidate = candidates.get(c);
        FieldVector candidateVector = candidate instanceof ConstantNode ? null : candidate.evaluate(batch);
        try {
          matches.add(kernels.get(c).apply(valueVector, candidateVector, rows, allocator));
        } finally {
          candidate.release(candidateVector);
        }
      }
      BitVector result;
      if (matches.isEmpty()) {
        result = (BitVector) Vectors.allocate(DataType.BOOLEAN, rows, allocator);
        result.setValueCount(rows);
      } else {
        result = LogicNode.andOr(matches.toArray(new FieldVector[0]), rows, false, allocator);
      }
      if (nullCandidate) {
        ArrowBuf validity = result.getValidityBuffer();
        ArrowBuf values = result.getDataBuffer();
        for (int w = 0; w < Validity.wordCount(rows); w++) {
          Validity.writeWord(validity, w, Validity.readWord(validity, w) & Validity.readWord(values, w));
        }
      }
      return result;
    } finally {
      value.release(valueVector);
      Vectors.closeAll(matches);
    }
  }

  @Override
  public String toString() {
    return "(" + value + " IN " + candidates + (nullCandidate ? " + NULL" : "") + ")";
  }
}
