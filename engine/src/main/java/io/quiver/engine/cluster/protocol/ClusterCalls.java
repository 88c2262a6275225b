package io.quiver.engine.cluster.protocol;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.Result;

/** One request and one reply over a Flight action. */
public final class ClusterCalls {

  private ClusterCalls() {
  }

  /**
   * Sends {@code message} as action {@code type} and decodes the single reply.
   *
   * @param replyType null when no reply is expected
   * @throws org.apache.arrow.flight.FlightRuntimeException when the call fails (unreachable, refused, ...)
   */
  public static <T> T call(FlightClient client, String type, Object message, Class<T> replyType, long timeoutMillis) {
    Iterator<Result> results = client.doAction(new Action(type, MessageCodec.encode(message)),
        CallOptions.timeout(timeoutMillis, TimeUnit.MILLISECONDS));
    T reply = null;
    while (results.hasNext()) {
      byte[] body = results.next().getBody();
      if (replyType != null && reply == null) {
        reply = MessageCodec.decode(body, replyType);
      }
    }
    return reply;
  }
}
