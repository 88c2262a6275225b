package io.quiver.engine.driver;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.CancellationToken;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where statements are planned: threads with a deep stack (an expression of thousands of terms
 * recurses through the parser, validator and planner), watched by the caller, which interrupts the
 * planning thread when the statement is cancelled or times out (the planner checks the interrupt
 * before every rule it fires, see {@code PlanningInterrupts}) and returns within a poll interval.
 * A stack that still overflows is STATEMENT_TOO_COMPLEX (54001).
 */
final class PlanningThreads {

  /** Stack of a planning thread; reserved, not committed, until used. */
  private static final long STACK_BYTES = 512L * 1024 * 1024;
  private static final long POLL_MILLIS = 50;
  private static final AtomicInteger NUMBERS = new AtomicInteger();


  private PlanningThreads() {
  }

  /** Runs {@code planning} on a planning thread and waits for it, or for the cancellation. */
  static <T> T plan(Callable<T> planning, CancellationToken cancellation) {
    cancellation.throwIfCancelled();
    // One thread per statement, gone when its plan is: nothing lingers after a session or engine closes.
    FutureTask<T> future = new FutureTask<>(planning);
    Thread thread = new Thread(null, future, "quiver-planner-" + NUMBERS.incrementAndGet(), STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
    try {
      while (true) {
        try {
          return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (cancellation.isCancelled()) {
            future.cancel(true);
            cancellation.throwIfCancelled();
          }
        }
      }
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "planning was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StackOverflowError) {
        throw new QuiverException(ErrorCode.STATEMENT_TOO_COMPLEX,
            "the statement is too complex to plan (an expression nests too deeply)", cause);
      }
      if (cause instanceof QuiverException quiver) {
        if (cancellation.isCancelled() && quiver.errorCode() == ErrorCode.QUERY_CANCELLED) {
          cancellation.throwIfCancelled();
        }
        throw quiver;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "planning failed: " + cause, cause);
    }
  }
}
