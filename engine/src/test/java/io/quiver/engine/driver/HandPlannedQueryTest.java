package io.quiver.engine.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import io.quiver.engine.connector.tpch.TpchConnectorTable;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.StageCompleted;
import io.quiver.engine.executor.TaskInvoker;
import io.quiver.engine.testing.FakeEngine;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.trino.tpch.LineItem;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Queries planned by hand (no SQL planner) run through the real task runner, operators, in-process
 * shuffle, schedulers and the tpch connector.
 */
class HandPlannedQueryTest {

  private static final TableHandle TINY_LINEITEM = new TableHandle("tpch", "tiny", "lineitem",
      Map.of(TpchConnectorTable.SCALE_FACTOR_PROPERTY, "0.01"));
  private static final DataType MONEY = DataType.decimal(15, 2);
  private static final DataType SUM_OF_MONEY = DataType.decimal(38, 2);

  private final FakeEngine engine = new FakeEngine();
  private final List<QueryEvent> events = new CopyOnWriteArrayList<>();

  HandPlannedQueryTest() {
    engine.tasks = TaskInvoker.TASK_RUNNER;
    engine.quiver.events().subscribe(events::add);
  }

  @AfterEach
  void close() {
    engine.close(); // throws if a buffer leaked
  }

  /** SELECT l_returnflag, count(*), sum(l_quantity) FROM tpch.tiny.lineitem GROUP BY l_returnflag. */
  @Test
  void twoPhaseAggregateOverTinyLineitem() {
    RowSchema scanned = new RowSchema(List.of(new Column("l_returnflag", DataType.character(1), false),
        new Column("l_quantity", MONEY, false)));
    RowSchema partial = new RowSchema(List.of(new Column("l_returnflag", DataType.character(1), false),
        new Column("count", DataType.BIGINT, false), new Column("sum", SUM_OF_MONEY, true)));
    RowSchema result = partial;
    AggregateNode partialAggregate = new AggregateNode(
        new TableScanNode(TINY_LINEITEM, List.of(8, 4), 4, scanned), AggregateStep.PARTIAL, List.of(0),
        List.of(new AggregateCall(AggregateFunction.COUNT, List.of(), false, DataType.BIGINT, DataType.BIGINT, "count"),
            new AggregateCall(AggregateFunction.SUM, List.of(1), false, MONEY, SUM_OF_MONEY, "sum")),
        partial);
    AggregateNode finalAggregate = new AggregateNode(new ExchangeSourceNode(0, 4, false, partial),
        AggregateStep.FINAL, List.of(0),
        List.of(new AggregateCall(AggregateFunction.COUNT, List.of(1), false, DataType.BIGINT, DataType.BIGINT, "count"),
            new AggregateCall(AggregateFunction.SUM, List.of(2), false, MONEY, SUM_OF_MONEY, "sum")),
        result);
    engine.plan = new StagePlan(List.of(
        new StageFragment(0, partialAggregate, 4, new OutputPartitioning.Hash(List.of(0), 2), List.of()),
        new StageFragment(1, finalAggregate, 2, new OutputPartitioning.Result(), List.of(0))));

    Map<String, Long> counts = new TreeMap<>();
    Map<String, BigDecimal> sums = new TreeMap<>();
    try (Session session = engine.quiver.openSession();
        QueryResult rows = session.execute("SELECT l_returnflag, count(*), sum(l_quantity) FROM lineitem GROUP BY 1")) {
      while (rows.loadNextBatch()) {
        VarCharVector flags = (VarCharVector) rows.root().getVector(0);
        BigIntVector countVector = (BigIntVector) rows.root().getVector(1);
        DecimalVector sumVector = (DecimalVector) rows.root().getVector(2);
        for (int i = 0; i < rows.root().getRowCount(); i++) {
          counts.put(flags.getObject(i).toString(), countVector.get(i));
          sums.put(flags.getObject(i).toString(), sumVector.getObject(i));
        }
      }
    }

    Map<String, Long> expectedCounts = new TreeMap<>();
    Map<String, BigDecimal> expectedSums = new TreeMap<>();
    for (LineItem item : TpchTable.LINE_ITEM.createGenerator(0.01, 1, 1)) {
      expectedCounts.merge(item.getReturnFlag(), 1L, Long::sum);
      expectedSums.merge(item.getReturnFlag(), BigDecimal.valueOf(item.getQuantity() * 100, 2), BigDecimal::add);
    }
    assertEquals(expectedCounts, counts);
    assertEquals(expectedSums, sums);
    assertEquals(60_175L, counts.values().stream().mapToLong(Long::longValue).sum());

    List<StageCompleted> stages = events.stream().filter(StageCompleted.class::isInstance)
        .map(StageCompleted.class::cast).toList();
    assertEquals(List.of(0, 1), stages.stream().map(StageCompleted::stageId).toList());
    assertEquals(60_175L, stages.get(0).inputRows(), "the scans read every row");
    assertEquals(3L, stages.get(1).outputRows());
  }

  /** SELECT * FROM tpch.tiny.orders, read by the result stage itself. */
  @Test
  void scanStreamsStraightToTheClient() {
    RowSchema orders = new RowSchema(List.of(new Column("o_orderkey", DataType.BIGINT, false),
        new Column("o_totalprice", MONEY, false), new Column("o_comment", DataType.varchar(79), false)));
    TableHandle table = new TableHandle("tpch", "tiny", "orders", Map.of());
    engine.plan = new StagePlan(List.of(new StageFragment(0, new TableScanNode(table, List.of(0, 3, 8), 3, orders), 3,
        new OutputPartitioning.Result(), List.of())));
    long rows = 0;
    long keySum = 0;
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT o_orderkey, o_totalprice, o_comment FROM orders")) {
      assertEquals(orders, result.schema());
      while (result.loadNextBatch()) {
        BigIntVector keys = (BigIntVector) result.root().getVector(0);
        for (int i = 0; i < result.root().getRowCount(); i++) {
          keySum += keys.get(i);
        }
        rows += result.root().getRowCount();
      }
    }
    assertEquals(15_000, rows);
    long expectedKeySum = 0;
    for (var order : TpchTable.ORDERS.createGenerator(0.01, 1, 1)) {
      expectedKeySum += order.getOrderKey();
    }
    assertEquals(expectedKeySum, keySum);
  }

  @Test
  void errorsOfRealTasksReachTheClient() {
    RowSchema key = new RowSchema(List.of(new Column("k", DataType.BIGINT, false)));
    TableHandle missing = new TableHandle("tpch", "tiny", "no_such_table", Map.of());
    engine.plan = new StagePlan(List.of(new StageFragment(0, new TableScanNode(missing, List.of(0), 2, key), 2,
        new OutputPartitioning.Result(), List.of())));
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT k FROM no_such_table")) {
      QuiverException error = assertThrows(QuiverException.class, result::loadNextBatch);
      assertEquals(ErrorCode.TABLE_NOT_FOUND, error.errorCode());
    }
    JobEnded ended = events.stream().filter(JobEnded.class::isInstance).map(JobEnded.class::cast).findFirst()
        .orElseThrow();
    assertEquals(Outcome.FAILED, ended.outcome());
  }
}
