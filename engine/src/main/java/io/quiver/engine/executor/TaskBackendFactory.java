package io.quiver.engine.executor;

import io.quiver.engine.QuiverConfig;
import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.shuffle.ShuffleService;
import org.apache.arrow.memory.BufferAllocator;

/** Makes the task backend an engine runs its tasks on: its own slots, or a cluster's executors. */
@FunctionalInterface
public interface TaskBackendFactory {

  /** The in-process executor with {@code config.slots()} slots: local mode. */
  TaskBackendFactory LOCAL = (config, allocator, shuffle, dataSources, invoker) ->
      new LocalExecutor(config.slots(), allocator, shuffle, dataSources, config.batchSize(), invoker,
          config.spillDirectory());

  /**
   * @param allocator the engine's root allocator; the backend's buffers come from its children
   * @param shuffle the driver's in-process shuffle
   * @param dataSources the driver's connectors' data sources
   * @param invoker what an in-process slot does with a task
   */
  TaskBackend create(QuiverConfig config, BufferAllocator allocator, ShuffleService shuffle,
      TableDataSources dataSources, TaskInvoker invoker);
}
