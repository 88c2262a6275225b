package io.quiver.exec.operator;

import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.testing.CollectingSink;
import io.quiver.exec.testing.ListSourceOperator;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DriverTest {

  private static final RowSchema SCHEMA = schema("k", DataType.BIGINT);

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<VectorSchemaRoot> batches(int count) {
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      batches.add(batch(allocator, SCHEMA, new Object[] {i}));
    }
    return batches;
  }

  /** Passes batches on; cancels the job after {@code cancelAfter} of them. */
  private static class CancellingOperator implements Operator {
    private final CancellationToken token;
    private final int cancelAfter;
    private VectorSchemaRoot held;
    private int seen;
    private boolean finished;
    boolean closed;

    CancellingOperator(CancellationToken token, int cancelAfter) {
      this.token = token;
      this.cancelAfter = cancelAfter;
    }

    @Override
    public boolean needsInput() {
      return held == null && !finished;
    }

    @Override
    public void addInput(VectorSchemaRoot batch) {
      held = batch;
      if (++seen == cancelAfter) {
        token.cancel(CancellationToken.cancelledByUser());
      }
    }

    @Override
    public VectorSchemaRoot getOutput() {
      VectorSchemaRoot out = held;
      held = null;
      return out;
    }

    @Override
    public void finish() {
      finished = true;
    }

    @Override
    public boolean isFinished() {
      return finished && held == null;
    }

    @Override
    public void close() {
      closed = true;
      if (held != null) {
        held.close();
        held = null;
      }
    }
  }

  @Test
  void cancellationStopsTheDriverBetweenBatchesAndEverythingIsClosed() {
    CancellationToken token = new CancellationToken();
    ListSourceOperator source = new ListSourceOperator(batches(100));
    CancellingOperator middle = new CancellingOperator(token, 3);
    CollectingSink sink = new CollectingSink();
    Driver driver = new Driver(List.of(source, middle, sink), token);
    QuiverException error = assertThrows(QuiverException.class, driver::run);
    driver.close();
    assertEquals(ErrorCode.QUERY_CANCELLED, error.errorCode());
    assertTrue(source.produced() <= 4, "kept reading after cancel: " + source.produced());
    assertTrue(source.isClosed() && middle.closed && sink.isClosed());
    TestTables.drain(sink.batches());
  }

  @Test
  void failureInAnOperatorStillClosesAll() {
    ListSourceOperator source = new ListSourceOperator(batches(5));
    Operator failing = new CancellingOperator(new CancellationToken(), 0) {
      @Override
      public void addInput(VectorSchemaRoot batch) {
        batch.close();
        throw new IllegalStateException("boom");
      }
    };
    CollectingSink sink = new CollectingSink();
    try (Driver driver = new Driver(List.of(source, failing, sink), new CancellationToken())) {
      assertThrows(IllegalStateException.class, driver::run);
    }
    assertTrue(source.isClosed() && sink.isClosed());
  }

  @Test
  void anOperatorThatNeverFinishesIsReportedNotLoopedOnForever() {
    Operator stuck = new CollectingSink() {
      @Override
      public void finish() {
      }
    };
    try (Driver driver = new Driver(List.of(new ListSourceOperator(List.of()), stuck), new CancellationToken())) {
      QuiverException error = assertThrows(QuiverException.class, driver::run);
      assertEquals(ErrorCode.INTERNAL_ERROR, error.errorCode());
    }
  }

  @Test
  void pipelineNeedsOperators() {
    assertThrows(IllegalArgumentException.class, () -> new Driver(List.of(), new CancellationToken()));
  }
}
