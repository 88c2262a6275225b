package io.quiver.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.TaskStarted;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** SQL through the whole engine: planner, schedulers, operators, shuffle and the tpch connector. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlEndToEndTest {

  private Quiver quiver;
  private final List<QueryEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() {
    quiver = Quiver.local(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3));
    quiver.events().subscribe(events::add);
  }

  @AfterAll
  void stop() {
    quiver.close(); // throws if a buffer leaked
  }

  @Test
  void everyTinyTableHasItsRowCount() {
    Map<String, Long> expected = Map.of("lineitem", 60_175L, "orders", 15_000L, "customer", 1_500L, "part", 2_000L,
        "partsupp", 8_000L, "supplier", 100L, "nation", 25L, "region", 5L);
    try (Session session = quiver.openSession()) {
      expected.forEach((table, rows) ->
          assertEquals(List.of(List.of(rows.toString())), rows(session, "SELECT count(*) FROM " + table), table));
    }
  }

  @Test
  void pricingSummaryReportAtTiny() {
    try (Session session = quiver.openSession()) {
      List<List<String>> rows = rows(session, "SELECT l_returnflag, l_linestatus, sum(l_quantity), count(*) "
          + "FROM lineitem WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2");
      assertEquals(List.of(
          List.of("A", "F", "380456.00", "14876"),
          List.of("N", "F", "8971.00", "348"),
          List.of("N", "O", "742802.00", "29181"),
          List.of("R", "F", "381449.00", "14902")), rows);
      // The second run reads the cached columns: same answer.
      assertEquals(rows, rows(session, "SELECT l_returnflag, l_linestatus, sum(l_quantity), count(*) "
          + "FROM lineitem WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2"));
    }
  }

  @Test
  void schemasCanBeSwitchedAndQualified() {
    try (Session session = quiver.openSession()) {
      assertEquals(List.of(List.of("100")), rows(session, "SELECT count(*) FROM supplier"));
      session.setSchema("sf1");
      assertEquals(List.of(List.of("10000")), rows(session, "SELECT count(*) FROM supplier"));
      assertEquals(List.of(List.of("100")), rows(session, "SELECT count(*) FROM tpch.tiny.supplier"));
      session.setSchema("tpch.tiny");
      assertEquals(List.of(List.of("5")), rows(session, "SELECT count(*) FROM region"));
    }
  }

  @Test
  void explainReturnsThePlanAsRows() {
    try (Session session = quiver.openSession();
        QueryResult result = session.execute("EXPLAIN SELECT count(*) FROM lineitem WHERE l_quantity > 10")) {
      assertEquals("plan", result.schema().column(0).name());
      List<String> lines = new ArrayList<>();
      while (result.loadNextBatch()) {
        for (int i = 0; i < result.root().getRowCount(); i++) {
          lines.add(result.root().getVector(0).getObject(i).toString());
        }
      }
      assertTrue(lines.size() > 2, "plan: " + lines);
      assertTrue(lines.stream().anyMatch(line -> line.contains("lineitem")), "plan: " + lines);
    }
  }

  @Test
  void errorsCarryTheirCodesAndLeaveTheSessionUsable() {
    try (Session session = quiver.openSession()) {
      QuiverException syntax = assertThrows(QuiverException.class, () -> rows(session, "SELEC 1"));
      assertEquals(ErrorCode.SYNTAX_ERROR, syntax.errorCode());
      assertEquals(1, syntax.line());
      assertEquals(ErrorCode.TABLE_NOT_FOUND,
          assertThrows(QuiverException.class, () -> rows(session, "SELECT * FROM nosuch")).errorCode());
      QuiverException column = assertThrows(QuiverException.class, () -> rows(session, "SELECT nosuch FROM nation"));
      assertEquals(ErrorCode.COLUMN_NOT_FOUND, column.errorCode());
      assertTrue(column.getMessage().contains("nosuch"));
      QuiverException division = assertThrows(QuiverException.class,
          () -> rows(session, "SELECT n_nationkey / (n_regionkey - n_regionkey) FROM nation"));
      assertEquals(ErrorCode.DIVISION_BY_ZERO, division.errorCode());
      assertEquals("22012", division.sqlState());
      assertEquals(List.of(List.of("25")), rows(session, "SELECT count(*) FROM nation"));
    }
    assertEquals(0, ((LocalQuiver) quiver).executor().runningTasks());
  }

  @Test
  void aLongQueryCanBeCancelled() throws InterruptedException {
    int before = events.size();
    try (Session session = quiver.openSession();
        QueryResult result = session.execute("SELECT count(*) FROM tpch.sf100.lineitem")) {
      while (eventsSince(before).stream().noneMatch(TaskStarted.class::isInstance)) {
        Thread.sleep(1);
      }
      result.cancel();
      QuiverException error = assertThrows(QuiverException.class, result::loadNextBatch);
      assertEquals(ErrorCode.QUERY_CANCELLED, error.errorCode());
    }
    JobEnded ended = eventsSince(before).stream().filter(JobEnded.class::isInstance)
        .map(JobEnded.class::cast).findFirst().orElseThrow();
    assertEquals(Outcome.CANCELLED, ended.outcome());
    assertEquals(0, ((LocalQuiver) quiver).executor().runningTasks());
    assertFalse(((LocalQuiver) quiver).scheduler().activeJobs().stream()
        .anyMatch(job -> job.jobId().equals(ended.jobId())));
  }

  private static List<List<String>> rows(Session session, String sql) {
    List<List<String>> rows = new ArrayList<>();
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        for (int row = 0; row < result.root().getRowCount(); row++) {
          List<String> values = new ArrayList<>();
          for (FieldVector vector : result.root().getFieldVectors()) {
            Object value = vector.getObject(row);
            values.add(value == null ? "NULL" : value.toString());
          }
          rows.add(values);
        }
      }
    }
    return rows;
  }

  /** A snapshot of the events posted after the first {@code index}: a sub-list of the live list fails when it grows. */
  private List<QueryEvent> eventsSince(int index) {
    List<QueryEvent> snapshot = List.copyOf(events);
    return snapshot.subList(index, snapshot.size());
  }
}
