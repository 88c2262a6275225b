package io.quiver.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.cluster.executor.ExecutorProcess;
import io.quiver.engine.cluster.protocol.ClusterCalls;
import io.quiver.engine.cluster.protocol.ClusterMessages;
import io.quiver.engine.cluster.protocol.ClusterTls;
import io.quiver.engine.cluster.protocol.FlightEndpoints;
import io.quiver.engine.cluster.protocol.MessageCodec;
import io.quiver.engine.cluster.protocol.SharedSecret;
import io.quiver.exec.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the cluster secret nothing gets in: no registration, no task, no shuffle read. TLS works. */
class ClusterSecurityTest {

  private static final ClusterMessages.ShuffleTicket TICKET = new ClusterMessages.ShuffleTicket("query_1", 0, 0, 0);

  @TempDir
  Path workDir;

  @Test
  void anExecutorWithTheWrongSecretIsRefusedRegistration() {
    try (InProcessCluster cluster = new InProcessCluster(0, 1, workDir)) {
      QuiverException refused = assertThrows(QuiverException.class,
          () -> ExecutorProcess.start(cluster.settings(1, "not-the-cluster-secret-at-all")));
      assertTrue(refused.getMessage().contains("could not register"), refused.getMessage());
      assertEquals(FlightStatusCode.UNAUTHENTICATED, ((FlightRuntimeException) refused.getCause()).status().code());
      assertEquals(List.of(), cluster.backend.executorIds());
    }
  }

  @Test
  void callsWithoutTheSecretAreRefusedByDriverAndExecutor() throws Exception {
    try (InProcessCluster cluster = new InProcessCluster(1, 1, workDir);
         BufferAllocator allocator = new RootAllocator()) {
      int executorPort = cluster.executors.get(0).port();
      FlightEndpoints stranger = new FlightEndpoints(new SharedSecret("a-guess-that-is-long-enough"), null);
      try (FlightClient driver = stranger.connect(allocator, "127.0.0.1", cluster.backend.port());
           FlightClient executor = stranger.connect(allocator, "127.0.0.1", executorPort);
           FlightClient bare = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", executorPort))
               .build()) {
        assertUnauthenticated(() -> ClusterCalls.call(driver, ClusterMessages.REGISTER,
            new ClusterMessages.Register("127.0.0.1", 1, 1, 1), ClusterMessages.Registered.class, 5_000));
        assertUnauthenticated(() -> ClusterCalls.call(executor, ClusterMessages.LAUNCH,
            new ClusterMessages.Launch("query_1", 0, 0, 0, Map.of()), null, 5_000));
        assertUnauthenticated(() -> ClusterCalls.call(executor, ClusterMessages.REMOVE_JOB,
            new ClusterMessages.Job("query_1"), null, 5_000));
        assertUnauthenticated(() -> drain(executor.getStream(new Ticket(MessageCodec.encode(TICKET)))));
        assertUnauthenticated(() -> drain(bare.getStream(new Ticket(MessageCodec.encode(TICKET)))));
      }
      assertEquals(1, cluster.backend.executorIds().size());
    }
  }

