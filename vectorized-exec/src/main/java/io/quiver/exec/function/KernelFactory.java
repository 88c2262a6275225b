package io.quiver.exec.function;

/** Makes the kernel of a function for one call site, when an expression is compiled. */
@FunctionalInterface
public interface KernelFactory {

  /**
   * @throws io.quiver.exec.error.QuiverException for arguments the function refuses at compile time
   *     (an invalid constant pattern or unit)
   */
  ScalarKernel bind(KernelBinding binding);
}
