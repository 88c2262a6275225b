package io.quiver.engine.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.StageCompleted;
import io.quiver.engine.event.StageSubmitted;
import io.quiver.engine.event.SynchronousEventBus;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.event.TaskStarted;
import io.quiver.engine.executor.LocalExecutor;
import io.quiver.engine.testing.FakeTasks;
import io.quiver.engine.testing.RecordingShuffle;
import io.quiver.engine.testing.TestPlans;
import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.task.CancellationToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** Random stage DAGs, slot counts and failures: the scheduler's rules hold for all of them. */
class SchedulerProperties {

  @Property(tries = 60)
  void randomJobsKeepTheRules(@ForAll @IntRange(min = 1, max = 4) int slots,
      @ForAll @IntRange(min = 1, max = 6) int stageCount, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3) int failureOdds) throws InterruptedException {
    Random random = new Random(seed);
    StagePlan plan = randomPlan(random, stageCount);
    // One task in (failureOdds * 10) fails, if failureOdds > 0; the choice is fixed by the seed.
    Set<String> failing = new HashSet<>();
    for (StageFragment stage : plan.stages()) {
      for (int partition = 0; partition < stage.partitionCount(); partition++) {
        if (failureOdds > 0 && random.nextInt(failureOdds * 10) == 0) {
          failing.add(stage.stageId() + "." + partition);
        }
      }
    }
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    AtomicLong resultRows = new AtomicLong();
    List<QueryEvent> events = new CopyOnWriteArrayList<>();
    SynchronousEventBus bus = new SynchronousEventBus();
    bus.subscribe(events::add);
    RecordingShuffle shuffle = new RecordingShuffle();
    try (BufferAllocator allocator = new RootAllocator()) {
      LocalExecutor executor = new LocalExecutor(slots, allocator, shuffle, new TableDataSources(), 64,
          (fragment, context) -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
              if (failing.contains(fragment.stageId() + "." + context.taskId().partition())) {
                throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "planned failure");
              }
              Thread.yield();
              return FakeTasks.sendNumbers(fragment, context, 2, 3);
            } finally {
              running.decrementAndGet();
            }
          });
      try {
        DagScheduler scheduler = new DagScheduler(new TaskScheduler(executor), shuffle, bus);
        JobExecution job = scheduler.submitJob("job", "sql", plan, new CancellationToken(), batch -> {
          resultRows.addAndGet(batch.getRowCount());
          batch.close();
        }, ended -> { });
        assertTrue(job.awaitEnd(60, TimeUnit.SECONDS));

        assertTrue(mostRunning.get() <= slots);
        assertEquals(List.of("job"), shuffle.removedJobs);
        assertTrue(scheduler.activeJobs().isEmpty());
        assertEquals(0, executor.runningTasks());
        checkEvents(plan, events);
        List<TaskEnded> taskEnds = events.stream().filter(TaskEnded.class::isInstance).map(TaskEnded.class::cast)
            .toList();
        boolean anyFailed = taskEnds.stream().anyMatch(end -> end.outcome() == Outcome.FAILED);
        if (anyFailed) {
          assertEquals(Outcome.FAILED, job.outcome());
          assertEquals(ErrorCode.INVALID_ARGUMENT, job.failure().errorCode());
        } else {
          assertTrue(failing.isEmpty() || job.outcome() == Outcome.SUCCEEDED);
          assertEquals(Outcome.SUCCEEDED, job.outcome());
          assertNull(job.failure());
          assertEquals(plan.resultStage().partitionCount() * 6L, resultRows.get());
          assertEquals(plan.stages().stream().mapToInt(StageFragment::partitionCount).sum(), taskEnds.size());
        }
      } finally {
        executor.close();
      }
    }
  }

  private static void checkEvents(StagePlan plan, List<QueryEvent> events) {
    assertTrue(events.get(0) instanceof io.quiver.engine.event.JobStarted);
    assertTrue(events.get(events.size() - 1) instanceof JobEnded);
    Set<Integer> completed = new HashSet<>();
    Map<String, Integer> taskState = new HashMap<>();
    for (QueryEvent event : events) {
      if (event instanceof StageSubmitted submitted) {
        assertTrue(completed.containsAll(plan.stage(submitted.stageId()).sourceStageIds()));
      } else if (event instanceof StageCompleted stage && stage.outcome() == Outcome.SUCCEEDED) {
        completed.add(stage.stageId());
      } else if (event instanceof TaskStarted task) {
        assertNull(taskState.put(task.stageId() + "." + task.partition(), 1));
      } else if (event instanceof TaskEnded task) {
        assertEquals(1, taskState.put(task.stageId() + "." + task.partition(), 2));
      }
    }
    assertTrue(taskState.values().stream().allMatch(state -> state == 2), "a started task never ended");
  }

  /** Stages 0..n-1; each reads a random subset of the earlier ones; the last is the result and reads the rest. */
  private static StagePlan randomPlan(Random random, int stageCount) {
    TestPlans plan = TestPlans.plan();
    Set<Integer> read = new HashSet<>();
    for (int stage = 0; stage < stageCount - 1; stage++) {
      Integer[] sources = sources(random, stage);
      read.addAll(List.of(sources));
      plan.stage(stage, 1 + random.nextInt(5), sources);
    }
    List<Integer> resultSources = new ArrayList<>();
    for (int stage = 0; stage < stageCount - 1; stage++) {
      if (!read.contains(stage) || random.nextBoolean()) {
        resultSources.add(stage);
      }
    }
    return plan.result(stageCount - 1, 1 + random.nextInt(3), resultSources.toArray(new Integer[0]));
  }

  private static Integer[] sources(Random random, int stage) {
    List<Integer> sources = new ArrayList<>();
    for (int earlier = 0; earlier < stage; earlier++) {
      if (random.nextBoolean()) {
        sources.add(earlier);
      }
    }
    return sources.toArray(new Integer[0]);
  }
}
