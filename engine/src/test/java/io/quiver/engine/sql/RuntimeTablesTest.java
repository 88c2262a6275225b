package io.quiver.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.exec.error.QuiverException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code system.runtime}: after queries that succeed, fail at run time, fail in planning and are
 * cancelled, the tables hold exactly what happened; history is bounded.
 */
class RuntimeTablesTest {

  private LocalQuiver quiver;

  @BeforeEach
  void start() {
    System.setProperty(LocalQuiver.HISTORY_SIZE_PROPERTY, "50");
    quiver = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3));
  }

  @AfterEach
  void stop() {
    System.clearProperty(LocalQuiver.HISTORY_SIZE_PROPERTY);
    quiver.close();
  }

  @Test
  void theTablesHoldWhatHappened() {
    String grouped = "SELECT l_returnflag, count(*) FROM tpch.tiny.lineitem GROUP BY l_returnflag";
    String failing = "SELECT 1 / (n_nationkey - n_nationkey) FROM tpch.tiny.nation";
    String unknown = "SELECT * FROM no_such_table";
    String cancelled = "SELECT count(*) FROM tpch.tiny.lineitem a JOIN tpch.tiny.lineitem b ON a.l_tax = b.l_tax";
    try (Session session = quiver.openSession()) {
      assertEquals(3, ResultText.rows(session, grouped).size());
      assertEquals(25, ResultText.rows(session, "SELECT n_name FROM tpch.tiny.nation").size());
      assertThrows(QuiverException.class, () -> ResultText.rows(session, failing));
      assertThrows(QuiverException.class, () -> ResultText.rows(session, unknown));
      try (QueryResult result = session.execute(cancelled)) {
        result.cancel();
      }
      awaitNoRunningJob(session);

      Map<String, List<String>> queries = new HashMap<>();
      for (List<String> row : ResultText.rows(session,
          "SELECT sql_text, state, result_rows, error_code, planning_ms >= 0, elapsed_ms >= 0, end_time >= start_time"
              + " FROM system.runtime.queries WHERE sql_text NOT LIKE '%system.runtime%'")) {
        queries.put(row.get(0), row);
      }
      assertEquals(5, queries.size(), queries.toString());
      assertEquals(List.of(grouped, "SUCCEEDED", "3", "null", "true", "true", "true"), queries.get(grouped));
      assertEquals("25", queries.get("SELECT n_name FROM tpch.tiny.nation").get(2));
      assertEquals(List.of("FAILED", "22012"), List.of(queries.get(failing).get(1), queries.get(failing).get(3)));
      assertEquals(List.of("FAILED", "42P01"), List.of(queries.get(unknown).get(1), queries.get(unknown).get(3)));
      assertEquals(List.of("CANCELLED", "57014"),
          List.of(queries.get(cancelled).get(1), queries.get(cancelled).get(3)));

      // a job per query that reached the scheduler; its stages' task counts are partitions x attempts
      List<List<String>> jobs = ResultText.rows(session, "SELECT sql_text, state, error_code FROM system.runtime.jobs"
          + " WHERE sql_text NOT LIKE '%system.runtime%' ORDER BY start_time");
      assertEquals(List.of(List.of(grouped, "SUCCEEDED", "null"), List.of("SELECT n_name FROM tpch.tiny.nation",
          "SUCCEEDED", "null"), List.of(failing, "FAILED", "22012"), List.of(cancelled, "CANCELLED", "57014")),
          jobs);
      List<List<String>> stages = ResultText.rows(session, "SELECT s.job_id, s.stage_id, s.partitions, s.tasks,"
          + " (SELECT count(*) FROM system.runtime.tasks t WHERE t.job_id = s.job_id AND t.stage_id = s.stage_id)"
          + " FROM system.runtime.stages s JOIN system.runtime.jobs j ON s.job_id = j.job_id"
          + " WHERE j.sql_text = '" + grouped + "' ORDER BY s.stage_id");
      assertEquals(2, stages.size(), stages.toString());
      for (List<String> stage : stages) {
        assertEquals(stage.get(2), stage.get(3), "one attempt per partition: " + stage);
        assertEquals(stage.get(3), stage.get(4), "the tasks table lists every attempt: " + stage);
      }
      List<List<String>> tasks = ResultText.rows(session, "SELECT t.state, sum(t.input_rows), count(*)"
          + " FROM system.runtime.tasks t JOIN system.runtime.jobs j ON t.job_id = j.job_id"
          + " WHERE j.sql_text = '" + grouped + "' AND t.stage_id = 0 GROUP BY t.state");
      assertEquals(List.of(List.of("SUCCEEDED", "60175", "2")), tasks);
      List<List<String>> failedTasks = ResultText.rows(session, "SELECT DISTINCT t.state, t.error_code"
          + " FROM system.runtime.tasks t JOIN system.runtime.jobs j ON t.job_id = j.job_id"
          + " WHERE j.sql_text = '" + failing + "' AND t.state = 'FAILED'");
      assertEquals(List.of(List.of("FAILED", "22012")), failedTasks);

      // every task says which of the executor's 2 slots it ran in
      assertEquals(List.of(List.of("0")), ResultText.rows(session, "SELECT count(*) FROM system.runtime.tasks"
          + " WHERE slot IS NULL OR slot < 0 OR slot >= 2 OR executor_id <> 'driver'"));
      assertEquals(List.of(List.of("0"), List.of("1")), ResultText.rows(session, "SELECT DISTINCT t.slot"
          + " FROM system.runtime.tasks t JOIN system.runtime.jobs j ON t.job_id = j.job_id"
          + " WHERE j.sql_text NOT LIKE '%system.runtime%' ORDER BY t.slot"));

      List<List<String>> executors = ResultText.rows(session,
          "SELECT executor_id, address, slots, state, memory_limit_bytes > 0 FROM system.runtime.executors");
      assertEquals(List.of(List.of("driver", "in-process", "2", "ALIVE", "true")), executors);
    }
  }

  @Test
  void historyIsBoundedAndTheTablesAreListed() {
    try (Session session = quiver.openSession()) {
      for (int i = 0; i < 60; i++) {
        ResultText.rows(session, "SELECT " + i);
      }
      List<List<String>> count = ResultText.rows(session,
          "SELECT count(*), min(sql_text) FROM system.runtime.queries WHERE state <> 'RUNNING'");
      assertEquals("50", count.get(0).get(0), "the 50 most recent finished queries");
      List<List<String>> tables = ResultText.rows(session, "SELECT table_name, table_type FROM information_schema.tables"
          + " WHERE table_catalog = 'system' AND table_schema = 'runtime' ORDER BY table_name");
      assertEquals(List.of("executors", "jobs", "queries", "stages", "tasks"),
          tables.stream().map(row -> row.get(0)).toList());
    }
  }

  private static void awaitNoRunningJob(Session session) {
    for (int i = 0; i < 200; i++) {
      List<List<String>> running = ResultText.rows(session,
          "SELECT count(*) FROM system.runtime.jobs WHERE state = 'RUNNING' AND sql_text NOT LIKE '%system.runtime%'");
      if (running.get(0).get(0).equals("0")) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
