package io.quiver.tpch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code quiver bench cluster} refuses wrong options before it starts anything. */
class ClusterBenchTest {

  @Test
  void wrongOptionsAreUsageErrors() {
    for (String[] args : new String[][] {
        {"cluster", "--bogus", "1"}, {"cluster", "--schema"}, {"cluster", "--schema", "sf0.1"},
        {"cluster", "--executors", "two"}}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = TpchBenchMain.run(args, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(TpchBenchMain.USAGE, status, String.join(" ", args));
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("quiver bench cluster"), err.toString());
    }
  }
}
