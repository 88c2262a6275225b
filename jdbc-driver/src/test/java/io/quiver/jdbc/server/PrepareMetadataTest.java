package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.JobStarted;
import io.quiver.engine.event.TaskStarted;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Prepare-without-execute and {@code LIMIT 0} give the result's columns from the plan: no job and no
 * task starts (the engine's events say so). Times are printed, never asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrepareMetadataTest {

  /** TPC-H Q1 on sf1: scanning it takes seconds, planning it milliseconds. */
  static final String Q1_SF1 = ServerLoadTest.Q1.replace("from lineitem", "from tpch.sf1.lineitem");

  private ServerFixture fixture;
  private final AtomicInteger jobs = new AtomicInteger();
  private final AtomicInteger tasks = new AtomicInteger();
  private final EventListener counter = event -> {
    if (event instanceof JobStarted) {
      jobs.incrementAndGet();
    } else if (event instanceof TaskStarted) {
      tasks.incrementAndGet();
    }
  };

  @BeforeAll
  void start() throws Exception {
    fixture = new ServerFixture();
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void listen() {
    fixture.engine.events().subscribe(counter);
  }

  @AfterEach
  void stopListening() {
    fixture.engine.events().unsubscribe(counter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void preparingAQueryGivesItsColumnsWithoutRunningIt(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      jobs.set(0);
      tasks.set(0);
      long started = System.nanoTime();
      try (PreparedStatement prepared = connection.prepareStatement(Q1_SF1)) {
        ResultSetMetaData md = prepared.getMetaData();
        long elapsed = System.nanoTime() - started;
        assertEquals(10, md.getColumnCount());
        assertEquals("l_returnflag", md.getColumnName(1));
        assertEquals("sum_qty", md.getColumnLabel(3));
        assertEquals(Types.DECIMAL, md.getColumnType(3));
        assertEquals(2, md.getScale(3));
        assertTrue(md.getPrecision(3) >= 15, "precision " + md.getPrecision(3));
        assertEquals(Types.BIGINT, md.getColumnType(10));
        assertEquals("count_order", md.getColumnName(10));
        System.out.printf("PrepareMetadataTest %-8s prepare + getMetaData of TPC-H Q1 on sf1: %.1f ms%n", kind,
            elapsed / 1e6);
      }
      assertEquals(0, jobs.get(), "preparing started a job");
      assertEquals(0, tasks.get(), "preparing started a task");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void limitZeroAnswersFromThePlan(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      jobs.set(0);
      long started = System.nanoTime();
      try (ResultSet rs = statement.executeQuery("SELECT * FROM (" + Q1_SF1 + ") AS q LIMIT 0")) {
        long elapsed = System.nanoTime() - started;
        assertEquals(10, rs.getMetaData().getColumnCount());
        assertEquals(Types.DECIMAL, rs.getMetaData().getColumnType(4));
        assertFalse(rs.next());
        System.out.printf("PrepareMetadataTest %-8s LIMIT 0 over TPC-H Q1 on sf1: %.1f ms%n", kind, elapsed / 1e6);
      }
      assertEquals(0, jobs.get(), "LIMIT 0 started a job");
      // The statement runs real queries afterwards.
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM tpch.tiny.region LIMIT 1")) {
        assertTrue(rs.next());
        assertEquals(5L, rs.getLong(1));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin", "avatica"})
  void parametersDoNotHideTheColumns(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement(
             "SELECT n_name, n_regionkey FROM tpch.tiny.nation WHERE n_regionkey = ? AND n_name <> ?")) {
      ResultSetMetaData md = prepared.getMetaData();
      assertEquals(2, md.getColumnCount());
      assertEquals("n_name", md.getColumnName(1));
      assertEquals(Types.BIGINT, md.getColumnType(2));
      assertEquals(2, prepared.getParameterMetaData().getParameterCount());
      prepared.setLong(1, 0L);
      prepared.setString(2, "x");
      int rows = 0;
      try (ResultSet rs = prepared.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
      assertEquals(5, rows);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void aWrongQueryFailsAtPrepareAndDdlWaitsForExecute(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      SQLException missing = assertThrows(SQLException.class, () -> connection.prepareStatement("SELECT * FROM nosuch"));
      assertEquals("42P01", missing.getSQLState());
      String schema = "memory.prepared_" + kind;
      try (PreparedStatement create = connection.prepareStatement("CREATE SCHEMA " + schema)) {
        assertEquals(0, create.getMetaData() == null ? 0 : create.getMetaData().getColumnCount());
        // Preparing did not run it: creating it now works.
        create.executeUpdate();
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema);
      }
    }
  }
}
