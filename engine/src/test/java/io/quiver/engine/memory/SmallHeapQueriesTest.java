package io.quiver.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.cluster.ExecutorLauncher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JVM with a small heap and direct memory runs an ORDER BY of all of lineitem, a GROUP BY
 * with a group per lineitem row and a lineitem-orders join, then answers the next query: the
 * operators spill instead of failing. The suite runs it over TPC-H tiny with an engine memory limit
 * far below the data, so that every operator spills as it would at SF1 under -Xmx1g (the SF1 run is
 * a benchmark: {@code SmallHeapQueries tpch.sf1 0 DIR} under -Xmx1g -XX:MaxDirectMemorySize=1g).
 */
class SmallHeapQueriesTest {

  @Test
  void queriesLargerThanMemorySpillAndTheEngineAnswersTheNextQuery(@TempDir Path spill) throws Exception {
    List<String> command = ExecutorLauncher.javaCommand("1g");
    command.add(1, "-XX:MaxDirectMemorySize=1g");
    command.add(SmallHeapQueries.class.getName());
    command.add("tpch.tiny");
    command.add(Long.toString(8L * 1024 * 1024));
    command.add(spill.toString());
    command.add("1024");
    Path log = spill.resolve("output.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    boolean ended = process.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended, "the query JVM did not end:\n" + output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("ok order-by rows=60175 "), output);
    assertTrue(output.contains("ok group-by rows=60175 "), output);
    assertTrue(output.contains("ok join rows=5 "), output);
    assertTrue(output.contains("ok next rows=1 "), output);
    for (String query : List.of("order-by", "group-by")) {
      String line = output.lines().filter(l -> l.startsWith("ok " + query + " ")).findFirst().orElseThrow();
      assertTrue(!line.contains(" spilled=0 "), "the " + query + " did not spill:\n" + output);
    }
    assertEquals(List.of(log), filesIn(spill), "spill files are left");
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