  @Test
  void withTheSecretWrongRequestsAreStillRefused() throws Exception {
    try (InProcessCluster cluster = new InProcessCluster(1, 1, workDir);
         BufferAllocator allocator = new RootAllocator()) {
      FlightEndpoints member = new FlightEndpoints(new SharedSecret(InProcessCluster.SECRET), null);
      try (FlightClient executor = member.connect(allocator, "127.0.0.1", cluster.executors.get(0).port());
           FlightClient driver = member.connect(allocator, "127.0.0.1", cluster.backend.port())) {
        FlightRuntimeException missing = assertThrows(FlightRuntimeException.class,
            () -> drain(executor.getStream(new Ticket(MessageCodec.encode(TICKET)))));
        assertEquals(FlightStatusCode.NOT_FOUND, missing.status().code());
        FlightRuntimeException garbage = assertThrows(FlightRuntimeException.class, () -> executor.doAction(
            new Action(ClusterMessages.LAUNCH, "{not json".getBytes(StandardCharsets.UTF_8))).hasNext());
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, garbage.status().code());
        FlightRuntimeException unknownStage = assertThrows(FlightRuntimeException.class, () -> ClusterCalls.call(
            executor, ClusterMessages.LAUNCH, new ClusterMessages.Launch("query_9", 3, 0, 0, Map.of()), null, 5_000));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, unknownStage.status().code());
        FlightRuntimeException badRegistration = assertThrows(FlightRuntimeException.class, () -> ClusterCalls.call(
            driver, ClusterMessages.REGISTER, new ClusterMessages.Register("", 0, 0, 0), null, 5_000));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, badRegistration.status().code());
        FlightRuntimeException unknown = assertThrows(FlightRuntimeException.class,
            () -> ClusterCalls.call(driver, "shutdown-everything", new ClusterMessages.Job("x"), null, 5_000));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, unknown.status().code());
        ClusterMessages.HeartbeatReply stranger = ClusterCalls.call(driver, ClusterMessages.HEARTBEAT,
            new ClusterMessages.Heartbeat("executor-999", 0), ClusterMessages.HeartbeatReply.class, 5_000);
        assertEquals(false, stranger.known());
      }
    }
  }

  @Test
  void secretsTooShortToBeSecretAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new SharedSecret("short"));
    assertThrows(IllegalArgumentException.class, () -> new SharedSecret(null));
    assertThrows(IllegalArgumentException.class, () -> ClusterOptions.secret(null, Map.of()));
    assertEquals(new SharedSecret("0123456789abcdef"),
        ClusterOptions.secret(null, Map.of(ClusterOptions.SECRET_VARIABLE, "0123456789abcdef\n")));
  }

  @Test
  void tlsConnectionsCarryCallsAndPlainClientsAreTurnedAway() throws Exception {
    Path certificate = workDir.resolve("cluster.pem");
    Path key = workDir.resolve("cluster.key");
    int status;
    try {
      status = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
          "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
          "-keyout", key.toString(), "-out", certificate.toString()).redirectErrorStream(true)
          .redirectOutput(workDir.resolve("openssl.log").toFile()).start().waitFor();
    } catch (java.io.IOException e) {
      status = -1;
    }
    Assumptions.assumeTrue(status == 0, "openssl is needed to make a test certificate");
    SharedSecret secret = new SharedSecret(InProcessCluster.SECRET);
    FlightEndpoints tls = new FlightEndpoints(secret, new ClusterTls(certificate, key, certificate));
    try (BufferAllocator allocator = new RootAllocator();
         FlightServer server = tls.startServer(allocator, "127.0.0.1", 0, new NoOpFlightProducer() {
           @Override
           public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
             listener.onNext(new Result(action.getBody()));
             listener.onCompleted();
           }
         })) {
      try (FlightClient client = tls.connect(allocator, "127.0.0.1", server.getPort())) {
        ClusterMessages.Job echoed = ClusterCalls.call(client, ClusterMessages.PING, new ClusterMessages.Job("echo"),
            ClusterMessages.Job.class, 10_000);
        assertEquals("echo", echoed.jobId());
      }
      try (FlightClient plain = new FlightEndpoints(secret, null).connect(allocator, "127.0.0.1", server.getPort())) {
        assertThrows(FlightRuntimeException.class, () -> ClusterCalls.call(plain, ClusterMessages.PING,
            new ClusterMessages.Job("echo"), ClusterMessages.Job.class, 10_000));
      }
    }
  }

  private static void assertUnauthenticated(Runnable call) {
    FlightRuntimeException refused = assertThrows(FlightRuntimeException.class, call::run);
    assertEquals(FlightStatusCode.UNAUTHENTICATED, refused.status().code(), refused.toString());
  }

  private static void drain(FlightStream stream) {
    try (stream) {
      while (stream.next()) {
        stream.getRoot();
      }
    } catch (FlightRuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
