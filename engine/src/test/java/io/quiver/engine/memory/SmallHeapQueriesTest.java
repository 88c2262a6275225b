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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JVM with a small heap and direct memory runs an ORDER BY of all of lineitem, a GROUP BY
 * with a group per lineitem row and a lineitem-orders join, then answers the next query: the
 * operators spill instead of failing. The suite runs it over TPC-H tiny with an engine memory limit
 * far below the data, so that every operator spills as it would at SF1 under -Xmx1g (the SF1 run is
 * a benchmark: {@code SmallHeapQueries tpch.sf1 0 DIR} under -Xmx1g -XX:MaxDirectMemorySize=1g).
 *
 * <p>The lineitem-orders join at SF1 under -Xmx1g runs with {@code -Dquiver.test.sf1=true}: it
 * generates 7.5 million rows, minutes of CPU that a shared CI machine should not spend on every build.
 */
class SmallHeapQueriesTest {

  @Test
  void queriesLargerThanMemorySpillAndTheEngineAnswersTheNextQuery(@TempDir Path spill) throws Exception {
    String output = runQueries(spill, 10, "tpch.tiny", Long.toString(8L * 1024 * 1024), "1024");
    assertTrue(output.contains("ok order-by rows=60175 "), output);
    assertTrue(output.contains("ok group-by rows=60175 "), output);
    assertTrue(output.contains("ok join rows=5 "), output);
    assertTrue(output.contains("ok next rows=1 "), output);
    for (String query : List.of("order-by", "group-by")) {
      String line = output.lines().filter(l -> l.startsWith("ok " + query + " ")).findFirst().orElseThrow();
      assertTrue(!line.contains(" spilled=0 "), "the " + query + " did not spill:\n" + output);
    }
    assertEquals(List.of(spill.resolve("output.log")), filesIn(spill), "spill files are left");
  }

  /** The lineitem-orders join at SF1 in a JVM of 1 GiB heap and 1 GiB direct memory, then the next query. */
  @Test
  @EnabledIfSystemProperty(named = "quiver.test.sf1", matches = "true")
  void anSf1JoinSucceedsUnderOneGigabyte(@TempDir Path spill) throws Exception {
    String output = runQueries(spill, 60, "tpch.sf1", "0", "0", "join,next");
    assertTrue(output.contains("ok join rows=5 "), output);
    assertTrue(output.contains("ok next rows=1 "), output);
    assertEquals(List.of(spill.resolve("output.log")), filesIn(spill), "spill files are left");
  }

  /** Runs {@link SmallHeapQueries} with {@code arguments} (after the schema: see there) under -Xmx1g; returns its output. */
  private static String runQueries(Path spill, int timeoutMinutes, String schema, String memory, String batchSize,
      String... only) throws Exception {
    List<String> command = ExecutorLauncher.javaCommand("1g");
    command.add(1, "-XX:MaxDirectMemorySize=1g");
    command.add(SmallHeapQueries.class.getName());
    command.add(schema);
    command.add(memory);
    command.add(spill.toString());
    command.add(batchSize);
    command.addAll(List.of(only));
    Path log = spill.resolve("output.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    boolean ended = process.waitFor(timeoutMinutes, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended, "the query JVM did not end:\n" + output);
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
