package io.quiver.engine.cluster.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClientMiddleware;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * The secret that driver and executors share. Every Flight call carries it in a header; every
 * Flight server of the cluster refuses a call without it (UNAUTHENTICATED), so an unknown process
 * can neither register, nor submit tasks, nor read shuffle data. Turn TLS on when the network is not
 * trusted: the header is sent as is.
 */
public final class SharedSecret {

  /** The header that carries the secret. */
  public static final String HEADER = "x-quiver-cluster-secret";

  private final byte[] secret;

  /** @throws IllegalArgumentException if the secret is shorter than 16 characters */
  public SharedSecret(String secret) {
    if (secret == null || secret.strip().length() < 16) {
      throw new IllegalArgumentException("the cluster secret must have at least 16 characters");
    }
    this.secret = secret.strip().getBytes(StandardCharsets.UTF_8);
  }

  /** Checks the secret on every incoming call. */
  public CallHeaderAuthenticator serverAuthenticator() {
    return headers -> {
      String offered = headers.get(HEADER);
      if (offered == null
          || !MessageDigest.isEqual(secret, offered.getBytes(StandardCharsets.UTF_8))) {
        throw CallStatus.UNAUTHENTICATED.withDescription("wrong or missing cluster secret").toRuntimeException();
      }
      return () -> "cluster-member";
    };
  }

  /** Adds the secret to every outgoing call. */
  public FlightClientMiddleware.Factory clientMiddleware() {
    String value = new String(secret, StandardCharsets.UTF_8);
    return (CallInfo info) -> new FlightClientMiddleware() {
      @Override
      public void onBeforeSendingHeaders(CallHeaders outgoingHeaders) {
        outgoingHeaders.insert(HEADER, value);
      }

      @Override
      public void onHeadersReceived(CallHeaders incomingHeaders) {
      }

      @Override
      public void onCallCompleted(CallStatus status) {
      }
    };
  }

  @Override
  public String toString() {
    return "SharedSecret[" + "*".repeat(Math.min(8, secret.length)) + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SharedSecret that && Arrays.equals(secret, that.secret);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(secret);
  }
}
