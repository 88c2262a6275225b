package io.quiver.exec.operator.expand;

import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.fragment.node.ExpandNode;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExpandOperatorTest {

  private static final RowSchema INPUT = schema("a", DataType.VARCHAR, "b", DataType.INTEGER, "v", DataType.BIGINT);

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static ExpandNode rollup() {
    List<Column> columns = new ArrayList<>(INPUT.columns());
    columns.add(new Column("a$key", DataType.VARCHAR, true));
    columns.add(new Column("b$key", DataType.INTEGER, true));
    columns.add(new Column("$g", DataType.BIGINT, false));
    return new ExpandNode(new ValuesNode(List.of(), INPUT), List.of(0, 1), List.of(
        new ExpandNode.GroupingSet(List.of(), 0), new ExpandNode.GroupingSet(List.of(1), 1),
        new ExpandNode.GroupingSet(List.of(0, 1), 3)), new RowSchema(columns));
  }

  @Test
  void emitsEveryRowOncePerSetWithTheOtherKeysNullAndTheInputKept() {
    List<List<Object>> rows = List.of(row("x", 1L, 10L), row(null, 2L, 20L), row("y", null, 30L));
    List<List<Object>> expected = List.of(
        row("x", 1L, 10L, "x", 1L, 0L), row(null, 2L, 20L, null, 2L, 0L), row("y", null, 30L, "y", null, 0L),
        row("x", 1L, 10L, "x", null, 1L), row(null, 2L, 20L, null, null, 1L), row("y", null, 30L, "y", null, 1L),
        row("x", 1L, 10L, null, null, 3L), row(null, 2L, 20L, null, null, 3L), row("y", null, 30L, null, null, 3L));
    List<List<Object>> output = Pipelines.run(List.of(TestTables.batch(allocator, INPUT, rows)),
        new ExpandOperator(rollup(), allocator));
    assertEquals(expected, output);
  }

  @Test
  void emptyInputGivesNothing() {
    assertEquals(List.of(), Pipelines.run(List.of(), new ExpandOperator(rollup(), allocator)));
    assertEquals(List.of(), Pipelines.run(List.of(TestTables.batch(allocator, INPUT, List.of())),
        new ExpandOperator(rollup(), allocator)));
  }

  @Test
  void closeBeforeTheLastSetReleasesTheInput() {
    ExpandOperator operator = new ExpandOperator(rollup(), allocator);
    operator.addInput(TestTables.batch(allocator, INPUT, List.of(row("x", 1L, 10L))));
    operator.getOutput().close();
    operator.close();
    assertEquals(0, allocator.getAllocatedMemory());
  }
}
