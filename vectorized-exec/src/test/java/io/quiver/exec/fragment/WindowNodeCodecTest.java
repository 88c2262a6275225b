package io.quiver.exec.fragment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.SortNode;
import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.fragment.node.WindowFrame;
import io.quiver.exec.fragment.node.WindowFrame.Bound;
import io.quiver.exec.fragment.node.WindowFrame.BoundKind;
import io.quiver.exec.fragment.node.WindowFunction;
import io.quiver.exec.fragment.node.WindowNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A window node, with every kind of call, frame and bound, travels as a fragment and back unchanged. */
class WindowNodeCodecTest {

  @Test
  void windowNodeSurvivesARoundTrip() {
    RowSchema input = new RowSchema(List.of(new Column("k", DataType.BIGINT, false),
        new Column("day", DataType.DATE, true), new Column("price", DataType.decimal(15, 2), true)));
    ExchangeSourceNode source = new ExchangeSourceNode(0, 3, false, input);
    SortNode sort = new SortNode(source, List.of(new SortKey(0, true, false), new SortKey(1, false, true)));
    WindowFrame rows = new WindowFrame(WindowFrame.Unit.ROWS,
        new Bound(BoundKind.PRECEDING, Literal.ofLong(1000, DataType.BIGINT)), Bound.of(BoundKind.CURRENT_ROW));
    WindowFrame dates = new WindowFrame(WindowFrame.Unit.RANGE,
        new Bound(BoundKind.PRECEDING, Literal.ofLong(3, DataType.INTERVAL_YEAR_MONTH)),
        new Bound(BoundKind.FOLLOWING, Literal.ofLong(86_400_000_000L, DataType.INTERVAL_DAY_TIME)));
    List<WindowCall> calls = List.of(
        WindowCall.of(WindowFunction.ROW_NUMBER, List.of(), null, DataType.BIGINT, "rn"),
        new WindowCall(WindowFunction.NTILE, null, List.of(), 4L, WindowFrame.DEFAULT, false, null, DataType.INTEGER,
            "bucket"),
        new WindowCall(WindowFunction.LAG, null, List.of(2, 2), null, WindowFrame.DEFAULT, true,
            DataType.decimal(15, 2), DataType.decimal(15, 2), "previous"),
        WindowCall.aggregate(AggregateFunction.SUM, List.of(2), rows, DataType.decimal(15, 2),
            DataType.decimal(38, 2), "moving"),
        WindowCall.aggregate(AggregateFunction.COUNT, List.of(), dates, DataType.BIGINT, DataType.BIGINT, "near"),
        new WindowCall(WindowFunction.LAST_VALUE, null, List.of(1), null, WindowFrame.WHOLE_PARTITION, false,
            DataType.DATE, DataType.DATE, "last_day"));
    List<Column> columns = new ArrayList<>(input.columns());
    for (WindowCall call : calls) {
      columns.add(new Column(call.name(), call.resultType(), true));
    }
    WindowNode window = new WindowNode(sort, List.of(0), List.of(new SortKey(1, false, true)), calls,
        new RowSchema(columns));
    StageFragment stage = new StageFragment(1, window, 4, new OutputPartitioning.Result(), List.of(0));
    assertEquals(stage, FragmentCodec.decodeStage(FragmentCodec.encode(stage)));
  }

  @Test
  void malformedFramesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Bound(BoundKind.PRECEDING, null));
    assertThrows(IllegalArgumentException.class,
        () -> new Bound(BoundKind.FOLLOWING, Literal.nullOf(DataType.BIGINT)));
    assertThrows(IllegalArgumentException.class, () -> new WindowFrame(WindowFrame.Unit.ROWS,
        Bound.of(BoundKind.UNBOUNDED_FOLLOWING), Bound.of(BoundKind.UNBOUNDED_FOLLOWING)));
    assertThrows(IllegalArgumentException.class, () -> WindowCall.of(WindowFunction.AGGREGATE, List.of(), null,
        DataType.BIGINT, "x"));
  }
}
