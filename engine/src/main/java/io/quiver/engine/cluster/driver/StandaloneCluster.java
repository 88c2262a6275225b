package io.quiver.engine.cluster.driver;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.cluster.ClusterConfig;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.driver.StatementPlanner;
import io.quiver.engine.executor.TaskInvoker;

/**
 * Starts a driver whose tasks run on standalone executor processes. The driver plans, schedules
 * and collects results as in local mode; only where tasks run differs.
 */
public final class StandaloneCluster {

  private StandaloneCluster() {
  }

  /**
   * @param config {@code slots} is the slot count the cluster is planned for (splits, partitions)
   */
  public static LocalQuiver start(QuiverConfig config, ClusterConfig cluster) {
    return new LocalQuiver(config, StatementPlanner.Factory.QUERY_PLANNER, TaskInvoker.TASK_RUNNER,
        (engineConfig, allocator, shuffle, dataSources, invoker) -> ClusterTaskBackend.start(cluster, allocator, dataSources));
  }

  /** The cluster backend of an engine {@link #start} made. */
  public static ClusterTaskBackend backend(LocalQuiver quiver) {
    if (quiver.taskBackend() instanceof ClusterTaskBackend backend) {
      return backend;
    }
    throw new IllegalArgumentException("the engine does not run on a standalone cluster");
  }
}
