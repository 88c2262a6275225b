package io.quiver.engine.cluster.driver;

import io.quiver.engine.cluster.protocol.ClusterMessages.ShuffleTicket;
import io.quiver.engine.cluster.protocol.MessageCodec;
import io.quiver.exec.batch.Batches;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskId;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Brings a finished result task's rows from its executor to the query's result sink. All batches
 * are fetched before the first is handed on: a fetch that fails part way delivers nothing, so the
 * task can simply run again.
 */
final class ResultFetcher {

  private ResultFetcher() {
  }

  /** @return bytes fetched */
  static long fetch(RemoteExecutor executor, TaskId task, BufferAllocator parent, ResultSink sink) throws Exception {
    ShuffleTicket ticket = new ShuffleTicket(task.jobId(), task.stageId(), task.partition(), 0);
    long bytes = 0;
    try (BufferAllocator allocator = parent.newChildAllocator("result " + task, 0, parent.getLimit())) {
      List<VectorSchemaRoot> batches = new ArrayList<>();
      try {
        try (FlightStream stream = executor.client.getStream(new Ticket(MessageCodec.encode(ticket)))) {
          while (stream.next()) {
            VectorSchemaRoot copy = Batches.copyTo(stream.getRoot(), allocator);
            batches.add(copy);
            bytes += Batches.sizeInBytes(copy);
          }
        }
        while (!batches.isEmpty()) {
          sink.accept(batches.remove(0));
        }
      } finally {
        batches.forEach(VectorSchemaRoot::close);
      }
    }
    return bytes;
  }
}
