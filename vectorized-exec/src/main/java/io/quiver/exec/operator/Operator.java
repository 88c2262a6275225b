package io.quiver.exec.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A vectorized operator: it consumes and produces Arrow batches of a schema fixed at plan time.
 * A {@link Driver} moves batches from each operator to the next in a pipeline.
 *
 * <p>Ownership: a batch passed to {@link #addInput} belongs to the operator from then on, which
 * must close it (or hand it on); a batch returned by {@link #getOutput} belongs to the caller.
 *
 * <p>Life cycle: while {@code needsInput()} the driver may call {@code addInput}; when the upstream
 * operator is finished the driver calls {@code finish()} once; {@code getOutput} may be called at
 * any time and returns null when it has nothing now; once {@code isFinished()} it produces nothing
 * more. {@code close()} releases everything the operator holds, whatever state it is in, and may be
 * called before the operator finished (cancellation, failure, LIMIT satisfied downstream).
 *
 * <p>Every call does a bounded amount of work (about one batch) so a task can be cancelled between
 * calls.
 */
public interface Operator extends AutoCloseable {

  /** True when {@link #addInput} may be called now. Source operators always answer false. */
  boolean needsInput();

  /** Hands the operator a batch; the operator owns it from now on. Only when {@link #needsInput}. */
  void addInput(VectorSchemaRoot batch);

  /** The next output batch, owned by the caller, or null when there is none right now. */
  VectorSchemaRoot getOutput();

  /** Tells the operator no more input will come. Idempotent. */
  void finish();

  /** True when the operator will produce no more output. */
  boolean isFinished();

  /** Releases every buffer the operator holds. Idempotent; never throws for an unfinished operator. */
  @Override
  void close();
}
