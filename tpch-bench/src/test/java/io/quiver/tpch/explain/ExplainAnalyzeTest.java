package io.quiver.tpch.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.engine.Quiver;
import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.TaskEnded;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.metrics.OperatorStats;
import io.quiver.tpch.ResultRows;
import io.quiver.tpch.TpchQueryText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXPLAIN ANALYZE of TPC-H queries at tiny: every operator's actual rows, as printed, equal the rows
 * that operator produced as its tasks' events on the bus report them (counted by a listener of this
 * test), the result stage's root produced what the query returns when it runs plainly, every scan
 * produced its table's rows, and each stage's rows are the sum of its tasks' rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainAnalyzeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ACTUAL = Pattern.compile("actual (\\d+) rows");

  private Quiver quiver;

  @BeforeAll
  void start() {
    quiver = Quiver.local(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3));
  }

  @AfterAll
  void stop() {
    quiver.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 18})
  void actualRowsAreTheRowsEachOperatorProduced(int number) throws Exception {
    String sql = TpchQueryText.load(number, 0.01);
    long plainRows;
    try (Session session = session()) {
      plainRows = ResultRows.query(session, sql).rows().size();
    }

    List<TaskEnded> tasks = new CopyOnWriteArrayList<>();
    EventListener listener = event -> {
      if (event instanceof TaskEnded task) {
        tasks.add(task);
      }
    };
    quiver.events().subscribe(listener);
    JsonNode plan;
    try (Session session = session()) {
      plan = JSON.readTree(String.join("\n", lines(session, "EXPLAIN (ANALYZE, FORMAT JSON) " + sql)));
    } finally {
      quiver.events().unsubscribe(listener);
    }
    String jobId = plan.path("query").path("jobId").asText();
    assertEquals("SUCCEEDED", plan.path("query").path("outcome").asText());
    assertEquals(plainRows, plan.path("query").path("rows").asLong());

    // the operators' rows counted another way: summed here from the tasks' own events
    Map<String, Long> counted = new HashMap<>();
    Map<Integer, long[]> taskRowsPerStage = new HashMap<>();
    for (TaskEnded task : tasks) {
      if (!task.jobId().equals(jobId)) {
        continue;
      }
      for (OperatorStats operator : task.stats().operators()) {
        counted.merge(task.stageId() + "/" + operator.nodeId(), operator.outputRows(), Long::sum);
      }
      long[] rows = taskRowsPerStage.computeIfAbsent(task.stageId(), id -> new long[2]);
      rows[0] += task.inputRows();
      rows[1] += task.outputRows();
    }
    JsonNode stages = plan.path("stages");
    assertTrue(stages.size() > 1, "a multi-stage plan");
    int checked = 0;
    for (JsonNode stage : stages) {
      int stageId = stage.path("stageId").asInt();
      List<JsonNode> nodes = new ArrayList<>();
      preOrder(stage.path("plan"), nodes);
      for (JsonNode node : nodes) {
        String key = stageId + "/" + node.path("nodeId").asInt();
        assertEquals(counted.getOrDefault(key, -1L), node.path("actualRows").asLong(),
            "stage " + stageId + ": " + node.path("node").asText());
        if (node.path("node").asText().startsWith("TableScan tpch.tiny.")) {
          assertEquals(tableRows(node.path("node").asText()), node.path("actualRows").asLong(), "a scan reads all");
        }
        checked++;
      }
      JsonNode totals = stage.path("totals");
      long taskIn = 0;
      long taskOut = 0;
      for (JsonNode task : stage.path("taskList")) {
        taskIn += task.path("inputRows").asLong();
        taskOut += task.path("outputRows").asLong();
      }
      assertEquals(taskIn, totals.path("inputRows").asLong(), "stage " + stageId + " input = its tasks' sum");
      assertEquals(taskOut, totals.path("outputRows").asLong(), "stage " + stageId + " output = its tasks' sum");
      assertEquals(taskRowsPerStage.get(stageId)[0], taskIn);
      assertEquals(taskRowsPerStage.get(stageId)[1], taskOut);
      assertEquals(stage.path("partitions").asInt(), stage.path("tasks").asInt(), "one attempt per partition");
      double min = stage.path("taskTimeMs").path("min").asDouble();
      double median = stage.path("taskTimeMs").path("median").asDouble();
      double max = stage.path("taskTimeMs").path("max").asDouble();
      assertTrue(min <= median && median <= max, stage.path("taskTimeMs").toString());
    }
    JsonNode result = stages.get(stages.size() - 1);
    assertEquals(plainRows, result.path("plan").path("actualRows").asLong(), "the result stage's root");
    assertEquals(plainRows, result.path("sink").path("inputRows").asLong());
    assertTrue(checked > 5, checked + " operators");

    // the text form prints the same actual rows, operator by operator
    List<Long> printed = new ArrayList<>();
    try (Session session = session()) {
      for (String line : lines(session, "EXPLAIN ANALYZE " + sql)) {
        Matcher matcher = ACTUAL.matcher(line);
        if (matcher.find()) {
          printed.add(Long.parseLong(matcher.group(1)));
        }
      }
    }
    List<Long> fromJson = new ArrayList<>();
    for (JsonNode stage : stages) {
      List<JsonNode> nodes = new ArrayList<>();
      preOrder(stage.path("plan"), nodes);
      nodes.forEach(node -> fromJson.add(node.path("actualRows").asLong()));
    }
    assertEquals(fromJson, printed, "the text's actual rows, in plan order");
  }

  @Test
  void theTextShowsStagesTasksAndOperators() {
    try (Session session = session()) {
      String text = String.join("\n", lines(session,
          "EXPLAIN ANALYZE SELECT l_returnflag, count(*) FROM lineitem GROUP BY l_returnflag"));
      assertTrue(text.contains("== Execution =="), text);
      assertTrue(text.contains("3 rows in"), text);
      assertTrue(text.contains("Stage 0: 2 tasks"), text);
      assertTrue(text.contains("task time: min "), text);
      assertTrue(text.contains("shuffle read "), text);
      assertTrue(text.contains("TableScan tpch.tiny.lineitem"), text);
      assertTrue(text.contains("actual 60175 rows"), text);
      assertTrue(text.contains("-> ExchangeWriter"), text);
    }
  }

  @Test
  void plainExplainAsJsonHasEstimatesAndRunsNothing() throws Exception {
    List<Object> events = new CopyOnWriteArrayList<>();
    EventListener listener = events::add;
    quiver.events().subscribe(listener);
    JsonNode plan;
    try (Session session = session()) {
      List<String> lines = lines(session, "EXPLAIN (FORMAT JSON) SELECT count(*) FROM orders WHERE o_orderkey < 100");
      assertEquals(1, lines.size(), "one row, one document");
      plan = JSON.readTree(lines.get(0));
    } finally {
      quiver.events().unsubscribe(listener);
    }
    assertEquals(List.of(), events, "EXPLAIN without ANALYZE runs no job");
    List<JsonNode> nodes = new ArrayList<>();
    plan.path("stages").forEach(stage -> preOrder(stage.path("plan"), nodes));
    assertTrue(nodes.stream().anyMatch(node -> node.path("estimatedRows").isNumber()), plan.toString());
    assertTrue(nodes.stream().noneMatch(node -> node.has("actualRows")), plan.toString());
  }

  @Test
  void aFailingQueryFailsItsExplainAnalyzeWithItsError() {
    try (Session session = session()) {
      QuiverException error = assertThrows(QuiverException.class,
          () -> lines(session, "EXPLAIN ANALYZE SELECT 1 / (n_nationkey - n_nationkey) FROM nation"));
      assertEquals(ErrorCode.DIVISION_BY_ZERO, error.errorCode());
      QuiverException option = assertThrows(QuiverException.class,
          () -> lines(session, "EXPLAIN (ANALYZE, COSTS OFF) SELECT 1"));
      assertEquals(ErrorCode.SYNTAX_ERROR, option.errorCode());
      // The generated parser names the option in its syntax error (as explain_runtime.slt says).
      assertTrue(option.getMessage().contains("COSTS"), option.getMessage());
      // the session still works
      assertEquals(List.of("1"), lines(session, "SELECT 1"));
    }
  }

  private Session session() {
    Session session = quiver.openSession();
    session.setCatalog("tpch");
    session.setSchema("tiny");
    return session;
  }

  private static List<String> lines(Session session, String sql) {
    List<String> lines = new ArrayList<>();
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        for (int i = 0; i < result.root().getRowCount(); i++) {
          Object value = result.root().getVector(0).getObject(i);
          lines.add(value == null ? null : value.toString());
        }
      }
    }
    return lines;
  }

  private static void preOrder(JsonNode node, List<JsonNode> out) {
    out.add(node);
    for (JsonNode child : node.path("children")) {
      preOrder(child, out);
    }
  }

  private long tableRows(String description) {
    String table = description.substring("TableScan tpch.tiny.".length()).split(" ")[0];
    try (Session session = session()) {
      return Long.parseLong(lines(session, "SELECT count(*) FROM " + table).get(0));
    }
  }
}
