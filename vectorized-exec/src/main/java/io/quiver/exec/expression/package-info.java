/**
 * Vectorized evaluation of scalar expressions: {@link io.quiver.exec.expression.ExpressionCompiler}
 * turns a fragment {@code Expression} into a {@link io.quiver.exec.expression.VectorExpression}
 * that computes a whole batch at a time.
 *
 * <p>How it works. {@code NodeBuilder} checks types, inserts the casts SQL promotion needs, turns
 * strict calls on a NULL constant into NULL and folds subtrees without input columns. Each call
 * becomes a node whose kernel loops over Arrow buffers directly: validity bitmaps are combined 64
 * rows per word, boolean results are packed 64 rows per word, and a constant operand stays a
 * scalar inside the kernel (a comparison with a constant becomes a range test on the column's raw
 * values). Exact decimals are computed on unscaled longs with exact overflow checks, and only rows
 * that leave the long range are redone with BigDecimal. Java objects appear only on cold paths
 * (casts through text, ROUND, constants at compile time).
 *
 * <p>Ownership. A node returns a vector its caller owns, except an input column, which is borrowed
 * from the batch; every intermediate vector is closed on success and on failure.
 *
 * <p>Laziness. CASE, COALESCE, AND and OR evaluate an argument only when some row still needs it,
 * and when its whole-batch evaluation fails they evaluate it again on just those rows, so
 * {@code CASE WHEN x <> 0 THEN 1 / x END} and {@code x <> 0 AND y / x > 1} never divide by zero.
 */
package io.quiver.exec.expression;
