package io.quiver.engine.cluster.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.cluster.ClusterConfig;
import io.quiver.engine.cluster.ClusterOptions;
import io.quiver.engine.cluster.driver.ClusterTaskBackend;
import io.quiver.engine.cluster.driver.StandaloneCluster;
import io.quiver.engine.cluster.protocol.SharedSecret;
import io.quiver.engine.driver.LocalQuiver;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The cluster port and executors listen on loopback unless told otherwise, and a non-loopback
 * address without TLS is refused unless plaintext is allowed.
 */
class ClusterBindTest {

  private static final Map<String, String> SECRET = Map.of(ClusterOptions.SECRET_VARIABLE, "0123456789abcdef");

  @Test
  void executorsListenOnLoopbackByDefault() {
    ExecutorSettings settings = ExecutorMain.parse(new String[] {"--driver", "driver:7077"}, SECRET);
    assertEquals("127.0.0.1", settings.bindHost());
    assertEquals("127.0.0.1", settings.advertisedHost());
    assertFalse(settings.allowPlaintext());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> ExecutorMain.parse(new String[] {"--driver", "driver:7077", "--bind", "0.0.0.0"}, SECRET));
    assertTrue(refused.getMessage().contains("--allow-plaintext"), refused.getMessage());
    ExecutorSettings open = ExecutorMain.parse(new String[] {"--driver", "driver:7077", "--bind", "0.0.0.0",
        "--allow-plaintext"}, SECRET);
    assertTrue(open.allowPlaintext());
    assertFalse(open.advertisedHost().equals("0.0.0.0"), "a wildcard is not an address to reach");
    assertEquals("192.0.2.7", ExecutorMain.parse(new String[] {"--driver", "driver:7077", "--bind", "0.0.0.0",
        "--allow-plaintext", "--host", "192.0.2.7"}, SECRET).advertisedHost());
    // the process refuses the same settings however it is started
    ExecutorSettings plain = new ExecutorSettings("127.0.0.1", 1, 1, 1 << 20, null, "0.0.0.0", 0, "127.0.0.1", 8192,
        1000, new SharedSecret("0123456789abcdef"), null, false, java.util.List.of());
    assertThrows(IllegalArgumentException.class, () -> ExecutorProcess.start(plain));
  }

  @Test
  void theClusterPortListensOnLoopbackByDefault() throws Exception {
    SharedSecret secret = new SharedSecret("0123456789abcdef");
    try (BufferAllocator allocator = new RootAllocator()) {
      assertThrows(IllegalArgumentException.class,
          () -> ClusterTaskBackend.start(ClusterConfig.defaults("0.0.0.0", 0, secret), allocator,
          new io.quiver.exec.connector.TableDataSources()));
      try (ClusterTaskBackend open = ClusterTaskBackend.start(ClusterConfig.defaults("0.0.0.0", 0, secret)
          .withAllowPlaintext(true), allocator, new io.quiver.exec.connector.TableDataSources())) {
        assertTrue(open.port() > 0);
      }
    }
    try (LocalQuiver driver = StandaloneCluster.start(QuiverConfig.defaults().withSlots(1).withShufflePartitions(1),
        ClusterConfig.defaults(ClusterOptions.DEFAULT_BIND, 0, secret))) {
      int port = StandaloneCluster.backend(driver).port();
      assertTrue(reachable(InetAddress.getLoopbackAddress(), port));
      Optional<InetAddress> external = nonLoopbackAddress();
      if (external.isPresent()) {
        assertFalse(reachable(external.get(), port), "reachable on " + external.get());
      }
    }
  }

  private static boolean reachable(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 5_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** An address of this machine other than loopback, if it has one. */
  static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
