package io.quiver.engine.executor;

/** Hears that an executor is gone (its process died, or it stopped answering). */
@FunctionalInterface
public interface ExecutorLossListener {

  void onExecutorLost(String executorId, String reason);
}
