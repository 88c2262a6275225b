package io.quiver.engine.scheduler;

/** Told once when a job has ended, after its last task stopped and its shuffle data was removed. */
@FunctionalInterface
public interface JobEndListener {

  void onJobEnded(JobExecution job);
}
