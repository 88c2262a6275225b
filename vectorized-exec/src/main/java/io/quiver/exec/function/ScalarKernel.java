package io.quiver.exec.function;

/**
 * The vectorized body of a scalar function bound to its argument types. The executor evaluates the
 * arguments of a whole batch (constants stay scalars), works out which rows are NULL a word of 64
 * rows at a time, and calls the kernel in one loop over the remaining rows; the kernel reads the
 * arguments and writes the result straight from and to the Arrow buffers, without boxing numbers.
 * For a {@link NullHandling#strict() strict} function only rows whose arguments are all non-NULL
 * reach the kernel.
 *
 * <p>A kernel may keep state across rows (a compiled pattern, a scratch buffer) but is used by one
 * task at a time. It reports bad data by throwing {@link io.quiver.exec.error.QuiverException}
 * with a data error code (22xxx).
 */
@FunctionalInterface
public interface ScalarKernel {

  void apply(KernelArguments arguments, int row, KernelResult result);
}
