package io.quiver.engine.event;

/**
 * Something that happened to a job, a stage or a task. {@code timeMillis} is wall-clock time.
 * Concrete events are records of this package (job/stage/task start and end with row and byte counts).
 */
public interface QueryEvent {

  String jobId();

  long timeMillis();
}
