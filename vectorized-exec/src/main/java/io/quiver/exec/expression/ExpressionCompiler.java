package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import org.apache.arrow.memory.BufferAllocator;

/** Turns fragment expressions into vectorized evaluators. (Placeholder until the evaluator lands.) */
public final class ExpressionCompiler {

  private ExpressionCompiler() {
  }

  /**
   * Compiles {@code expression}; result vectors are allocated from {@code allocator}.
   *
   * @throws QuiverException NOT_SUPPORTED for a function or type combination the executor lacks
   */
  public static VectorExpression compile(Expression expression, BufferAllocator allocator) {
    throw new QuiverException(ErrorCode.NOT_SUPPORTED, "expression evaluation is not built yet: " + expression);
  }
}
