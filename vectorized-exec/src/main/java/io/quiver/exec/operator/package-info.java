/**
 * Vectorized operators and the {@link io.quiver.exec.operator.Driver} that moves batches through a
 * pipeline of them. One operator per file, in packages by kind: {@code source} (table scan, values,
 * exchange source), {@code filter}, {@code project}, {@code aggregate} (hash aggregation, its group-by
 * hash tables and accumulators), {@code sort} (sort, top-N), {@code limit}, {@code union}, {@code window} (window functions over
 * sorted partitions) and
 * {@code sink} (exchange writer, result writer). Every operator follows the
 * {@link io.quiver.exec.operator.Operator} contract.
 */
package io.quiver.exec.operator;
