package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.admission.AdmissionLimits;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.jdbc.QuiverDriver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admission control through a real server: the users file's own limits, the queue timeout and the
 * memory limit reach JDBC clients as SQLStates 53000 and 53200, and the other users' queries run.
 */
class AdmissionServerTest {

  private LocalQuiver engine;
  private QuiverServer server;

  @BeforeEach
  void start() throws Exception {
    engine = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(2));
    UserFile users = UserFile.parse(List.of(
        UserFile.line("ann", PasswordHash.create("ann-pw".toCharArray(), 1000)) + " role=admin queries=1",
        UserFile.line("ben", PasswordHash.create("ben-pw".toCharArray(), 1000)) + " memory=1m",
        UserFile.line("cat", PasswordHash.create("cat-pw".toCharArray(), 1000))), "users");
    // what 'quiver server' does with its options and the users file
    engine.admission().configure(AdmissionLimits.unlimited().withMaxQueries(10, 4).withQueue(10,
        Duration.ofMillis(500)));
    users.limits().forEach(engine.admission()::setUserLimits);
    server = QuiverServer.start(engine, QuiverServer.Options.loopback(0, users));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    engine.close();
  }

  private Connection connect(String user) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", user);
    info.setProperty("password", user + "-pw");
    return new QuiverDriver().connect("jdbc:quiver://127.0.0.1:" + server.port(), info);
  }

  @Test
  void aUserAtTheirLimitWaitsAndTimesOutWhileOthersRun() throws Exception {
    try (Connection ann = connect("ann"); Connection second = connect("ann"); Connection cat = connect("cat")) {
      assertEquals("1", engine.admission().limitsFor("ann").asSettings().get("max_concurrent_queries_per_user"));
      // the server holds a result until its statement is closed (or read to the end)
      try (Statement holding = ann.createStatement()) {
        holding.setFetchSize(10);
        ResultSet open = holding.executeQuery("SELECT l_orderkey FROM tpch.tiny.lineitem");
        assertTrue(open.next());
        SQLException timeout = assertThrows(SQLException.class,
            () -> ServerLoadTest.rows(second, "SELECT count(*) FROM tpch.tiny.nation"));
        assertEquals("53000", timeout.getSQLState(), timeout.getMessage());
        assertTrue(timeout.getMessage().contains("max_concurrent_queries_per_user"), timeout.getMessage());
        assertEquals(List.of("25"), ServerLoadTest.rows(cat, "SELECT count(*) FROM tpch.tiny.nation"));
      }
      assertEquals(List.of("25"), ServerLoadTest.rows(second, "SELECT count(*) FROM tpch.tiny.nation"),
          "once the first result is closed");
    }
  }

  @Test
  void aQueryOverTheUsersMemoryLimitFailsWith53200AndTheOthersRun() throws Exception {
    String sort = "SELECT l_comment FROM tpch.tiny.lineitem ORDER BY l_comment";
    try (Connection ben = connect("ben"); Connection cat = connect("cat")) {
      List<CompletableFuture<List<String>>> others = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        others.add(CompletableFuture.supplyAsync(() -> {
          try {
            return ServerLoadTest.rows(cat, "SELECT count(*) FROM (" + sort + ") AS s");
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      SQLException error = assertThrows(SQLException.class, () -> ServerLoadTest.rows(ben, sort));
      assertEquals("53200", error.getSQLState(), error.getMessage());
      assertTrue(error.getMessage().contains("user ben") && error.getMessage().contains("1MB"), error.getMessage());
      for (CompletableFuture<List<String>> other : others) {
        assertEquals(List.of("60175"), other.get(120, TimeUnit.SECONDS));
      }
      assertEquals(List.of("25"), ServerLoadTest.rows(ben, "SELECT count(*) FROM tpch.tiny.nation"),
          "ben's session goes on");
    }
  }
}
