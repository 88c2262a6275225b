package io.quiver.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.engine.cluster.executor.ExecutorMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sizes, addresses and the executor's options, wrong ones included. */
class ClusterOptionsTest {

  private static final Map<String, String> WITH_SECRET = Map.of(ClusterOptions.SECRET_VARIABLE, "0123456789abcdef");

  @Test
  void sizesAndAddressesParse() {
    assertEquals(512L << 20, ClusterOptions.parseSize("512m"));
    assertEquals(4L << 30, ClusterOptions.parseSize("4G"));
    assertEquals(1000, ClusterOptions.parseSize("1000"));
    for (String wrong : new String[] {"", "m", "-1g", "0", "lots", "99999999999999t"}) {
      assertThrows(IllegalArgumentException.class, () -> ClusterOptions.parseSize(wrong), wrong);
    }
    assertEquals("quiver-driver", ClusterOptions.hostAndPort("quiver-driver:7077")[0]);
    for (String wrong : new String[] {"host", ":7077", "host:", "host:0", "host:70000", "host:port"}) {
      assertThrows(IllegalArgumentException.class, () -> ClusterOptions.hostAndPort(wrong), wrong);
    }
    assertThrows(IllegalArgumentException.class, () -> ClusterOptions.tls("cert.pem", null, null));
    assertEquals(null, ClusterOptions.tls(null, null, null));
  }

  @Test
  void anExecutorWithWrongOptionsDoesNotStart() {
    for (String[] args : new String[][] {
        {}, {"--slots", "2"}, {"--driver", "nowhere"}, {"--driver", "h:1", "--slots", "0"},
        {"--driver", "h:1", "--memory", "much"}, {"--driver", "h:1", "--frobnicate", "1"}, {"--driver"}}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertEquals(2, ExecutorMain.run(args, WITH_SECRET, new PrintStream(err, true, StandardCharsets.UTF_8)),
          String.join(" ", args));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, ExecutorMain.run(new String[] {"--driver", "h:1"}, Map.of(),
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertEquals(true, err.toString(StandardCharsets.UTF_8).contains(ClusterOptions.SECRET_VARIABLE));
  }

  @Test
  void clusterConfigRefusesATimeoutShorterThanTheHeartbeat() {
    assertThrows(IllegalArgumentException.class, () -> ClusterConfig.defaults("127.0.0.1", 0,
        new io.quiver.engine.cluster.protocol.SharedSecret("0123456789abcdef")).withExecutorTimeoutMillis(100));
  }
}
