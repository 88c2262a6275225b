package io.quiver.engine.session;

import static io.quiver.engine.connector.memory.SqlRows.rows;
import static io.quiver.engine.connector.memory.SqlRows.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.event.TaskStarted;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The session options act on what the session's statements do, not only on what SHOW says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionOptionsTest {

  private LocalQuiver quiver;

  @BeforeAll
  void start() {
    quiver = (LocalQuiver) Quiver.local(QuiverConfig.defaults().withSlots(4).withShufflePartitions(4));
  }

  @AfterAll
  void stop() {
    quiver.close(); // throws if a buffer leaked
  }

  @Test
  void shufflePartitionsShapeThePlan() {
    try (Session session = quiver.openSession()) {
      String explain = "EXPLAIN SELECT l_returnflag, count(*) FROM tpch.tiny.lineitem GROUP BY l_returnflag";
      assertTrue(text(rows(session, explain)).contains("into 4 partitions"));
      update(session, "SET shuffle_partitions = 7");
      assertTrue(text(rows(session, explain)).contains("into 7 partitions"));
      update(session, "RESET shuffle_partitions");
      assertTrue(text(rows(session, explain)).contains("into 4 partitions"));
    }
  }

  @Test
  void slotsPerQueryCapsTheTasksOfOneQueryRunningAtOnce() {
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    Map<String, Integer> most = new ConcurrentHashMap<>();
    EventListener listener = (QueryEvent event) -> {
      if (event instanceof TaskStarted started) {
        int now = running.computeIfAbsent(started.jobId(), id -> new AtomicInteger()).incrementAndGet();
        most.merge(started.jobId(), now, Math::max);
      } else if (event instanceof TaskEnded ended) {
        running.get(ended.jobId()).decrementAndGet();
      }
    };
    quiver.events().subscribe(listener);
    try (Session session = quiver.openSession()) {
      update(session, "SET slots_per_query = 1");
      most.clear();
      assertEquals(List.of(List.of("60175")), rows(session,
          "SELECT count(*) FROM (SELECT l_orderkey, l_linenumber FROM tpch.tiny.lineitem "
              + "GROUP BY l_orderkey, l_linenumber) AS t"));
      assertEquals(1, most.values().stream().mapToInt(Integer::intValue).max().orElseThrow(), most.toString());
    } finally {
      quiver.events().unsubscribe(listener);
    }
  }

  @Test
  void queryTimeoutStopsAStatementThatRunsTooLong() {
    try (Session session = quiver.openSession()) {
      update(session, "SET query_timeout = '50ms'");
      QuiverException timeout = assertThrows(QuiverException.class, () -> rows(session,
          "SELECT count(*) FROM tpch.tiny.lineitem a, tpch.tiny.lineitem b WHERE a.l_orderkey + b.l_orderkey < 0"));
      assertEquals(ErrorCode.QUERY_TIMEOUT, timeout.errorCode());
      assertEquals("57014", timeout.sqlState());
      QuiverException create = assertThrows(QuiverException.class, () -> update(session,
          "CREATE TABLE memory.default.too_slow AS SELECT a.l_orderkey FROM tpch.tiny.lineitem a, "
              + "tpch.tiny.lineitem b WHERE a.l_orderkey + b.l_orderkey < 0"));
      assertEquals(ErrorCode.QUERY_TIMEOUT, create.errorCode());
      update(session, "RESET query_timeout");
      assertEquals(List.of(List.of("25")), rows(session, "SELECT count(*) FROM tpch.tiny.nation"));
      assertTrue(quiver.metadata().tables("memory", "default").isEmpty(), "the failed CREATE left no table");
    }
  }

  @Test
  void memoryLimitBoundsTheMemoryOfOneQuery() {
    try (Session session = quiver.openSession()) {
      String big = "SELECT l_comment, count(*) FROM tpch.tiny.lineitem GROUP BY l_comment ORDER BY 2 DESC LIMIT 1";
      rows(session, big);
      update(session, "SET memory_limit = '64kB'");
      QuiverException limited = assertThrows(QuiverException.class, () -> rows(session, big));
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, limited.errorCode(), limited.getMessage());
      update(session, "RESET memory_limit");
      rows(session, big);
    }
  }

  @Test
  void timeZoneIsTheZoneOfCurrentDate() {
    try (Session session = quiver.openSession()) {
      update(session, "SET time_zone = '-12:00'");
      LocalDate west = LocalDate.parse(rows(session, "SELECT CURRENT_DATE").get(0).get(0));
      update(session, "SET TIME ZONE '+14:00'");
      LocalDate east = LocalDate.parse(rows(session, "SELECT CURRENT_DATE").get(0).get(0));
      long days = ChronoUnit.DAYS.between(west, east);
      assertTrue(days == 1 || days == 2, west + " and " + east);
    }
  }

  @Test
  void showSessionListsEveryOption() {
    try (Session session = quiver.openSession()) {
      update(session, "SET shuffle_partitions = 9");
      List<List<String>> options = rows(session, "SHOW SESSION");
      assertEquals(SessionOption.values().length, options.size());
      assertTrue(options.contains(List.of("shuffle_partitions", "9",
          SessionOption.SHUFFLE_PARTITIONS.description())), options.toString());
      assertTrue(options.stream().anyMatch(row -> row.get(0).equals("schema")), options.toString());
    }
  }

  @Test
  void sessionsHaveTheirOwnOptions() {
    try (Session one = quiver.openSession(); Session two = quiver.openSession()) {
      update(one, "SET shuffle_partitions = 11");
      assertEquals(List.of(List.of("11")), rows(one, "SHOW shuffle_partitions"));
      assertEquals(List.of(List.of("4")), rows(two, "SHOW shuffle_partitions"));
    }
  }

  private static String text(List<List<String>> rows) {
    StringBuilder text = new StringBuilder();
    rows.forEach(row -> text.append(row.get(0)).append('\n'));
    return text.toString();
  }
}
