package io.quiver.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import io.quiver.engine.testing.FakeEngine;
import io.quiver.engine.testing.FakeTasks;
import io.quiver.engine.testing.ResultRows;
import io.quiver.engine.testing.TestPlans;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventOrderTest {

  private final FakeEngine engine = new FakeEngine();
  private final List<QueryEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void eventsOfAJobComeInOrderWithTheirMetrics() {
    engine.quiver.events().subscribe(events::add);
    engine.plan = TestPlans.plan().stage(0, 3).stage(1, 2).stage(2, 2, 0, 1).result(3, 2, 2);
    engine.tasks = (fragment, context) -> {
      context.metrics().addInput(100, 800);
      return FakeTasks.sendNumbers(fragment, context, 2, 5);
    };
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT n")) {
      assertEquals(20, ResultRows.count(result));
    }
    String jobId = events.get(0).jobId();
    assertTrue(events.stream().allMatch(event -> event.jobId().equals(jobId)));
    JobStarted started = assertInstanceOf(JobStarted.class, events.get(0));
    assertEquals("SELECT n", started.sql());
    assertEquals(4, started.stageCount());
    JobEnded ended = assertInstanceOf(JobEnded.class, events.get(events.size() - 1));
    assertEquals(Outcome.SUCCEEDED, ended.outcome());

    Set<Integer> submitted = new HashSet<>();
    Set<Integer> completed = new HashSet<>();
    Map<String, Boolean> taskRunning = new HashMap<>();
    Map<Integer, Integer> tasksEnded = new HashMap<>();
    for (QueryEvent event : events) {
      if (event instanceof StageSubmitted stage) {
        assertTrue(completed.containsAll(stage.sourceStageIds()), "stage " + stage.stageId() + " before its inputs");
        assertTrue(submitted.add(stage.stageId()));
      } else if (event instanceof TaskStarted task) {
        assertTrue(submitted.contains(task.stageId()) && !completed.contains(task.stageId()));
        assertEquals(null, taskRunning.put(task.stageId() + "." + task.partition(), true));
      } else if (event instanceof TaskEnded task) {
        assertEquals(true, taskRunning.put(task.stageId() + "." + task.partition(), false), "ended before started");
        assertEquals(Outcome.SUCCEEDED, task.outcome());
        assertEquals(100, task.inputRows());
        assertEquals(800, task.inputBytes());
        assertEquals(task.stageId() == 3 ? 10 : 0, task.outputRows());
        tasksEnded.merge(task.stageId(), 1, Integer::sum);
      } else if (event instanceof StageCompleted stage) {
        assertEquals(Outcome.SUCCEEDED, stage.outcome());
        assertEquals(stage.taskCount(), tasksEnded.get(stage.stageId()), "completed before all its tasks ended");
        assertEquals(100L * stage.taskCount(), stage.inputRows());
        assertEquals(stage.stageId() == 3 ? 20 : 0, stage.outputRows());
        assertTrue(completed.add(stage.stageId()));
      }
    }
    assertEquals(Set.of(0, 1, 2, 3), completed);
  }

  @Test
  void aFailedJobEndsItsRunningStagesAndItself() {
    engine.quiver.events().subscribe(events::add);
    engine.plan = TestPlans.plan().stage(0, 2).result(1, 1, 0);
    engine.tasks = (fragment, context) -> {
      throw new QuiverException(ErrorCode.INVALID_CAST, "cannot cast 'x' to INTEGER");
    };
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT n")) {
      assertEquals(ErrorCode.INVALID_CAST, org.junit.jupiter.api.Assertions.assertThrows(QuiverException.class,
          result::loadNextBatch).errorCode());
    }
    StageCompleted stage = events.stream().filter(StageCompleted.class::isInstance).map(StageCompleted.class::cast)
        .findFirst().orElseThrow();
    assertEquals(Outcome.FAILED, stage.outcome());
    JobEnded ended = assertInstanceOf(JobEnded.class, events.get(events.size() - 1));
    assertEquals(Outcome.FAILED, ended.outcome());
    assertEquals(ErrorCode.INVALID_CAST, ended.errorCode());
    assertTrue(ended.errorMessage().contains("cannot cast"));
  }

  @Test
  void aListenerThatThrowsDoesNotHurtTheQueryOrTheOthers() {
    engine.quiver.events().subscribe(event -> {
      throw new IllegalStateException("listener bug");
    });
    engine.quiver.events().subscribe(events::add);
    EventListener removed = events::add;
    engine.quiver.events().subscribe(removed);
    engine.quiver.events().unsubscribe(removed);
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT n")) {
      assertEquals(60, ResultRows.count(result));
    }
    assertEquals(1, events.stream().filter(JobEnded.class::isInstance).count());
  }
}
