package io.quiver.planner;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import org.apache.calcite.plan.RelOptListener;

/**
 * Stops planning when the planning thread is interrupted (the driver interrupts it when the
 * statement is cancelled or times out): Calcite's Hep and Volcano planners tell this listener of
 * every rule they are about to fire, many times a second, and it throws QUERY_CANCELLED there.
 */
public final class PlanningInterrupts implements RelOptListener {

  public static final PlanningInterrupts LISTENER = new PlanningInterrupts();

  private PlanningInterrupts() {
  }

  /** Throws QUERY_CANCELLED when the current thread was interrupted (the flag stays set). */
  public static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the query was cancelled while it was planned");
    }
  }

  @Override
  public void ruleAttempted(RuleAttemptedEvent event) {
    check();
  }

  @Override
  public void relEquivalenceFound(RelEquivalenceEvent event) {
  }

  @Override
  public void ruleProductionSucceeded(RuleProductionEvent event) {
  }

  @Override
  public void relDiscarded(RelDiscardedEvent event) {
  }

  @Override
  public void relChosen(RelChosenEvent event) {
  }
}
