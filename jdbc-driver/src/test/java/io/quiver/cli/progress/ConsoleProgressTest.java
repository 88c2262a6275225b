package io.quiver.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.JobStarted;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.StageCompleted;
import io.quiver.engine.event.StageSubmitted;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.event.TaskStarted;
import io.quiver.exec.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The progress line over a fake clock and hand-made event sequences. */
class ConsoleProgressTest {

  private static final int WIDTH = 40;

  private final AtomicLong now = new AtomicLong(1_000);
  private ByteArrayOutputStream bytes;
  private ConsoleProgress progress;

  @BeforeEach
  void setUp() {
    bytes = new ByteArrayOutputStream();
    progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), WIDTH, now::get);
  }

  private String take() {
    String text = bytes.toString(StandardCharsets.UTF_8);
    bytes.reset();
    return text;
  }

  private void advance(long millis) {
    now.addAndGet(millis);
  }

  private static TaskStarted started(String job, int stage, int partition) {
    return new TaskStarted(job, 0, stage, partition, 0, "driver", 0);
  }

  private static TaskEnded ended(String job, int stage, int partition, Outcome outcome) {
    return new TaskEnded(job, 0, stage, partition, 0, outcome, "local", null, 0,
        outcome == Outcome.SUCCEEDED ? null : ErrorCode.TASK_FAILED, outcome == Outcome.SUCCEEDED ? null : "x");
  }

  private static StageCompleted stageDone(String job, int stage, int tasks) {
    return new StageCompleted(job, 0, stage, Outcome.SUCCEEDED, tasks, null, 0);
  }

  private static JobEnded jobDone(String job) {
    return new JobEnded(job, 0, Outcome.SUCCEEDED, null, null, 0);
  }

  @Test
  void aShortQueryPrintsNothing() {
    progress.onEvent(new JobStarted("q1", 0, "select 1", 1));
    progress.onEvent(new StageSubmitted("q1", 0, 0, 1, List.of()));
    progress.onEvent(started("q1", 0, 0));
    advance(200);
    progress.refresh();
    advance(200);
    progress.refresh();
    progress.onEvent(ended("q1", 0, 0, Outcome.SUCCEEDED));
    progress.onEvent(stageDone("q1", 0, 1));
    progress.onEvent(jobDone("q1"));
    advance(1_000);
    progress.refresh();
    assertEquals("", take());
  }

  @Test
  void aLongStageIsDrawnAfterHalfASecondRedrawnInPlaceAndWipedAtTheEnd() {
    progress.onEvent(new JobStarted("q1", 0, "select ...", 2));
    progress.onEvent(new StageSubmitted("q1", 0, 2, 4, List.of()));
    progress.onEvent(started("q1", 2, 0));
    progress.onEvent(started("q1", 2, 1));
    advance(499);
    progress.refresh();
    assertEquals("", take(), "not before half a second");
    advance(1);
    progress.refresh();
    String first = ProgressBar.render(List.of(new StageStatus(2, 4, 0, 2)), WIDTH);
    assertEquals("\r" + first + "\r", take());
    advance(200);
    progress.refresh();
    assertEquals("", take(), "unchanged: not redrawn");
    progress.onEvent(ended("q1", 2, 0, Outcome.SUCCEEDED));
    progress.onEvent(started("q1", 2, 2));
    advance(200);
    progress.refresh();
    String second = ProgressBar.render(List.of(new StageStatus(2, 4, 1, 2)), WIDTH);
    assertEquals("\r" + second + "\r", take());
    progress.onEvent(ended("q1", 2, 1, Outcome.SUCCEEDED));
    progress.onEvent(ended("q1", 2, 2, Outcome.SUCCEEDED));
    progress.onEvent(started("q1", 2, 3));
    progress.onEvent(ended("q1", 2, 3, Outcome.SUCCEEDED));
    progress.onEvent(stageDone("q1", 2, 4));
    progress.onEvent(jobDone("q1"));
    assertEquals("\r" + " ".repeat(second.length()) + "\r", take(), "wiped when the job ends");
    advance(1_000);
    progress.refresh();
    assertEquals("", take());
  }

  @Test
  void theNextStageReplacesTheLineAndAShorterLineIsPadded() {
    progress.onEvent(new StageSubmitted("q1", 0, 0, 100, List.of()));
    progress.onEvent(started("q1", 0, 0));
    advance(600);
    progress.refresh();
    String first = take();
    assertTrue(first.contains("[Stage 0:") && first.contains("(0 + 1) / 100]"), first);
    progress.onEvent(ended("q1", 0, 0, Outcome.SUCCEEDED));
    progress.onEvent(stageDone("q1", 0, 100));
    progress.refresh();
    // No stage has run half a second: the line is wiped until the next one has.
    assertEquals("\r" + " ".repeat(WIDTH) + "\r", take());
    progress.onEvent(new StageSubmitted("q1", 0, 1, 2, List.of(0)));
    progress.onEvent(started("q1", 1, 0));
    advance(500);
    progress.refresh();
    assertEquals("\r" + ProgressBar.render(List.of(new StageStatus(1, 2, 0, 1)), WIDTH) + "\r", take());
  }

  @Test
  void twoRunningStagesShareTheLine() {
    progress.onEvent(new StageSubmitted("q1", 0, 0, 4, List.of()));
    progress.onEvent(new StageSubmitted("q1", 0, 1, 4, List.of()));
    progress.onEvent(started("q1", 0, 0));
    progress.onEvent(started("q1", 1, 0));
    advance(500);
    progress.refresh();
    String line = take();
    assertTrue(line.contains("[Stage 0:") && line.contains("[Stage 1:"), line);
  }

  @Test
  void failedTasksAreNotCompleted() {
    progress.onEvent(new StageSubmitted("q1", 0, 0, 2, List.of()));
    progress.onEvent(started("q1", 0, 0));
    progress.onEvent(ended("q1", 0, 0, Outcome.FAILED));
    progress.onEvent(started("q1", 0, 0));
    advance(500);
    progress.refresh();
    assertTrue(take().contains("(0 + 1) / 2]"));
  }

  @Test
  void aCancelledJobWipesTheLine() {
    progress.onEvent(new StageSubmitted("q1", 0, 0, 2, List.of()));
    progress.onEvent(started("q1", 0, 0));
    advance(500);
    progress.refresh();
    String shown = take();
    progress.onEvent(ended("q1", 0, 0, Outcome.CANCELLED));
    progress.onEvent(new JobEnded("q1", 0, Outcome.CANCELLED, ErrorCode.QUERY_CANCELLED, "cancelled", 0));
    assertEquals("\r" + " ".repeat(shown.length() - 2) + "\r", take());
  }

  @Test
  void otherJobsKeepTheirStagesWhenOneEnds() {
    progress.onEvent(new StageSubmitted("q1", 0, 0, 2, List.of()));
    progress.onEvent(new StageSubmitted("q2", 0, 0, 3, List.of()));
    advance(500);
    progress.refresh();
    take();
    progress.onEvent(jobDone("q1"));
    assertEquals("", take(), "q2 still runs: its line stays until the next refresh");
    progress.refresh();
    String line = take();
    assertTrue(line.contains("(0 + 0) / 3]") && !line.contains("/ 2]"), line);
  }

  @Test
  void eventsOfUnknownStagesAreIgnored() {
    progress.onEvent(started("nosuch", 9, 0));
    progress.onEvent(ended("nosuch", 9, 0, Outcome.SUCCEEDED));
    progress.onEvent(stageDone("nosuch", 9, 1));
    progress.onEvent(jobDone("nosuch"));
    advance(1_000);
    progress.refresh();
    assertEquals("", take());
  }

  @Test
  void closeWipesTheLine() {
    progress.onEvent(new StageSubmitted("q1", 0, 0, 2, List.of()));
    advance(500);
    progress.refresh();
    String shown = take();
    progress.close();
    assertEquals("\r" + " ".repeat(shown.length() - 2) + "\r", take());
  }

  @Test
  void tooNarrowIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ConsoleProgress(System.err, 10, now::get));
  }

  @Test
  void aServersRunningStagesAreDrawnLikeEventsAndWipedWhenNoneIsLeft() throws Exception {
    List<ConsoleProgress.RemoteStage> running = RemoteProgress.parse("[{\"jobId\":\"query_7\",\"stageId\":1,"
        + "\"totalTasks\":4,\"completedTasks\":1,\"runningTasks\":2,\"submittedMillis\":5}]");
    assertEquals(List.of(new ConsoleProgress.RemoteStage("query_7", 1, 4, 1, 2)), running);
    progress.showRunning(running);
    progress.refresh();
    assertEquals("", take(), "not before half a second since this line first saw it");
    advance(500);
    progress.showRunning(running);
    progress.refresh();
    assertEquals("\r" + ProgressBar.render(List.of(new StageStatus(1, 4, 1, 2)), WIDTH) + "\r", take());
    progress.showRunning(List.of());
    progress.refresh();
    assertTrue(take().trim().isEmpty(), "wiped");
  }

  @Test
  void theProgressResourceOfAServerUrl() {
    assertEquals("http://db:8765/ui/api/progress", RemoteProgress.progressUri("jdbc:quiver://db").toString());
    assertEquals("http://127.0.0.1:9000/ui/api/progress",
        RemoteProgress.progressUri("jdbc:quiver://127.0.0.1:9000/tpch.tiny;user=a").toString());
    assertEquals("https://db:443/ui/api/progress", RemoteProgress.progressUri("jdbc:quiver://db:443;ssl=true").toString());
    assertEquals(null, RemoteProgress.progressUri("jdbc:avatica:remote:url=http://db"));
    assertEquals(null, RemoteProgress.progressUri("jdbc:quiver://"));
  }
}
