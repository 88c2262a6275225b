package io.quiver.exec.fragment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.ExpandNode;
import io.quiver.exec.fragment.node.ReplicateNode;
import io.quiver.exec.fragment.node.FilterNode;
import io.quiver.exec.fragment.node.LimitNode;
import io.quiver.exec.fragment.node.ProjectNode;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.SortNode;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.node.TopNNode;
import io.quiver.exec.fragment.node.UnionAllNode;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FragmentCodecTest {

  private static final RowSchema SCAN_SCHEMA = new RowSchema(List.of(
      new Column("l_returnflag", DataType.character(1), false),
      new Column("l_quantity", DataType.decimal(15, 2), false),
      new Column("l_shipdate", DataType.DATE, false)));

  @Test
  void everyNodeKindSurvivesARoundTrip() {
    TableScanNode scan = new TableScanNode(
        new TableHandle("tpch", "tiny", "lineitem", Map.of("scaleFactor", "0.01")), List.of(8, 4, 10), 4, SCAN_SCHEMA);
    FilterNode filter = new FilterNode(scan, Call.of(ScalarFunction.LESS_THAN_OR_EQUAL, DataType.BOOLEAN,
        new InputReference(2, DataType.DATE), Literal.ofDate(LocalDate.of(1998, 9, 2))));
    ProjectNode project = new ProjectNode(filter, List.of(
        new InputReference(0, DataType.character(1)),
        Call.of(ScalarFunction.MULTIPLY, DataType.decimal(18, 4), new InputReference(1, DataType.decimal(15, 2)),
            Literal.ofDecimal(new BigDecimal("1.50"), DataType.decimal(3, 2))),
        Literal.nullOf(DataType.VARCHAR)),
        new RowSchema(List.of(new Column("flag", DataType.character(1), false),
            new Column("q", DataType.decimal(18, 4), false), new Column("n", DataType.VARCHAR, true))));
    AggregateNode partial = new AggregateNode(project, AggregateStep.PARTIAL, List.of(0),
        List.of(new AggregateCall(AggregateFunction.AVG, List.of(1), false, DataType.decimal(18, 4),
            DataType.decimal(22, 8), "avg_q")),
        new RowSchema(List.of(new Column("flag", DataType.character(1), false),
            new Column("avg_q$sum", DataType.decimal(38, 4), true), new Column("avg_q$count", DataType.BIGINT, false))));
    StageFragment scanStage = new StageFragment(0, partial, 4, new OutputPartitioning.Hash(List.of(0), 8), List.of());

    ExchangeSourceNode source = new ExchangeSourceNode(0, 4, false, partial.outputSchema());
    ValuesNode values = new ValuesNode(List.of(List.of(Literal.ofString("A", DataType.character(1)),
        Literal.nullOf(DataType.decimal(38, 4)), Literal.ofLong(3, DataType.BIGINT))), partial.outputSchema());
    UnionAllNode union = new UnionAllNode(List.of(source, values), partial.outputSchema());
    SortNode sort = new SortNode(union, List.of(new SortKey(0, true, false)));
    TopNNode topN = new TopNNode(sort, List.of(new SortKey(2, false, true)), 10);
    LimitNode limit = new LimitNode(topN, 1, 5);
    StageFragment resultStage = new StageFragment(1, limit, 1, new OutputPartitioning.Result(), List.of(0));

    StagePlan plan = new StagePlan(List.of(scanStage, resultStage));
    String json = FragmentCodec.encode(plan);
    assertEquals(plan, FragmentCodec.decodePlan(json));
    assertEquals(scanStage, FragmentCodec.decodeStage(FragmentCodec.encode(scanStage)));
  }

  @Test
  void expandReplicateAndAggregateCallsWithFilterAndOrderSurviveARoundTrip() {
    ValuesNode input = new ValuesNode(List.of(), SCAN_SCHEMA);
    List<Column> expanded = new java.util.ArrayList<>(SCAN_SCHEMA.columns());
    expanded.add(new Column("f$key", DataType.character(1), true));
    expanded.add(new Column("$g", DataType.BIGINT, false));
    ExpandNode expand = new ExpandNode(input, List.of(0), List.of(new ExpandNode.GroupingSet(List.of(), 0),
        new ExpandNode.GroupingSet(List.of(0), 1)), new RowSchema(expanded));
    AggregateNode aggregate = new AggregateNode(expand, AggregateStep.SINGLE, List.of(3, 4),
        List.of(new AggregateCall(AggregateFunction.STRING_AGG, List.of(0, 0), false, DataType.character(1),
            DataType.VARCHAR, "s", 1, List.of(new SortKey(2, false, true))),
            new AggregateCall(AggregateFunction.VAR_SAMP, List.of(1), false, DataType.decimal(15, 2),
                DataType.DOUBLE, "v")),
        new RowSchema(List.of(new Column("f", DataType.character(1), true), new Column("g", DataType.BIGINT, false),
            new Column("s", DataType.VARCHAR, true), new Column("v", DataType.DOUBLE, true))), 1L);
    ReplicateNode replicate = new ReplicateNode(aggregate, 1, List.of(0, 2),
        new RowSchema(List.of(new Column("f", DataType.character(1), true), new Column("s", DataType.VARCHAR, true))));
    StageFragment stage = new StageFragment(0, replicate, 1, new OutputPartitioning.Result(), List.of());
    assertEquals(stage, FragmentCodec.decodeStage(FragmentCodec.encode(stage)));
  }

  @Test
  void everyPartitioningSurvivesARoundTrip() {
    ValuesNode values = new ValuesNode(List.of(), new RowSchema(List.of(new Column("x", DataType.INTEGER, true))));
    for (OutputPartitioning partitioning : List.of(new OutputPartitioning.Hash(List.of(0), 3),
        new OutputPartitioning.Single(), new OutputPartitioning.Broadcast(), new OutputPartitioning.RoundRobin(5),
        new OutputPartitioning.Result())) {
      StageFragment stage = new StageFragment(7, values, 1, partitioning, List.of());
      assertEquals(stage, FragmentCodec.decodeStage(FragmentCodec.encode(stage)));
    }
  }

  @Test
  void malformedTextIsRejected() {
    assertThrows(UncheckedIOException.class, () -> FragmentCodec.decodeStage("{\"stageId\": 1, \"bogus\": 2}"));
    assertThrows(UncheckedIOException.class, () -> FragmentCodec.decodeStage("not json"));
  }
}
