package io.quiver.exec.operator.project;

import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.operator.project.ProjectOperator.Projection;
import io.quiver.exec.testing.GreaterThanExpression;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProjectOperatorTest {

  private static final RowSchema INPUT = schema("k", DataType.BIGINT, "v", DataType.VARCHAR);

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void passesColumnsThroughReordersDuplicatesAndEvaluates() {
    RowSchema output = schema("v", DataType.VARCHAR, "big", DataType.BOOLEAN, "k1", DataType.BIGINT,
        "k2", DataType.BIGINT);
    GreaterThanExpression big = new GreaterThanExpression(0, 1, allocator);
    List<List<Object>> rows = Pipelines.run(
        List.of(batch(allocator, INPUT, new Object[] {1L, "a"}, new Object[] {2L, null}, new Object[] {null, "c"})),
        new ProjectOperator(List.of(Projection.column(1), Projection.of(big), Projection.column(0),
            Projection.column(0)), output, allocator));
    assertEquals(List.of(row("a", false, 1L, 1L), row(null, true, 2L, 2L), row("c", null, null, null)), rows);
    assertTrue(big.isClosed());
  }

  @Test
  void outputCarriesTheProjectedNames() {
    RowSchema output = schema("renamed", DataType.BIGINT);
    try (ProjectOperator project = new ProjectOperator(List.of(Projection.column(0)), output, allocator)) {
      project.addInput(batch(allocator, INPUT, new Object[] {1L, "a"}));
      try (VectorSchemaRoot batch = project.getOutput()) {
        assertEquals("renamed", batch.getSchema().getFields().get(0).getName());
      }
    }
  }

  @Test
  void rejectsMismatchedSchemaAndInputAfterFinish() {
    assertThrows(IllegalArgumentException.class,
        () -> new ProjectOperator(List.of(Projection.column(0)), INPUT, allocator));
    try (ProjectOperator project = new ProjectOperator(List.of(Projection.column(0)),
        schema("k", DataType.BIGINT), allocator)) {
      project.finish();
      assertTrue(project.isFinished());
      assertThrows(IllegalStateException.class, () -> project.addInput(batch(allocator, INPUT)));
    }
  }
}
