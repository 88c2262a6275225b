package io.quiver.engine.event;

/** How a job, a stage or a task ended. */
public enum Outcome {
  SUCCEEDED,
  /** Failed with an error of its own (for a stage or job: one of its tasks failed). */
  FAILED,
  /** Stopped because the user cancelled the query, another task failed, or the engine shut down. */
  CANCELLED
}
