package io.quiver.engine.connector.file;

import static io.quiver.engine.connector.file.FileTablesEndToEndTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.cluster.ExecutorLauncher;
import io.quiver.engine.connector.file.layout.DatasetLayout;
import io.quiver.engine.connector.file.layout.WriteOwner;
import io.quiver.engine.driver.LocalQuiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kills a writing JVM ({@link CopyLoop}) with SIGKILL at random points, again and again, and after
 * each kill starts an engine on the same data directory: the old or the new data is there, whole,
 * and the recovery leaves no staging directory, no unreferenced version, no journal entry.
 */
class WriterCrashTest {

  private static final int KILLS = 21;
  private static final long ORDERS_ROWS = 15_000;

  private Path data;

  @BeforeEach
  void start() throws IOException {
    data = Files.createTempDirectory("quiver-writer-crash");
  }

  @AfterEach
  void stop() {
    LocalFileTables.deleteQuietly(data);
  }

  @Test
  void aKilledWriterLeavesTheOldOrTheNewDataWholeAndRecoveryRemovesEveryOrphan() throws Exception {
    Random random = new Random(20261121);
    int inFlight = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process writer = startWriter();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = drain(writer, lines);
      long committed = awaitCommit(lines, 0);
      assertTrue(committed > 0, "kill " + kill + ": the writer committed nothing; see its output");
      if (kill == 0) {
        // an engine starting beside a live writer leaves its writes alone
        engine().close();
        assertTrue(writer.isAlive());
        long later = awaitCommit(lines, committed);
        assertTrue(later > committed, "the writer goes on committing beside the other engine");
        committed = later;
      }
      Thread.sleep(random.nextInt(700));
      writer.destroyForcibly();
      assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
      reader.join(10_000);
      for (String line : lines) {
        committed = Math.max(committed, generation(line));
      }
      inFlight += inFlightWrites();
      checkAfterRecovery(kill, committed);
    }
    // how many kills caught a write between its start and its end (for the report; random)
    System.out.println("kills that interrupted a write: " + inFlight + " of " + KILLS);
  }

  /** Journal entries of writes that had not ended when the writer died. */
  private int inFlightWrites() throws IOException {
    return names(data.resolve(".quiver").resolve("writes")).size();
  }

  /** Waits for the next "committed N" line after {@code after}; returns N, or 0 if none came in time. */
  private static long awaitCommit(BlockingQueue<String> lines, long after) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && generation(line) > after) {
        return generation(line);
      }
    }
    return 0;
  }

  private static long generation(String line) {
    return line.startsWith("committed ") ? Long.parseLong(line.substring("committed ".length())) : 0;
  }

  private void checkAfterRecovery(int kill, long committed) throws Exception {
    String where = "after kill " + kill + " (last committed generation " + committed + ")";
    try (LocalQuiver quiver = engine(); Session session = quiver.openSession()) {
      List<String> ds = rows(session, "SELECT count(*), min(g), max(g) FROM read_arrow('ds')").get(0);
      assertEquals(Long.toString(ORDERS_ROWS), ds.get(0), where);
      assertEquals(ds.get(1), ds.get(2), where + ": one generation in ds");
      long generation = Long.parseLong(ds.get(1));
      assertTrue(generation == committed || generation == committed + 1, where + ": ds holds " + generation);
      List<String> one = rows(session, "SELECT count(*), min(g), max(g) FROM read_csv('one.csv')").get(0);
      assertEquals(List.of("25", one.get(2), one.get(2)), one, where);
      long single = Long.parseLong(one.get(1));
      assertTrue(single == committed || single == committed + 1, where + ": one.csv holds " + single);
      List<String> ins = rows(session, "SELECT count(*), count(DISTINCT g), min(g), max(g) FROM read_arrow('ins')")
          .get(0);
      long appended = Long.parseLong(ins.get(0));
      assertEquals(List.of(ins.get(0), ins.get(0), "1", ins.get(0)), ins, where + ": ins holds 1..n once each");
      assertTrue(appended == committed || appended == committed + 1, where + ": ins holds " + appended);
    }
    assertNoOrphans(where);
  }

  private void assertNoOrphans(String where) throws Exception {
    List<String> stray = new ArrayList<>();
    try (Stream<Path> all = Files.walk(data)) {
      all.filter(path -> path.getFileName().toString().startsWith(DatasetLayout.STAGING_PREFIX))
          .forEach(path -> stray.add(data.relativize(path).toString()));
    }
    assertEquals(List.of(), stray, where + ": staging left");
    for (String dataset : List.of("ds", "ins")) {
      Path directory = data.resolve(dataset);
      String current = DatasetLayout.currentVersion(directory).orElseThrow().getFileName().toString();
      assertEquals(List.of(DatasetLayout.POINTER, current), names(directory), where + ": " + dataset);
    }
    assertEquals(List.of("ds", "ins", "one.csv"), FileWriteSafetyTest.names(data), where);
    for (String state : List.of("writes", "retired", "owners")) {
      assertEquals(List.of(), names(data.resolve(".quiver").resolve(state)), where + ": .quiver/" + state);
    }
  }

  private static List<String> names(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(directory)) {
      return children.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  /** An engine on the data directory that deletes superseded versions at once. */
  private LocalQuiver engine() {
    System.setProperty(WriteOwner.RETENTION_PROPERTY, "0");
    try {
      return new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3)
          .withDataDirectories(List.of(data)));
    } finally {
      System.clearProperty(WriteOwner.RETENTION_PROPERTY);
    }
  }

  private Process startWriter() throws IOException {
    List<String> command = ExecutorLauncher.javaCommand("512m");
    command.add(CopyLoop.class.getName());
    command.add(data.toString());
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Collects the writer's output lines (echoing what is not a commit, for diagnosis). */
  private static Thread drain(Process process, BlockingQueue<String> lines) {
    Thread thread = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.startsWith("committed ")) {
            System.out.println("writer: " + line);
          }
          lines.add(line);
        }
      } catch (IOException e) {
        // the process is gone
      }
    }, "writer-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
