package io.quiver.exec.operator.filter;

import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.testing.GreaterThanExpression;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FilterOperatorTest {

  private static final RowSchema SCHEMA = schema("k", DataType.BIGINT, "v", DataType.VARCHAR);

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void keepsOnlyRowsWhoseConditionIsTrue() {
    List<VectorSchemaRoot> input = List.of(
        batch(allocator, SCHEMA, new Object[] {1L, "a"}, new Object[] {5L, "b"}, new Object[] {null, "c"}),
        batch(allocator, SCHEMA, new Object[] {7L, null}, new Object[] {2L, "e"}));
    List<List<Object>> rows = Pipelines.run(input,
        new FilterOperator(new GreaterThanExpression(0, 3, allocator), allocator));
    assertEquals(List.of(row(5L, "b"), row(7L, null)), rows);
  }

  @Test
  void passesABatchWhoseRowsAllMatchWithoutCopying() {
    GreaterThanExpression condition = new GreaterThanExpression(0, 0, allocator);
    try (FilterOperator filter = new FilterOperator(condition, allocator)) {
      VectorSchemaRoot batch = batch(allocator, SCHEMA, new Object[] {1L, "a"}, new Object[] {2L, "b"});
      filter.addInput(batch);
      try (VectorSchemaRoot output = filter.getOutput()) {
        assertSame(batch, output);
      }
      assertNull(filter.getOutput());
    }
    assertTrue(condition.isClosed());
  }

  @Test
  void emptyInputAndNoMatches() {
    assertEquals(List.of(), Pipelines.run(List.of(), new FilterOperator(new GreaterThanExpression(0, 3, allocator),
        allocator)));
    List<VectorSchemaRoot> input = List.of(batch(allocator, SCHEMA), batch(allocator, SCHEMA,
        new Object[] {1L, "a"}));
    assertEquals(List.of(), Pipelines.run(input, new FilterOperator(new GreaterThanExpression(0, 3, allocator),
        allocator)));
  }

  @Test
  void wrongUsageIsRejectedAndTheBatchReleased() {
    try (FilterOperator filter = new FilterOperator(new GreaterThanExpression(0, 0, allocator), allocator)) {
      filter.addInput(batch(allocator, SCHEMA, new Object[] {1L, "a"}));
      // holding output: no input now
      assertThrows(IllegalStateException.class, () -> filter.addInput(batch(allocator, SCHEMA)));
      filter.finish();
      filter.finish();
      assertThrows(IllegalStateException.class, () -> filter.addInput(batch(allocator, SCHEMA)));
      // closed while holding output: the output is released by close
    }
  }
}
