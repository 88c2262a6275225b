package io.quiver.tpch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Session;
import io.quiver.engine.cluster.protocol.ClusterMessages.ExecutorStatus;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.ExecutorLost;
import io.quiver.engine.event.MapOutputLost;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.StageCompleted;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.event.TaskRetried;
import io.quiver.tpch.AnswerComparison;
import io.quiver.tpch.ParquetLoader;
import io.quiver.tpch.ReferenceAnswers;
import io.quiver.tpch.ResultRows;
import io.quiver.tpch.TpchQueryText;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor process is killed (SIGKILL) while a multi-stage query runs, right after the first
 * stage completed, so it takes map output a later stage still needs. The query still gives the
 * reference answer; the events show the loss, the lost map outputs, and those partitions run again.
 */
class ClusterFaultTest {

  @TempDir
  Path directory;

  @Test
  void killingAnExecutorMidQueryRecomputesItsMapOutput() throws Exception {
    for (int number : new int[] {9, 18}) {
      try (ProcessCluster cluster = new ProcessCluster(3, 1, "384m", directory.resolve("q" + number))) {
        checkRecovery(cluster, number, null);
      }
    }
  }

  /** The same over Parquet files in the shared directory, which the executor processes scan. */
  @Test
  void killingAnExecutorMidQueryOverParquetRecomputesItsMapOutput() throws Exception {
    Path shared = directory.resolve("parquet");
    try (ProcessCluster cluster = new ProcessCluster(3, 1, "384m", shared)) {
      try (Session session = cluster.quiver.openSession()) {
        ParquetLoader.writeMissing(session, "tiny", shared.resolve("tiny"));
        ParquetLoader.register(session, "tiny_parquet", shared.resolve("tiny"));
      }
      checkRecovery(cluster, 9, "memory.tiny_parquet");
    }
  }

  /** @param schema the schema the query's tables are in; null for the default (tpch.tiny) */
  private static void checkRecovery(ProcessCluster cluster, int number, String schema) {
    List<QueryEvent> events = new CopyOnWriteArrayList<>();
    AtomicReference<String> victim = new AtomicReference<>();
    EventListener killer = event -> {
      events.add(event);
      if (event instanceof StageCompleted completed && completed.outcome() == Outcome.SUCCEEDED
          && victim.get() == null) {
        killHoldingMostOutput(cluster, victim);
      }
    };
    cluster.quiver.events().subscribe(killer);
    ResultRows answer;
    try (Session session = cluster.quiver.openSession()) {
      if (schema != null) {
        session.setSchema(schema);
      }
      answer = ResultRows.query(session, TpchQueryText.load(number));
    } finally {
      cluster.quiver.events().unsubscribe(killer);
    }
    String name = TpchQueryText.fileName(number);
    assertNotNull(victim.get(), name + ": no executor was killed");
    assertEquals(List.of(), AnswerComparison.differences(ReferenceAnswers.load(0.01, number).orElseThrow(), answer),
        name + " after executor " + victim.get() + " was killed");

    assertTrue(events.stream().anyMatch(event -> event instanceof ExecutorLost lost
        && lost.executorId().equals(victim.get())), name + ": no ExecutorLost event for " + victim.get());
    Set<String> lostOutputs = events.stream().filter(MapOutputLost.class::isInstance).map(MapOutputLost.class::cast)
        .filter(lost -> lost.executorId().equals(victim.get()))
        .map(lost -> lost.stageId() + "/" + lost.mapPartition()).collect(Collectors.toSet());
    assertFalse(lostOutputs.isEmpty(), name + ": no map output was lost with " + victim.get());
    Set<String> recomputed = events.stream().filter(TaskEnded.class::isInstance).map(TaskEnded.class::cast)
        .filter(ended -> ended.outcome() == Outcome.SUCCEEDED && ended.attempt() > 0)
        .map(ended -> ended.stageId() + "/" + ended.partition()).collect(Collectors.toSet());
    assertTrue(recomputed.containsAll(lostOutputs), name + ": lost map outputs " + lostOutputs
        + " but re-ran only " + recomputed);
    assertTrue(events.stream().anyMatch(TaskRetried.class::isInstance)
        || !recomputed.isEmpty(), name + ": nothing ran again");
    assertFalse(cluster.backend.executorIds().contains(victim.get()));

    // the runtime history (what system.runtime.executors shows) lists the killed executor as lost
    Map<String, String> states = new HashMap<>();
    cluster.quiver.history().executors().forEach(executor -> states.put(executor.executorId(), executor.state()));
    assertEquals("LOST", states.get(victim.get()), name + ": " + states);
    for (String alive : cluster.backend.executorIds()) {
      assertEquals("ALIVE", states.get(alive), name + ": " + states);
    }
    long retried = cluster.quiver.history().jobs().stream().flatMap(job -> job.stages().stream())
        .flatMap(stage -> stage.tasks().stream()).filter(task -> task.attempt() > 0).count();
    assertTrue(retried > 0, name + ": the retried attempts are in the history");
  }

  /** Kills the executor process holding the most shuffle outputs, and waits until it is dead. */
  private static void killHoldingMostOutput(ProcessCluster cluster, AtomicReference<String> victim) {
    ExecutorStatus fullest = cluster.backend.executorStatuses().stream()
        .max(Comparator.comparingInt(ExecutorStatus::shuffleOutputs)).orElseThrow();
    if (fullest.shuffleOutputs() == 0) {
      return;
    }
    Process process = cluster.processes.get(fullest.executorId());
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    victim.set(fullest.executorId());
  }
}
