/**
 * What tasks and their operators did: {@link io.quiver.exec.metrics.TaskStats} and
 * {@link io.quiver.exec.metrics.OperatorStats} are the plain data a task reports when it ends (its
 * {@code TaskEnded} event on the driver's bus, also from executor processes); the
 * {@link io.quiver.exec.metrics.OperatorClock} and {@link io.quiver.exec.metrics.OperatorMeter}
 * measure operators batch by batch where the pipeline hands batches on
 * ({@link io.quiver.exec.operator.MeteredOperator}).
 */
package io.quiver.exec.metrics;
