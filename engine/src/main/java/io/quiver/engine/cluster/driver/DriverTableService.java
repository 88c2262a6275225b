package io.quiver.engine.cluster.driver;

import io.quiver.engine.cluster.protocol.ClusterMessages;
import io.quiver.engine.cluster.protocol.ClusterMessages.TableSplitTicket;
import io.quiver.engine.cluster.protocol.FlightStreams;
import io.quiver.engine.cluster.protocol.MessageCodec;
import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.error.QuiverException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the splits of the tables that live in the driver (memory tables, {@code system.runtime},
 * {@code information_schema}) to executors' tasks, one Flight stream per split: the split is opened
 * with the driver's own reader and sent batch by batch, waiting while the executor is behind, so the
 * driver holds about one batch per stream. Each stream's buffers come from a child allocator of the
 * cluster driver's, closed when the stream ends.
 */
final class DriverTableService {

  private static final Logger LOG = LoggerFactory.getLogger(DriverTableService.class);

  private final TableDataSources sources;
  private final BufferAllocator allocator;

  DriverTableService(TableDataSources sources, BufferAllocator allocator) {
    this.sources = sources;
    this.allocator = allocator;
  }

  void serve(Ticket ticket, ServerStreamListener listener) {
    try {
      TableSplitTicket split = MessageCodec.decode(ticket.getBytes(), TableSplitTicket.class);
      try (BufferAllocator streamAllocator = allocator.newChildAllocator("driver table " + split.table() + " split "
          + split.split(), 0, allocator.getLimit());
          SplitReader reader = sources.get(split.table().connector()).open(split.table(), split.columns(),
              split.schema(), split.split(), split.splitCount(), streamAllocator, split.batchSize());
          VectorSchemaRoot out = VectorSchemaRoot.create(split.schema().toArrowSchema(), streamAllocator)) {
        listener.start(out);
        VectorSchemaRoot batch;
        while (!listener.isCancelled() && (batch = reader.next()) != null) {
          try (VectorSchemaRoot sent = batch; ArrowRecordBatch body = new VectorUnloader(sent).getRecordBatch()) {
            new VectorLoader(out).load(body);
          }
          FlightStreams.awaitReady(listener);
          listener.putNext();
        }
        listener.completed();
      }
    } catch (QuiverException e) {
      listener.error(CallStatus.NOT_FOUND.withDescription(ClusterMessages.describe(e)).toRuntimeException());
    } catch (RuntimeException e) {
      LOG.warn("serving a driver table split failed", e);
      listener.error(CallStatus.INTERNAL.withDescription(e.toString()).withCause(e).toRuntimeException());
    }
  }
}
