package io.quiver.engine.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.StageSubmitted;
import io.quiver.engine.event.SynchronousEventBus;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.event.TaskStarted;
import io.quiver.engine.executor.LocalExecutor;
import io.quiver.engine.executor.TaskInvoker;
import io.quiver.engine.testing.FakeTasks;
import io.quiver.engine.testing.RecordingShuffle;
import io.quiver.engine.testing.TestPlans;
import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  private final BufferAllocator allocator = new RootAllocator();
  private final RecordingShuffle shuffle = new RecordingShuffle();
  private final SynchronousEventBus events = new SynchronousEventBus();
  private final List<QueryEvent> seen = new CopyOnWriteArrayList<>();
  private final AtomicLong resultRows = new AtomicLong();
  private final ResultSink countingSink = batch -> {
    resultRows.addAndGet(batch.getRowCount());
    batch.close();
  };
  private LocalExecutor executor;
  private DagScheduler scheduler;
  private boolean allocatorPoisoned;

  private void start(int slots, TaskInvoker invoker) {
    events.subscribe(seen::add);
    executor = new LocalExecutor(slots, allocator, shuffle, new TableDataSources(), 1024, invoker);
    scheduler = new DagScheduler(new TaskScheduler(executor), shuffle, events);
  }

  private JobExecution run(String jobId, StagePlan plan) {
    return scheduler.submitJob(jobId, "SELECT 1", plan, new CancellationToken(), countingSink, job -> { });
  }

  private static void awaitEnd(JobExecution job) throws InterruptedException {
    assertTrue(job.awaitEnd(60, TimeUnit.SECONDS), "job did not end");
  }

  @AfterEach
  void stop() {
    if (executor != null && !allocatorPoisoned) {
      executor.close();
      assertEquals(0, executor.runningTasks());
    }
    if (!allocatorPoisoned) {
      allocator.close();
    }
  }

  @Test
  void neverRunsMoreTasksThanSlots() throws InterruptedException {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    Set<TaskId> ran = ConcurrentHashMap.newKeySet();
    start(3, (fragment, context) -> {
      int now = running.incrementAndGet();
      mostRunning.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        running.decrementAndGet();
      }
      assertTrue(ran.add(context.taskId()), "ran twice: " + context.taskId());
      return FakeTasks.nothingWritten(fragment);
    });
    JobExecution job = run("job-slots", TestPlans.plan().stage(0, 10).stage(1, 7).result(2, 1, 0, 1));
    awaitEnd(job);
    assertEquals(Outcome.SUCCEEDED, job.outcome());
    assertTrue(mostRunning.get() <= 3, "ran " + mostRunning.get() + " tasks at once on 3 slots");
    assertEquals(18, ran.size());
  }

  @Test
  void runsStagesInDependencyOrder() throws InterruptedException {
    AtomicLong clock = new AtomicLong();
    Map<Integer, List<Long>> starts = new ConcurrentHashMap<>();
    Map<Integer, List<Long>> ends = new ConcurrentHashMap<>();
    start(4, (fragment, context) -> {
      starts.computeIfAbsent(fragment.stageId(), id -> new CopyOnWriteArrayList<>()).add(clock.incrementAndGet());
      Thread.yield();
      ends.computeIfAbsent(fragment.stageId(), id -> new CopyOnWriteArrayList<>()).add(clock.incrementAndGet());
      return FakeTasks.sendNumbers(fragment, context, 1, 5);
    });
    // 0 and 1 feed 2; 2 and 3 feed the result stage 4.
    StagePlan plan = TestPlans.plan().stage(0, 5).stage(1, 3).stage(2, 4, 0, 1).stage(3, 2).result(4, 2, 2, 3);
    JobExecution job = run("job-order", plan);
    awaitEnd(job);
    assertEquals(Outcome.SUCCEEDED, job.outcome());
    assertStartsAfter(starts.get(2), ends.get(0));
    assertStartsAfter(starts.get(2), ends.get(1));
    assertStartsAfter(starts.get(4), ends.get(2));
    assertStartsAfter(starts.get(4), ends.get(3));
    assertEquals(10, resultRows.get());
    assertEquals(List.of("job-order"), shuffle.removedJobs);
  }

  private static void assertStartsAfter(List<Long> starts, List<Long> ends) {
    long firstStart = starts.stream().mapToLong(Long::longValue).min().orElseThrow();
    long lastEnd = ends.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertTrue(firstStart > lastEnd, "a stage started before a stage feeding it ended");
  }

  @Test
  void firstFailingTaskFailsTheJobAndStopsTheOthers() throws InterruptedException {
    Set<TaskId> started = ConcurrentHashMap.newKeySet();
    start(2, (fragment, context) -> {
      started.add(context.taskId());
      if (fragment.stageId() == 0 && context.taskId().partition() == 1) {
        throw new IllegalStateException("boom in partition 1");
      }
      FakeTasks.runUntilCancelled(context);
      return null;
    });
    JobExecution job = run("job-fail", TestPlans.plan().stage(0, 6).result(1, 1, 0));
    awaitEnd(job);
    assertEquals(Outcome.FAILED, job.outcome());
    QuiverException failure = job.failure();
    assertEquals(ErrorCode.TASK_FAILED, failure.errorCode());
    assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertTrue(failure.getMessage().contains("boom in partition 1"), failure.getMessage());
    assertEquals(List.of("job-fail"), shuffle.removedJobs);
    assertEquals(0, executor.runningTasks());

    List<TaskEnded> taskEnds = eventsOf(TaskEnded.class);
    assertEquals(eventsOf(TaskStarted.class).size(), taskEnds.size(), "every started task ended");
    // A task that starts after the failure stops before its body runs, so started <= task ends.
    assertTrue(started.size() <= taskEnds.size());
    assertTrue(taskEnds.size() < 6, "queued tasks were withdrawn, not run: " + taskEnds);
    long failed = taskEnds.stream().filter(end -> end.outcome() == Outcome.FAILED).count();
    assertEquals(1, failed);
    assertTrue(eventsOf(StageSubmitted.class).stream().noneMatch(submitted -> submitted.stageId() == 1),
        "the stage after the failure never started");
  }

  /** Rows that reached the client cannot be taken back: a result task that failed after sending some is not retried. */
  @Test
  void aResultTaskThatFailedAfterDeliveringRowsIsNotRetried() throws InterruptedException {
    startRetrying((fragment, context) -> {
      if (context.taskId().attempt() == 0) {
        context.resultSink().accept(FakeTasks.numbers(context, 0, 10));
        throw new IllegalStateException("broke after one batch");
      }
      return FakeTasks.sendNumbers(fragment, context, 2, 10);
    });
    JobExecution job = run("job-delivered", TestPlans.plan().result(0, 1));
    awaitEnd(job);
    assertEquals(Outcome.FAILED, job.outcome());
    assertTrue(job.failure().getMessage().contains("broke after one batch"), job.failure().getMessage());
    assertEquals(10, resultRows.get(), "the first attempt's batch only, never a second attempt's rows");
    assertEquals(1, eventsOf(TaskEnded.class).size());
  }

  @Test
  void aResultTaskThatFailedBeforeDeliveringIsRetried() throws InterruptedException {
    startRetrying((fragment, context) -> {
      if (context.taskId().attempt() == 0) {
        throw new IllegalStateException("broke before any row");
      }
      return FakeTasks.sendNumbers(fragment, context, 2, 10);
    });
    JobExecution job = run("job-retried", TestPlans.plan().result(0, 1));
    awaitEnd(job);
    assertEquals(Outcome.SUCCEEDED, job.outcome());
    assertEquals(20, resultRows.get());
  }

  private void startRetrying(TaskInvoker invoker) {
    events.subscribe(seen::add);
    executor = new LocalExecutor(1, allocator, shuffle, new TableDataSources(), 1024, invoker);
    scheduler = new DagScheduler(new TaskScheduler(executor, 4), shuffle, events);
  }

  @Test
  void cancellingAJobStopsItsTasks() throws InterruptedException {
    CountDownLatch bothRunning = new CountDownLatch(2);
    start(2, (fragment, context) -> {
      bothRunning.countDown();
      FakeTasks.runUntilCancelled(context);
      return null;
    });
    JobExecution job = run("job-cancel", TestPlans.plan().stage(0, 5).result(1, 1, 0));
    assertTrue(bothRunning.await(60, TimeUnit.SECONDS));
    assertNull(job.outcome(), "still running");
    job.cancel(CancellationToken.cancelledByUser());
    awaitEnd(job);
    assertEquals(Outcome.CANCELLED, job.outcome());
    assertEquals(ErrorCode.QUERY_CANCELLED, job.failure().errorCode());
    assertEquals(2, eventsOf(TaskEnded.class).size());
    assertTrue(eventsOf(TaskEnded.class).stream().allMatch(end -> end.outcome() == Outcome.CANCELLED));
    assertEquals(List.of("job-cancel"), shuffle.removedJobs);
    job.cancel(CancellationToken.cancelledByUser()); // again: nothing happens
    assertEquals(List.of("job-cancel"), shuffle.removedJobs);
  }

  @Test
  void cancellingAFinishedJobChangesNothing() throws InterruptedException {
    start(2, (fragment, context) -> FakeTasks.sendNumbers(fragment, context, 2, 3));
    JobExecution job = run("job-done", TestPlans.plan().result(0, 3));
    awaitEnd(job);
    job.cancel(CancellationToken.cancelledByUser());
    assertEquals(Outcome.SUCCEEDED, job.outcome());
    assertNull(job.failure());
    assertEquals(18, resultRows.get());
  }

  @Test
  void aTaskThatLeaksMemoryFails() throws InterruptedException {
    List<ArrowBuf> leaked = new ArrayList<>();
    start(1, (fragment, context) -> {
      leaked.add(context.allocator().buffer(64));
      return FakeTasks.nothingWritten(fragment);
    });
    JobExecution job = run("job-leak", TestPlans.plan().result(0, 1));
    awaitEnd(job);
    assertEquals(Outcome.FAILED, job.outcome());
    assertEquals(ErrorCode.INTERNAL_ERROR, job.failure().errorCode());
    assertTrue(job.failure().getMessage().contains("did not release its memory"), job.failure().getMessage());
    // The leak stays visible (the buffer cannot be freed any more): closing the executor reports it.
    allocatorPoisoned = true;
    assertThrows(IllegalStateException.class, executor::close);
  }

  @Test
  void manyJobsAtOnceAllFinish() throws InterruptedException {
    start(2, (fragment, context) -> FakeTasks.sendNumbers(fragment, context, 1, 1));
    List<JobExecution> jobs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      jobs.add(run("job-" + i, TestPlans.plan().stage(0, 3).result(1, 2, 0)));
    }
    for (JobExecution job : jobs) {
      awaitEnd(job);
      assertEquals(Outcome.SUCCEEDED, job.outcome());
    }
    assertEquals(40, resultRows.get());
    assertEquals(20, shuffle.removedJobs.size());
    assertTrue(scheduler.activeJobs().isEmpty());
  }

  @Test
  void noThreadIsLeftAfterTheExecutorCloses() throws InterruptedException {
    start(3, (fragment, context) -> FakeTasks.sendNumbers(fragment, context, 1, 1));
    awaitEnd(run("job-threads", TestPlans.plan().stage(0, 6).result(1, 1, 0)));
    executor.close();
    executor = null;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      assertFalse(thread.isAlive() && thread.getName().startsWith("quiver-executor-"), thread.getName());
    }
  }

  @Test
  void rejectsPlansThatAreNotRunnable() {
    start(1, (fragment, context) -> FakeTasks.nothingWritten(fragment));
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(QuiverException.class,
        () -> run("bad-order", TestPlans.plan().stage(0, 1, 1).stage(1, 1).result(2, 1, 0))).errorCode());
    assertThrows(QuiverException.class, () -> run("bad-duplicate", TestPlans.plan().stage(0, 1).result(0, 1, 0)));
    assertThrows(QuiverException.class, () -> run("bad-missing", TestPlans.plan().stage(0, 1).result(1, 1, 7)));
    assertThrows(QuiverException.class, () -> run("bad-unread", TestPlans.plan().stage(0, 1).result(1, 1)));
    assertTrue(seen.isEmpty(), "no event for a plan that never ran");
    assertTrue(scheduler.activeJobs().isEmpty());
  }

  private <T> List<T> eventsOf(Class<T> type) {
    return seen.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
