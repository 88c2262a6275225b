package io.quiver.exec.operator.union;

import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.operator.OperatorPipeline;
import io.quiver.exec.operator.filter.FilterOperator;
import io.quiver.exec.testing.GreaterThanExpression;
import io.quiver.exec.testing.ListSourceOperator;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnionAllOperatorTest {

  private static final RowSchema SCHEMA = schema("k", DataType.BIGINT);

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void drainsInputsInTurnAndRenamesColumns() {
    OperatorPipeline first = new OperatorPipeline(List.of(new ListSourceOperator(List.of(
        batch(allocator, SCHEMA, new Object[] {1L}, new Object[] {5L}),
        batch(allocator, SCHEMA, new Object[] {6L}))),
        new FilterOperator(new GreaterThanExpression(0, 2, allocator), allocator)));
    OperatorPipeline empty = new OperatorPipeline(List.of(new ListSourceOperator(List.of())));
    OperatorPipeline second = new OperatorPipeline(List.of(new ListSourceOperator(List.of(
        batch(allocator, SCHEMA, new Object[] {7L}, new Object[] {null})))));
    RowSchema output = schema("renamed", DataType.BIGINT);
    UnionAllOperator union = new UnionAllOperator(List.of(first, empty, second),
        output.toArrowSchema().getFields(), allocator);
    try (union) {
      List<List<Object>> all = new java.util.ArrayList<>();
      while (!union.isFinished()) {
        VectorSchemaRoot batch = union.getOutput();
        if (batch != null) {
          assertEquals("renamed", batch.getSchema().getFields().get(0).getName());
          all.addAll(io.quiver.exec.testing.TestTables.rows(batch));
          batch.close();
        }
      }
      assertEquals(List.of(row(5L), row(6L), row(7L), row((Object) null)), all);
    }
  }

  @Test
  void closingEarlyClosesEveryInput() {
    ListSourceOperator source = new ListSourceOperator(List.of(batch(allocator, SCHEMA, new Object[] {1L})));
    UnionAllOperator union = new UnionAllOperator(List.of(new OperatorPipeline(List.of(source))),
        SCHEMA.toArrowSchema().getFields(), allocator);
    union.close();
    assertTrue(source.isClosed());
    assertTrue(union.isFinished());
  }
}
