package io.quiver.engine.cluster.driver;

import io.quiver.engine.cluster.protocol.ClusterMessages;
import io.quiver.engine.cluster.protocol.MessageCodec;
import io.quiver.exec.error.QuiverException;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;

/**
 * The driver's cluster port: registration, heartbeats and task ends; {@code DoGet} serves the splits
 * of the driver's own tables. Calls without the secret never get here.
 */
final class DriverFlightProducer extends NoOpFlightProducer {

  private final ClusterTaskBackend backend;
  private final DriverTableService tables;

  DriverFlightProducer(ClusterTaskBackend backend, DriverTableService tables) {
    this.backend = backend;
    this.tables = tables;
  }

  @Override
  public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
    tables.serve(ticket, listener);
  }

  @Override
  public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
    try {
      Object reply = switch (action.getType()) {
        case ClusterMessages.REGISTER -> backend.register(MessageCodec.decode(action.getBody(),
            ClusterMessages.Register.class));
        case ClusterMessages.HEARTBEAT -> backend.heartbeat(MessageCodec.decode(action.getBody(),
            ClusterMessages.Heartbeat.class));
        case ClusterMessages.TASK_STATUS -> {
          backend.taskStatus(MessageCodec.decode(action.getBody(), ClusterMessages.TaskStatus.class));
          yield new ClusterMessages.HeartbeatReply(true);
        }
        default -> throw CallStatus.INVALID_ARGUMENT.withDescription("unknown action " + action.getType())
            .toRuntimeException();
      };
      listener.onNext(new Result(MessageCodec.encode(reply)));
      listener.onCompleted();
    } catch (QuiverException e) {
      listener.onError(ClusterTaskBackend.refused(e));
    } catch (RuntimeException e) {
      listener.onError(e);
    }
  }
}
