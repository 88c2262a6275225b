package io.quiver.exec.function;

/**
 * How a function consumes rows. Only SCALAR definitions exist today; aggregate and window functions
 * will register here too (their kernels are accumulators, which the aggregate operators own).
 */
public enum FunctionKind {
  /** One value per row. */
  SCALAR,
  /** One value per group. */
  AGGREGATE,
  /** One value per row over a window of rows. */
  WINDOW
}
