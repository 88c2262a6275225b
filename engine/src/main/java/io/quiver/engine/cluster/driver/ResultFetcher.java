package io.quiver.engine.cluster.driver;

import io.quiver.engine.cluster.protocol.ClusterMessages.ShuffleTicket;
import io.quiver.engine.cluster.protocol.MessageCodec;
import io.quiver.exec.batch.Batches;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskId;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Streams a finished result task's rows from its executor to the query's result sink, batch by
 * batch as they arrive: the sink (the client's bounded buffer) blocks while the client is behind,
 * which stops reading the Flight stream, whose flow control stops the executor sending. The driver
 * holds a few batches of a result at a time, whatever its size.
 *
 * <p>The rows are committed on the executor before the fetch starts, so the stream is the same every
 * time it is read: a fetch that breaks part way is read again from the start, skipping the batches
 * already delivered. When it cannot be read again (the executor is gone) the fetch fails; the job
 * then fails if rows had reached the sink, rather than run the task again and deliver them twice
 * ({@code ResultDelivery} on the scheduler's side).
 */
final class ResultFetcher {

  /** Reads of one result stream before the fetch gives up. */
  static final int READS = 3;
  private static final long RETRY_PAUSE_MILLIS = 200;

  private ResultFetcher() {
  }

  /** @return bytes fetched */
  static long fetch(RemoteExecutor executor, TaskId task, BufferAllocator parent, ResultSink sink) throws Exception {
    ShuffleTicket ticket = new ShuffleTicket(task.jobId(), task.stageId(), task.partition(), 0);
    long bytes = 0;
    long delivered = 0;
    for (int read = 1; ; read++) {
      try (BufferAllocator allocator = parent.newChildAllocator("result " + task, 0, parent.getLimit());
          FlightStream stream = executor.client.getStream(new Ticket(MessageCodec.encode(ticket)))) {
        long index = 0;
        while (stream.next()) {
          if (index++ < delivered) {
            continue; // delivered by an earlier read of the same committed rows
          }
          VectorSchemaRoot copy = Batches.copyTo(stream.getRoot(), allocator);
          bytes += Batches.sizeInBytes(copy);
          delivered++;
          sink.accept(copy); // takes ownership; blocks while the client is behind
        }
        return bytes;
      } catch (FlightRuntimeException e) {
        if (read >= READS) {
          throw e;
        }
      } catch (QuiverException e) {
        throw e; // from the sink: the query was cancelled or its result closed
      }
      Thread.sleep(RETRY_PAUSE_MILLIS);
    }
  }
}
