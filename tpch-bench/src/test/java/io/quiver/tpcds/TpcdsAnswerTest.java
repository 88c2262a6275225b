package io.quiver.tpcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.tpch.AnswerComparison;
import io.quiver.tpch.ReferenceAnswers;
import io.quiver.tpch.ResultRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The 99 TPC-DS queries at {@code tiny} against DuckDB's answers over the same rows (checked in
 * under {@code src/main/resources/tpcds/answers/sf0.01}, written by
 * {@link TpcdsReferenceAnswerGenerator}), compared as {@link AnswerComparison} says.
 *
 * <p>The tables are generated once into memory tables (the generator is slow) and every query reads
 * them. A query listed in {@code src/test/resources/tpcds/gaps.txt} is a known gap: it must fail
 * with an error, and is then reported as skipped with the gap's reason. A gap whose reason starts
 * with {@code wrong answer:} is a known wrong answer (a feature another change is building): it is
 * reported as skipped with its differences while it differs. A gap query that gives a wrong answer
 * it was not listed for fails the test, and so does one that now gives the right answer (its line
 * must go). Every other query must give the reference answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpcdsAnswerTest {

  /** A query that runs longer than this at tiny has a runaway plan: it fails. */
  private static final int TIMEOUT_SECONDS = 120;

  private LocalQuiver quiver;
  private Session session;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "tpcds-answer-timeout");
    thread.setDaemon(true);
    return thread;
  });

  @BeforeAll
  void loadTiny() {
    quiver = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3));
    session = quiver.openSession();
    TpcdsReferenceAnswerGenerator.loadMemoryTables(session, 0.01);
  }

  @AfterAll
  void stop() {
    timer.shutdownNow();
    if (session != null) {
      session.close();
    }
    if (quiver != null) {
      quiver.close(); // throws if a buffer leaked
    }
  }

  @TestFactory
  Stream<DynamicTest> tinyAnswersMatchTheReferenceAnswers() throws IOException {
    Map<Integer, String> gaps = gaps();
    return IntStream.rangeClosed(1, TpcdsQueryText.QUERY_COUNT).mapToObj(number ->
        DynamicTest.dynamicTest(TpcdsQueryText.fileName(number) + " tpcds.tiny", () -> check(number,
            gaps.get(number))));
  }

  @Test
  void everyGapNamesAQueryAndAReason() throws IOException {
    for (Map.Entry<Integer, String> gap : gaps().entrySet()) {
      assertTrue(gap.getKey() >= 1 && gap.getKey() <= TpcdsQueryText.QUERY_COUNT, "gap for query " + gap.getKey());
      assertTrue(gap.getValue().length() > 10, "gap q" + gap.getKey() + " needs a reason");
    }
    for (int number = 1; number <= TpcdsQueryText.QUERY_COUNT; number++) {
      assertTrue(ReferenceAnswers.load("tpcds", 0.01, number).isPresent(), "no tiny answer for q" + number);
    }
  }

  private void check(int number, String gap) {
    String name = TpcdsQueryText.fileName(number);
    ResultRows expected = ReferenceAnswers.load("tpcds", 0.01, number).orElseThrow(
        () -> new AssertionError("no reference answer for " + name + " at tiny"));
    String sql = TpcdsQueryText.load(number);
    ResultRows actual;
    try {
      actual = run(sql);
    } catch (RuntimeException e) {
      if (gap != null) {
        Assumptions.abort("known gap: " + gap + " (" + firstLine(e.getMessage()) + ")");
      }
      throw new AssertionError(name + " failed: " + e.getMessage(), e);
    }
    List<String> differences = AnswerComparison.differences(expected, actual);
    if (!differences.isEmpty() && gap != null && gap.startsWith("wrong answer:")) {
      Assumptions.abort("KNOWN WRONG ANSWER: " + gap + " (" + String.join("; ",
          differences.subList(0, Math.min(3, differences.size()))) + ")");
    }
    if (!differences.isEmpty()) {
      fail(name + " gives a WRONG ANSWER at tiny" + (gap == null ? "" : " (listed as a gap: " + gap + ")") + ": "
          + String.join("; ", differences.subList(0, Math.min(5, differences.size()))));
    }
    if (gap != null) {
      fail(name + " now gives the right answer: remove its line from tpcds/gaps.txt (" + gap + ")");
    }
    assertEquals(expected.rows().size(), actual.rows().size());
  }

  private ResultRows run(String sql) {
    try (QueryResult result = session.execute(sql)) {
      ScheduledFuture<?> cancel = timer.schedule(result::cancel, TIMEOUT_SECONDS, TimeUnit.SECONDS);
      try {
        return ResultRows.read(result);
      } finally {
        cancel.cancel(false);
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** The known gaps: {@code qNN reason} per line; {@code #} starts a comment. */
  static Map<Integer, String> gaps() throws IOException {
    Map<Integer, String> gaps = new LinkedHashMap<>();
    try (InputStream in = TpcdsAnswerTest.class.getResourceAsStream("/tpcds/gaps.txt")) {
      if (in == null) {
        return gaps;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        int space = text.indexOf(' ');
        if (!text.startsWith("q") || space < 0) {
          throw new IllegalArgumentException("gaps.txt: expected 'qNN reason', got '" + text + "'");
        }
        if (gaps.put(Integer.parseInt(text.substring(1, space)), text.substring(space + 1).strip()) != null) {
          throw new IllegalArgumentException("gaps.txt lists " + text.substring(0, space) + " twice");
        }
      }
    }
    return gaps;
  }
}
