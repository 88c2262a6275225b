package io.quiver.engine.cluster.protocol;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightProducer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;

/** Starts the cluster's Flight servers and opens clients to them, all with the secret and TLS if set. */
public final class FlightEndpoints {

  /** gRPC's default is 4 MiB; shuffle batches can be larger. */
  private static final int MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

  private final SharedSecret secret;
  private final ClusterTls tls;

  /** @param tls null for plain connections */
  public FlightEndpoints(SharedSecret secret, ClusterTls tls) {
    this.secret = secret;
    this.tls = tls;
  }

  public boolean usesTls() {
    return tls != null;
  }

  /** Starts a server on {@code bindHost:port} (port 0: any free port). */
  public FlightServer startServer(BufferAllocator allocator, String bindHost, int port, FlightProducer producer) {
    Location location = tls == null ? Location.forGrpcInsecure(bindHost, port) : Location.forGrpcTls(bindHost, port);
    try {
      FlightServer.Builder builder = FlightServer.builder(allocator, location, producer)
          .headerAuthenticator(secret.serverAuthenticator())
          .maxInboundMessageSize(MAX_MESSAGE_BYTES);
      if (tls != null) {
        builder.useTls(tls.certificateChain().toFile(), tls.privateKey().toFile());
      }
      return builder.build().start();
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR,
          "could not start the cluster's Flight server on " + bindHost + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** A client to {@code host:port}; calls carry the secret. */
  public FlightClient connect(BufferAllocator allocator, String host, int port) {
    Location location = tls == null ? Location.forGrpcInsecure(host, port) : Location.forGrpcTls(host, port);
    FlightClient.Builder builder = FlightClient.builder(allocator, location)
        .intercept(secret.clientMiddleware())
        .maxInboundMessageSize(MAX_MESSAGE_BYTES);
    if (tls != null) {
      builder.useTls();
      try (InputStream trusted = Files.newInputStream(tls.trustedCertificates())) {
        builder.trustedCertificates(trusted);
        return builder.build();
      } catch (IOException e) {
        throw new QuiverException(ErrorCode.IO_ERROR,
            "could not read the trusted certificates " + tls.trustedCertificates() + ": " + e.getMessage(), e);
      }
    }
    return builder.build();
  }
}
