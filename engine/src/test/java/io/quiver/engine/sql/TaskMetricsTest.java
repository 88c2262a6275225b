package io.quiver.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.StageCompleted;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.executor.TaskBackend;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.metrics.OperatorStats;
import io.quiver.exec.metrics.TaskStats;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What tasks report in their {@code TaskEnded} events (per operator and per task), and that stage
 * and job events carry the sums, on a real engine over TPC-H tiny.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskMetricsTest {

  private static final long LINEITEM_ROWS = 60_175;

  private Quiver quiver;
  private final List<QueryEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() {
    quiver = Quiver.local(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3));
    quiver.events().subscribe(events::add);
  }

  @AfterAll
  void stop() {
    quiver.close();
  }

  @BeforeEach
  void clear() {
    events.clear();
  }

  @Test
  void everyTaskReportsItsOperatorsAndTheStagesAndJobCarryTheSums() {
    try (Session session = quiver.openSession()) {
      List<List<String>> rows = ResultText.rows(session,
          "SELECT l_returnflag, count(*) FROM tpch.tiny.lineitem GROUP BY l_returnflag");
      assertEquals(3, rows.size());
    }
    List<TaskEnded> tasks = events(TaskEnded.class);
    assertTrue(tasks.size() > 2, "several tasks: " + tasks.size());
    TaskStats all = TaskStats.EMPTY;
    for (TaskEnded task : tasks) {
      assertEquals(Outcome.SUCCEEDED, task.outcome());
      assertEquals(TaskBackend.LOCAL_EXECUTOR_ID, task.executorId());
      TaskStats stats = task.stats();
      assertTrue(!stats.operators().isEmpty(), "operators of " + task);
      OperatorStats sink = stats.operator(OperatorStats.SINK_NODE);
      assertNotNull(sink, "the sink is measured");
      assertEquals(stats.outputRows(), sink.inputRows(), "the sink got the rows the task wrote");
      assertEquals(stats.shuffleWriteRows() + stats.resultRows(), stats.outputRows());
      assertEquals(stats.tableRows() + stats.shuffleReadRows(), stats.inputRows());
      assertEquals(0, stats.remoteShuffleReadRows(), "no executor process, nothing over Flight");
      for (OperatorStats operator : stats.operators()) {
        assertTrue(operator.wallNanos() >= 0 && operator.cpuNanos() >= 0, operator.toString());
        assertTrue(operator.outputBatches() <= operator.outputRows() || operator.outputRows() == 0,
            "batches are never empty: " + operator);
      }
      assertTrue(stats.inputRows() == 0 || stats.peakMemoryBytes() > 0, "the task allocated: " + stats);
      all = all.plus(stats.withoutOperators());
    }
    // the scans together read the table once; what the scans produced is what the tasks read from it
    assertEquals(LINEITEM_ROWS, all.tableRows());
    assertEquals(3, all.resultRows());
    // the partial aggregate's output is the exchange's input is the final aggregate's shuffle read
    assertEquals(all.shuffleWriteRows(), all.shuffleReadRows());
    assertTrue(all.shuffleWriteBytes() > 0);

    TaskStats stages = TaskStats.EMPTY;
    for (StageCompleted stage : events(StageCompleted.class)) {
      TaskStats sum = TaskStats.EMPTY;
      for (TaskEnded task : tasks) {
        if (task.stageId() == stage.stageId()) {
          sum = sum.plus(task.stats());
        }
      }
      assertEquals(sum, stage.stats(), "stage " + stage.stageId() + " carries its tasks' sum");
      assertEquals(stage.stats().tableRows(), operatorRows(stage.stats(), "TableScan"));
      stages = stages.plus(stage.stats());
    }
    JobEnded job = events(JobEnded.class).get(0);
    assertEquals(all, job.stats(), "the job carries the sum of its tasks");
    assertEquals(LINEITEM_ROWS, stages.tableRows());
    assertEquals(List.of(), job.stats().operators(), "operators are per stage");
  }

  @Test
  void operatorsOfAChainHandOnWhatTheyMake() {
    long expected;
    try (Session session = quiver.openSession()) {
      expected = ResultText.rows(session, "SELECT o_orderkey + 1 FROM tpch.tiny.orders WHERE o_orderkey % 7 = 0")
          .size();
    }
    long filtered = 0;
    for (TaskEnded task : events(TaskEnded.class)) {
      List<OperatorStats> operators = task.stats().operators();
      // node ids are pre-order from the root: each operator's input is its child's output
      for (int i = 0; i + 1 < operators.size() && operators.get(i + 1).nodeId() != OperatorStats.SINK_NODE; i++) {
        assertEquals(operators.get(i + 1).outputRows(), operators.get(i).inputRows(),
            operators.get(i) + " after " + operators.get(i + 1));
      }
      filtered += task.stats().resultRows();
    }
    assertEquals(expected, filtered);
  }

  @Test
  void aFailedTaskStillReportsWhatItDid() {
    try (Session session = quiver.openSession()) {
      QuiverException error = assertThrows(QuiverException.class,
          () -> ResultText.rows(session, "SELECT 1 / (l_orderkey - l_orderkey) FROM tpch.tiny.lineitem"));
      assertEquals(ErrorCode.DIVISION_BY_ZERO, error.errorCode());
    }
    List<TaskEnded> failed = events(TaskEnded.class).stream()
        .filter(task -> task.outcome() == Outcome.FAILED).toList();
    assertTrue(!failed.isEmpty());
    for (TaskEnded task : failed) {
      assertEquals(ErrorCode.DIVISION_BY_ZERO, task.errorCode());
      assertTrue(task.stats().tableRows() > 0, "it read before it failed: " + task.stats());
    }
    JobEnded job = events(JobEnded.class).get(0);
    assertEquals(Outcome.FAILED, job.outcome());
    assertTrue(job.stats().tableRows() > 0);
  }

  private static long operatorRows(TaskStats stats, String operator) {
    return stats.operators().stream().filter(o -> o.operator().equals(operator))
        .mapToLong(OperatorStats::outputRows).sum();
  }

  private <T> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
