/**
 * Window functions: {@link io.quiver.exec.operator.window.WindowOperator} over input sorted by the
 * partition and order keys (the planner puts a sort, and an exchange on the partition keys, below).
 * It holds input batches until their partitions are complete, then computes whole partitions a
 * chunk at a time ({@code WindowChunk}): one {@code WindowEvaluator} per call, each a tight loop over
 * primitive arrays (partition and peer bounds, {@code FrameBounds}, argument values), writing results
 * through {@code ChunkOutput} into result vectors appended to the held batches.
 *
 * <p>Frames only move forward over a chunk, which the sliding evaluators use: {@code SlidingInverse}
 * adds entering and removes leaving rows (exact integer and decimal SUM and AVG), {@code SlidingFold}
 * folds with the "two stacks" method (MIN, MAX, floating SUM and AVG), both in amortized constant
 * time per row; COUNT and the value functions are constant time per row from running counts.
 *
 * <p>A new aggregate function works over windows once {@code WindowEvaluators.aggregate} maps it to
 * an evaluator: extend {@code SlidingInverse} (its state can drop a row exactly: reset, add, remove,
 * emit) or {@code SlidingFold} (two states combine associatively: clear the back, push a row, build
 * suffix states for the front, emit the combination), read arguments with {@code WindowChunk}
 * ({@code longs}, {@code doubles}, {@code decimals}, {@code validity}) and write results with
 * {@code ChunkOutput} ({@code writeLongs}, {@code writeDoubles}, {@code writeDecimals}, or
 * {@code gather} to copy the value of a chosen row). Until then the planner rejects the window call
 * with NOT_SUPPORTED.
 */
package io.quiver.exec.operator.window;
