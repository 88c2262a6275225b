package io.quiver.engine.cluster.executor;

import io.quiver.engine.cluster.protocol.ClusterMessages;
import io.quiver.engine.cluster.protocol.ClusterMessages.ShuffleTicket;
import io.quiver.engine.cluster.protocol.FlightStreams;
import io.quiver.engine.cluster.protocol.MessageCodec;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.ShuffleReader;
import java.util.List;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor's Flight service: {@code DoGet} serves one reduce partition of one map output it
 * holds; actions take the driver's stages, launches, cancellations and removals. Calls without the
 * cluster secret never get here (the server's authenticator refuses them).
 */
final class ExecutorFlightProducer extends NoOpFlightProducer {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorFlightProducer.class);

  private final ExecutorProcess executor;
  private final ExecutorShuffleStore store;
  private final ShuffleCounters counters;
  private final BufferAllocator streamAllocator;

  ExecutorFlightProducer(ExecutorProcess executor, ExecutorShuffleStore store, ShuffleCounters counters,
      BufferAllocator streamAllocator) {
    this.executor = executor;
    this.store = store;
    this.counters = counters;
    this.streamAllocator = streamAllocator;
  }

  @Override
  public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
    counters.openStreams.incrementAndGet();
    try {
      ShuffleTicket wanted = MessageCodec.decode(ticket.getBytes(), ShuffleTicket.class);
      try (ShuffleReader reader = store.read(wanted.jobId(), wanted.stageId(), wanted.mapPartition(),
          wanted.reducePartition(), streamAllocator)) {
        stream(reader, listener);
      }
    } catch (QuiverException e) {
      listener.error(CallStatus.NOT_FOUND.withDescription(e.getMessage()).toRuntimeException());
    } catch (RuntimeException e) {
      LOG.warn("serving a shuffle stream failed", e);
      listener.error(CallStatus.INTERNAL.withDescription(e.toString()).withCause(e).toRuntimeException());
    } finally {
      counters.openStreams.decrementAndGet();
    }
  }

  private void stream(ShuffleReader reader, ServerStreamListener listener) {
    VectorSchemaRoot batch = reader.next();
    Schema schema = batch == null ? new Schema(List.of()) : batch.getSchema();
    try (VectorSchemaRoot out = VectorSchemaRoot.create(schema, streamAllocator)) {
      listener.start(out);
      while (batch != null && !listener.isCancelled()) {
        try (VectorSchemaRoot sent = batch; ArrowRecordBatch body = new VectorUnloader(sent).getRecordBatch()) {
          new VectorLoader(out).load(body);
        }
        batch = null;
        FlightStreams.awaitReady(listener);
        listener.putNext();
        batch = reader.next();
      }
      listener.completed();
    } finally {
      if (batch != null) {
        batch.close();
      }
    }
  }

  @Override
  public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
    try {
      Object reply = switch (action.getType()) {
        case ClusterMessages.STAGE -> executor.acceptStage(MessageCodec.decode(action.getBody(),
            ClusterMessages.Stage.class));
        case ClusterMessages.LAUNCH -> executor.launch(MessageCodec.decode(action.getBody(),
            ClusterMessages.Launch.class));
        case ClusterMessages.CANCEL_JOB -> executor.cancelJob(MessageCodec.decode(action.getBody(),
            ClusterMessages.Job.class).jobId());
        case ClusterMessages.REMOVE_JOB -> executor.removeJob(MessageCodec.decode(action.getBody(),
            ClusterMessages.Job.class).jobId());
        case ClusterMessages.PING -> executor.acknowledgement();
        case ClusterMessages.STATUS -> executor.status();
        default -> throw CallStatus.INVALID_ARGUMENT.withDescription("unknown action " + action.getType())
            .toRuntimeException();
      };
      listener.onNext(new Result(MessageCodec.encode(reply)));
      listener.onCompleted();
    } catch (QuiverException e) {
      listener.onError(CallStatus.INVALID_ARGUMENT.withDescription(e.getMessage()).toRuntimeException());
    } catch (RuntimeException e) {
      listener.onError(e);
    }
  }
}
