package io.quiver.exec.testing;

import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.shuffle.local.InProcessShuffleService;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.TaskContext;
import io.quiver.exec.task.TaskId;
import io.quiver.exec.task.TaskMetrics;
import io.quiver.exec.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Runs stages task by task on one thread the way an executor would: each task gets its own child
 * allocator, closed after the task (so a leak fails the test), and one shared in-process shuffle.
 */
public final class TaskHarness implements AutoCloseable {

  public final RootAllocator root = new RootAllocator();
  public final BufferAllocator shuffleAllocator = root.newChildAllocator("shuffle", 0, Long.MAX_VALUE);
  public final InProcessShuffleService shuffle = new InProcessShuffleService(shuffleAllocator);
  public final InMemoryDataSource data = new InMemoryDataSource();
  public final TableDataSources sources = new TableDataSources();
  public final CancellationToken cancellation = new CancellationToken();
  public final String jobId;
  public int batchSize = 1024;

  public TaskHarness(String jobId) {
    this.jobId = jobId;
    sources.register(data);
  }

  /** Runs every partition of a stage; returns each task's statistics. */
  public List<MapOutputStatistics> runStage(StageFragment stage, CollectingResultSink sink, TaskMetrics metrics) {
    List<MapOutputStatistics> statistics = new ArrayList<>();
    for (int partition = 0; partition < stage.partitionCount(); partition++) {
      statistics.add(runTask(stage, partition, sink, metrics));
    }
    return statistics;
  }

  public MapOutputStatistics runTask(StageFragment stage, int partition, CollectingResultSink sink,
      TaskMetrics metrics) {
    try (BufferAllocator task = root.newChildAllocator("task-" + stage.stageId() + "-" + partition, 0, Long.MAX_VALUE)) {
      TaskContext context = new TaskContext(new TaskId(jobId, stage.stageId(), partition, 0), task, shuffle, sources,
          sink, cancellation, batchSize, metrics == null ? new TaskMetrics() : metrics);
      return TaskRunner.run(stage, context);
    }
  }

  @Override
  public void close() {
    shuffle.close();
    shuffleAllocator.close();
    root.close();
  }
}
