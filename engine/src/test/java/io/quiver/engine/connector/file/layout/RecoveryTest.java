package io.quiver.engine.connector.file.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.connector.file.LocalFileTables;
import io.quiver.engine.connector.file.WriteMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a crash leaves at each step of a dataset's commit, built by hand for an owner whose process is
 * gone (its lock file is not locked), and what an engine starting on the directory makes of it.
 */
class RecoveryTest {

  private static final String DEAD = "00000000deadbeef";

  private Path data;
  private Path dataset;
  private String original;

  @BeforeEach
  void start() throws Exception {
    data = Files.createTempDirectory("quiver-recovery").toRealPath();
    dataset = data.resolve("ds");
    try (WriteOwner owner = new WriteOwner(List.of(data), Duration.ZERO)) {
      write(owner, "original");
    }
    original = DatasetLayout.currentVersion(dataset).orElseThrow().getFileName().toString();
  }

  @AfterEach
  void stop() {
    LocalFileTables.deleteQuietly(data);
  }

  /** A real commit of one file holding {@code text}. */
  private void write(WriteOwner owner, String text) throws Exception {
    WriteTarget target = WriteTarget.check(dataset, "ds", "csv", WriteMode.REPLACE, false);
    try (LocationWrite write = owner.begin(data, target)) {
      Path file = Files.writeString(write.staging().resolve("part.csv"), "x\n" + text + "\n");
      write.commit(new LocationWrite.Contents(List.of(file), "csv", "\"x\" VARCHAR", null),
          () -> WriteTarget.check(dataset, "ds", "csv", WriteMode.REPLACE, false));
    }
  }

  /** The journal entry and the (unlocked) lock file of a dead owner's write. */
  private void deadWrite(Map<String, Path> entry) throws Exception {
    StateDirectory state = new StateDirectory(data);
    Files.createDirectories(data.resolve(".quiver/owners"));
    Files.writeString(data.resolve(".quiver/owners/" + DEAD + ".lock"), "pid 1\n");
    state.writeEntry(DEAD, "1", entry);
  }

  private void recover() {
    new WriteOwner(List.of(data), Duration.ZERO).close();
  }

  private String readCurrent() throws Exception {
    Path version = DatasetLayout.currentVersion(dataset).orElseThrow();
    try (Stream<Path> files = Files.list(version)) {
      Path file = files.filter(path -> path.toString().endsWith(".csv")).findFirst().orElseThrow();
      return Files.readAllLines(file).get(1);
    }
  }

  private void assertClean() throws Exception {
    try (Stream<Path> all = Files.walk(data)) {
      assertTrue(all.noneMatch(path -> path.getFileName().toString().startsWith(DatasetLayout.STAGING_PREFIX)));
    }
    String current = DatasetLayout.currentVersion(dataset).orElseThrow().getFileName().toString();
    try (Stream<Path> children = Files.list(dataset)) {
      assertEquals(List.of(DatasetLayout.POINTER, current),
          children.map(path -> path.getFileName().toString()).sorted().toList());
    }
    for (String state : List.of("writes", "owners", "retired")) {
      try (Stream<Path> children = Files.list(data.resolve(".quiver").resolve(state))) {
        assertEquals(List.of(), children.toList(), state);
      }
    }
  }

  @Test
  void aCrashWhileStagingLeavesTheOldDataAndNoStagingDirectory() throws Exception {
    Path staging = Files.createDirectories(data.resolve(DatasetLayout.STAGING_PREFIX + DEAD + "-1/w0"));
    Files.writeString(staging.resolve("part-0.csv"), "x\npartial");
    Map<String, Path> entry = new LinkedHashMap<>();
    entry.put("staging", staging.getParent());
    entry.put("dataset", dataset);
    deadWrite(entry);
    recover();
    assertEquals("original", readCurrent());
    assertClean();
  }

  @Test
  void aCrashBeforeThePointerSwapDeletesTheUnreferencedVersion() throws Exception {
    Path version = Files.createDirectories(dataset.resolve(DatasetLayout.newVersionName()));
    Files.writeString(version.resolve("part.csv"), "x\nnew\n");
    Map<String, Path> entry = new LinkedHashMap<>();
    entry.put("staging", data.resolve(DatasetLayout.STAGING_PREFIX + DEAD + "-1"));
    entry.put("dataset", dataset);
    entry.put("version", version);
    entry.put("previous", dataset.resolve(original));
    deadWrite(entry);
    recover();
    assertEquals("original", readCurrent());
    assertFalse(Files.exists(version));
    assertClean();
  }

  @Test
  void aCrashAfterThePointerSwapKeepsTheNewVersionAndRetiresTheOld() throws Exception {
    String name = DatasetLayout.newVersionName();
    Path version = Files.createDirectories(dataset.resolve(name));
    Files.writeString(version.resolve("part.csv"), "x\nnew\n");
    Files.writeString(dataset.resolve(DatasetLayout.POINTER), DatasetLayout.pointerText(name));
    Map<String, Path> entry = new LinkedHashMap<>();
    entry.put("staging", data.resolve(DatasetLayout.STAGING_PREFIX + DEAD + "-1"));
    entry.put("dataset", dataset);
    entry.put("version", version);
    entry.put("previous", dataset.resolve(original));
    deadWrite(entry);
    recover();
    assertEquals("new", readCurrent());
    assertFalse(Files.exists(dataset.resolve(original)), "retired, and with no retention deleted");
    assertClean();
  }

  @Test
  void aDirectoryTheDeadWriteCreatedIsRemovedWhenEmpty() throws Exception {
    Path created = Files.createDirectories(data.resolve("fresh"));
    Map<String, Path> entry = new LinkedHashMap<>();
    entry.put("staging", data.resolve(DatasetLayout.STAGING_PREFIX + DEAD + "-1"));
    entry.put("dataset", created);
    entry.put("created", created);
    deadWrite(entry);
    recover();
    assertFalse(Files.exists(created));
    assertClean();
  }

  @Test
  void journalPathsOutsideTheDataDirectoryAreNeverFollowed() throws Exception {
    Path outside = Files.createTempDirectory("quiver-recovery-outside");
    Path victim = Files.createDirectories(outside.resolve(DatasetLayout.STAGING_PREFIX + "victim"));
    try {
      StateDirectory state = new StateDirectory(data);
      Files.createDirectories(data.resolve(".quiver/owners"));
      Files.createDirectories(data.resolve(".quiver/writes"));
      Files.writeString(data.resolve(".quiver/writes/" + DEAD + ".1"),
          "staging ../" + outside.getFileName() + "/" + victim.getFileName() + "\n");
      Files.writeString(data.resolve(".quiver/owners/" + DEAD + ".lock"), "pid 1\n");
      state.recover(java.util.Set.of(), Duration.ZERO);
      assertTrue(Files.isDirectory(victim));
    } finally {
      LocalFileTables.deleteQuietly(outside);
    }
  }

  @Test
  void superseededVersionsStayForTheRetentionAfterTheLastTouch() throws Exception {
    Path first = DatasetLayout.currentVersion(dataset).orElseThrow();
    try (WriteOwner owner = new WriteOwner(List.of(data), Duration.ofHours(1))) {
      write(owner, "second");
      assertTrue(Files.isDirectory(first), "kept for an hour");
    }
    assertTrue(Files.isDirectory(first), "still recorded after the engine closed");
    recover();
    assertFalse(Files.isDirectory(first), "gone once an engine without retention starts");
    assertEquals("second", readCurrent());
    assertClean();
  }
}
