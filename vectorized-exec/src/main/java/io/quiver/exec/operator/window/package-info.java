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
 * <p>Every other aggregate (the statistical ones, MEDIAN and the percentiles, STRING_AGG,
 * APPROX_COUNT_DISTINCT, and any added later) runs through {@code AccumulatorEvaluator}: the
 * accumulator of its {@link io.quiver.exec.operator.aggregate.AggregateDefinition}, the same code
 * as GROUP BY, fed the frames' rows by {@code AccumulatorFeed} (a staging batch of the columns it
 * reads). A frame that starts at UNBOUNDED PRECEDING grows one accumulator per partition, read once
 * per distinct frame end (linear); any other frame is recomputed, each distinct frame one group of a
 * block of groups (a whole-partition frame once per partition; a sliding frame costs rows x frame
 * rows). Aggregates that need all values at once (STRING_AGG, the percentiles) are always
 * recomputed. The accumulators charge their state to the task allocator as in GROUP BY.
 *
 * <p>A new aggregate function therefore works over windows as soon as it has a definition. For
 * speed on sliding frames, {@code WindowEvaluators.aggregate} may map it to an evaluator of its own:
 * extend {@code SlidingInverse} (its state can drop a row exactly: reset, add, remove, emit) or
 * {@code SlidingFold} (two states combine associatively: clear the back, push a row, build suffix
 * states for the front, emit the combination), read arguments with {@code WindowChunk}
 * ({@code longs}, {@code doubles}, {@code decimals}, {@code validity}) and write results with
 * {@code ChunkOutput} ({@code writeLongs}, {@code writeDoubles}, {@code writeDecimals}, or
 * {@code gather} to copy the value of a chosen row).
 */
package io.quiver.exec.operator.window;
