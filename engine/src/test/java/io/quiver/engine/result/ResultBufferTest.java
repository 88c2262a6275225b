package io.quiver.engine.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.CancellationToken;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResultBufferTest {

  private final BufferAllocator root = new RootAllocator();
  private final BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE);
  private final BufferAllocator client = root.newChildAllocator("client", 0, Long.MAX_VALUE);
  private final CancellationToken cancellation = new CancellationToken();
  private final ResultBuffer buffer = new ResultBuffer(client, 2, cancellation);

  @AfterEach
  void close() {
    buffer.close();
    task.close();
    client.close();
    root.close();
  }

  private VectorSchemaRoot batch(long value) {
    BigIntVector vector = new BigIntVector("n", task);
    vector.allocateNew(1);
    vector.set(0, value);
    vector.setValueCount(1);
    VectorSchemaRoot batch = new VectorSchemaRoot(List.<FieldVector>of(vector));
    batch.setRowCount(1);
    return batch;
  }

  @Test
  void batchesMoveToTheClientsAllocatorInOrder() {
    buffer.accept(batch(1));
    buffer.accept(batch(2));
    assertEquals(0, task.getAllocatedMemory(), "the task's allocator holds nothing any more");
    assertTrue(client.getAllocatedMemory() > 0);
    buffer.finish(null);
    try (VectorSchemaRoot first = buffer.take(); VectorSchemaRoot second = buffer.take()) {
      assertEquals(1L, first.getVector(0).getObject(0));
      assertEquals(2L, second.getVector(0).getObject(0));
    }
    assertNull(buffer.take());
    assertNull(buffer.take());
  }

  @Test
  void aFullBufferMakesTheProducerWaitUntilCancelled() throws InterruptedException {
    buffer.accept(batch(1));
    buffer.accept(batch(2));
    List<Throwable> thrown = new CopyOnWriteArrayList<>();
    Thread producer = new Thread(() -> {
      try {
        buffer.accept(batch(3));
      } catch (Throwable t) {
        thrown.add(t);
      }
    });
    producer.start();
    while (producer.getState() != Thread.State.TIMED_WAITING && producer.isAlive()) {
      Thread.sleep(1);
    }
    assertEquals(2, buffer.queuedBatches());
    cancellation.cancel(CancellationToken.cancelledByUser());
    buffer.wakeProducers();
    producer.join();
    assertEquals(ErrorCode.QUERY_CANCELLED, ((QuiverException) thrown.get(0)).errorCode());
    assertEquals(0, task.getAllocatedMemory(), "the refused batch was released");
  }

  @Test
  void takingMakesRoomForAWaitingProducer() throws InterruptedException {
    buffer.accept(batch(1));
    buffer.accept(batch(2));
    Thread producer = new Thread(() -> buffer.accept(batch(3)));
    producer.start();
    buffer.take().close();
    producer.join();
    buffer.finish(null);
    buffer.take().close();
    try (VectorSchemaRoot last = buffer.take()) {
      assertEquals(3L, last.getVector(0).getObject(0));
    }
    assertNull(buffer.take());
  }

  @Test
  void aFailureIsReportedAtOnceAndDropsWaitingBatches() {
    buffer.accept(batch(1));
    buffer.finish(new QuiverException(ErrorCode.DIVISION_BY_ZERO, "division by zero"));
    QuiverException error = assertThrows(QuiverException.class, buffer::take);
    assertEquals(ErrorCode.DIVISION_BY_ZERO, error.errorCode());
    assertEquals(0, buffer.queuedBatches());
    assertEquals(0, client.getAllocatedMemory());
    assertThrows(QuiverException.class, buffer::take);
  }

  @Test
  void aClosedBufferRefusesBatchesAndReleasesThem() {
    buffer.accept(batch(1));
    buffer.close();
    assertEquals(0, client.getAllocatedMemory());
    assertEquals(ErrorCode.QUERY_CANCELLED, assertThrows(QuiverException.class, () -> buffer.accept(batch(2))).errorCode());
    assertEquals(0, task.getAllocatedMemory());
    assertEquals(ErrorCode.QUERY_CANCELLED, assertThrows(QuiverException.class, buffer::take).errorCode());
    assertThrows(IllegalArgumentException.class, () -> new ResultBuffer(client, 0, cancellation));
  }
}
