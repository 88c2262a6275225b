package io.quiver.exec.operator;

import io.quiver.exec.task.CancellationToken;
import java.util.List;

/**
 * Runs one pipeline to completion on the calling thread: moves batches from its source to its sink
 * (the last operator), checks for cancellation between passes, and closes every operator whatever
 * happens (in {@link #close}).
 */
public final class Driver implements AutoCloseable {

  /** Passes in a row that move nothing before the driver calls the pipeline stuck (an operator bug). */
  private static final int MAX_IDLE_PASSES = 1_000_000;

  private final OperatorPipeline pipeline;
  private final CancellationToken cancellation;
  private final Runnable betweenPasses;

  public Driver(List<Operator> operators, CancellationToken cancellation) {
    this(operators, cancellation, () -> { });
  }

  /**
   * @param betweenPasses runs between passes, when no operator is inside a call (a task spills
   *     there when another task asked it for memory)
   */
  public Driver(List<Operator> operators, CancellationToken cancellation, Runnable betweenPasses) {
    this.pipeline = new OperatorPipeline(operators);
    this.cancellation = cancellation;
    this.betweenPasses = betweenPasses;
  }

  /** Runs until the sink is finished; throws the cancellation reason if the job is cancelled. */
  public void run() {
    int idlePasses = 0;
    while (!pipeline.isFinished()) {
      cancellation.throwIfCancelled();
      betweenPasses.run();
      if (pipeline.step()) {
        idlePasses = 0;
      } else if (++idlePasses > MAX_IDLE_PASSES) {
        throw OperatorPipeline.stalled(pipeline.last());
      }
    }
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
