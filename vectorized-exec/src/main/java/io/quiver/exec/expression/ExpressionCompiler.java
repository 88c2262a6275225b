package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Turns fragment expressions into vectorized evaluators: every call becomes a kernel that loops over
 * whole Arrow buffers (values and validity bitmaps), constants stay scalars inside the kernels, and
 * calls on constants only are folded at compile time.
 */
public final class ExpressionCompiler {

  private ExpressionCompiler() {
  }

  /**
   * Compiles {@code expression}; result vectors are allocated from {@code allocator}.
   *
   * @throws QuiverException NOT_SUPPORTED for a function or type combination the executor lacks
   */
  public static VectorExpression compile(Expression expression, BufferAllocator allocator) {
    if (allocator == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "An allocator is required to compile " + expression);
    }
    ExpressionNode root = new NodeBuilder(allocator).build(expression);
    return new CompiledExpression(expression, root, allocator);
  }
}
