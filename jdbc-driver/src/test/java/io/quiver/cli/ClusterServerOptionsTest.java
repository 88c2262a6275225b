package io.quiver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.cluster.ClusterConfig;
import io.quiver.engine.cluster.ClusterOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's --cluster options: taken out of the other options, checked, wrong ones refused. */
class ClusterServerOptionsTest {

  private static final Map<String, String> SECRET = Map.of(ClusterOptions.SECRET_VARIABLE, "0123456789abcdef");

  @Test
  void withoutClusterTheServerStaysLocal() throws Exception {
    ClusterServerOptions options = ClusterServerOptions.extract(new String[] {"--users", "u", "--port", "1"}, Map.of());
    assertNull(options.cluster());
    assertEquals(List.of("--users", "u", "--port", "1"), options.remaining());
  }

  @Test
  void standaloneTakesItsOptions() throws Exception {
    ClusterServerOptions options = ClusterServerOptions.extract(new String[] {"--users", "u", "--cluster",
        "standalone", "--cluster-port", "9000", "--max-task-attempts", "2", "--executor-timeout", "10"}, SECRET);
    ClusterConfig cluster = options.cluster();
    assertEquals(9000, cluster.port());
    assertEquals(2, cluster.maxTaskAttempts());
    assertEquals(10_000, cluster.executorTimeoutMillis());
    assertEquals(List.of("--users", "u"), options.remaining());
  }

  @Test
  void theClusterPortListensOnLoopbackUnlessToldAndPlaintextElsewhereIsRefused() throws Exception {
    ClusterServerOptions options = ClusterServerOptions.extract(new String[] {"--cluster", "standalone"}, SECRET);
    assertEquals("127.0.0.1", options.cluster().bindHost());
    QuiverCli.UsageException refused = assertThrows(QuiverCli.UsageException.class, () -> ClusterServerOptions.extract(
        new String[] {"--cluster", "standalone", "--cluster-bind", "0.0.0.0"}, SECRET));
    assertTrue(refused.getMessage().contains("--allow-plaintext"), refused.getMessage());
    ClusterServerOptions open = ClusterServerOptions.extract(new String[] {"--users", "u", "--cluster", "standalone",
        "--cluster-bind", "0.0.0.0", "--allow-plaintext"}, SECRET);
    assertTrue(open.cluster().allowPlaintext());
    assertEquals(List.of("--users", "u", "--allow-plaintext"), open.remaining(), "the server's HTTP port too");
  }

  @Test
  void wrongClusterOptionsAreUsageErrors() {
    assertThrows(QuiverCli.UsageException.class, () -> ClusterServerOptions.extract(
        new String[] {"--cluster", "yarn"}, SECRET));
    assertThrows(QuiverCli.UsageException.class, () -> ClusterServerOptions.extract(
        new String[] {"--cluster", "standalone"}, Map.of()));
    assertThrows(QuiverCli.UsageException.class, () -> ClusterServerOptions.extract(
        new String[] {"--cluster", "standalone", "--cluster-port", "70000"}, SECRET));
    assertThrows(QuiverCli.UsageException.class, () -> ClusterServerOptions.extract(
        new String[] {"--cluster", "standalone", "--max-task-attempts", "0"}, SECRET));
    assertThrows(QuiverCli.UsageException.class, () -> ClusterServerOptions.extract(
        new String[] {"--cluster", "standalone", "--cluster-tls-cert", "c.pem"}, SECRET));
    assertThrows(QuiverCli.UsageException.class, () -> ClusterServerOptions.extract(new String[] {"--cluster"},
        SECRET));
  }
}
