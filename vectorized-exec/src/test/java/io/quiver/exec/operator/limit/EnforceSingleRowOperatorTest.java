package io.quiver.exec.operator.limit;

import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnforceSingleRowOperatorTest {

  private static final RowSchema SCHEMA = schema("k", DataType.BIGINT, "s", DataType.VARCHAR);

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close(); // throws on a leak
  }

  private List<VectorSchemaRoot> rows(int count, int batchSize) {
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      rows.add(row(i, "v" + i));
    }
    return TestTables.batches(allocator, SCHEMA, rows, batchSize);
  }

  private EnforceSingleRowOperator operator() {
    return new EnforceSingleRowOperator(SCHEMA.toArrowSchema(), allocator);
  }

  @Test
  void passesTheOnlyRow() {
    assertEquals(List.of(row(0L, "v0")), Pipelines.run(rows(1, 5), operator()));
  }

  @Test
  void noRowGivesOneRowOfNulls() {
    assertEquals(List.of(Arrays.asList(null, null)), Pipelines.run(List.of(), operator()));
    assertEquals(List.of(Arrays.asList(null, null)), Pipelines.run(rows(0, 5), operator()));
  }

  @Test
  void aSecondRowIsACardinalityViolationInOneBatchOrTwo() {
    for (int batchSize : List.of(1, 2, 10)) {
      QuiverException error = assertThrows(QuiverException.class, () -> Pipelines.run(rows(2, batchSize), operator()));
      assertEquals(ErrorCode.CARDINALITY_VIOLATION, error.errorCode());
      assertEquals("21000", error.errorCode().sqlState());
    }
  }
}
