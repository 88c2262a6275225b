package io.quiver.exec.expression;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A compiled scalar expression that evaluates a whole batch at once.
 * Built by {@link ExpressionCompiler} from a fragment's {@code Expression}.
 */
public interface VectorExpression extends AutoCloseable {

  /**
   * Evaluates the expression over every row of {@code batch}. The returned vector has
   * {@code batch.getRowCount()} values, the Arrow type of the expression's DataType, is allocated
   * from the allocator the expression was compiled with, and is owned by the caller.
   *
   * @throws io.quiver.exec.error.QuiverException for runtime errors (division by zero, overflow, bad cast)
   */
  FieldVector evaluate(VectorSchemaRoot batch);

  /** Releases buffers the expression caches (for example constant vectors). */
  @Override
  void close();
}
