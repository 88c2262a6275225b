package io.quiver.exec.operator.setop;

import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.fragment.node.ReplicateNode;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplicateOperatorTest {

  private static final RowSchema INPUT = schema("s", DataType.VARCHAR, "n", DataType.BIGINT);
  private static final ReplicateNode NODE = new ReplicateNode(new ValuesNode(List.of(), INPUT), 1, List.of(0),
      schema("s", DataType.VARCHAR));

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void repeatsEachRowByItsCountAndSkipsZeroNegativeAndNull() {
    List<List<Object>> rows = List.of(row("a", 2L), row("b", 0L), row(null, 3L), row("c", -4L), row("d", null),
        row("e", 1L));
    for (int batchSize : new int[] {1, 2, 100}) {
      List<List<Object>> output = Pipelines.run(List.of(TestTables.batch(allocator, INPUT, rows)),
          new ReplicateOperator(NODE, allocator, batchSize));
      List<List<Object>> expected = new ArrayList<>(List.of(row("a"), row("a")));
      expected.addAll(java.util.Collections.nCopies(3, row((Object) null)));
      expected.add(row("e"));
      assertEquals(expected, output, "batch size " + batchSize);
    }
  }

  @Test
  void aLargeCountLeavesInBoundedBatches() {
    ReplicateOperator operator = new ReplicateOperator(NODE, allocator, 1000);
    operator.addInput(TestTables.batch(allocator, INPUT, List.of(row("x", 10_500L))));
    operator.finish();
    long total = 0;
    VectorSchemaRoot batch;
    while ((batch = operator.getOutput()) != null) {
      assertTrue(batch.getRowCount() <= 1000);
      total += batch.getRowCount();
      batch.close();
    }
    assertEquals(10_500, total);
    assertTrue(operator.isFinished());
    operator.close();
  }
}
