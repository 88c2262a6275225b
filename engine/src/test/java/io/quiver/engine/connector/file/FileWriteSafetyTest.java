package io.quiver.engine.connector.file;

import static io.quiver.engine.connector.file.FileTablesEndToEndTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.connector.file.layout.DatasetLayout;
import io.quiver.engine.connector.file.layout.WriteOwner;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes never destroy what Quiver did not make: COPY and CREATE TABLE ... AS over foreign files and
 * directories are refused and leave them whole; over Quiver's own datasets they replace them one
 * version at a time, and readers of the old version keep reading it.
 */
class FileWriteSafetyTest {

  private Path root;
  private Path data;
  private LocalQuiver quiver;
  private Session session;

  @BeforeEach
  void start() throws Exception {
    root = Files.createTempDirectory("quiver-write-safety");
    data = Files.createDirectories(root.resolve("data"));
    quiver = engine(WriteOwner.DEFAULT_RETENTION);
    session = quiver.openSession();
  }

  private LocalQuiver engine(Duration retention) {
    System.setProperty(WriteOwner.RETENTION_PROPERTY, Long.toString(retention.toSeconds()));
    try {
      return new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3)
          .withDataDirectories(List.of(data)));
    } finally {
      System.clearProperty(WriteOwner.RETENTION_PROPERTY);
    }
  }

  @AfterEach
  void stop() {
    session.close();
    quiver.close();
    LocalFileTables.deleteQuietly(root);
  }

  private long update(String sql) {
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        // an update count
      }
      return result.updateCount();
    }
  }

  private QuiverException refused(String sql) {
    QuiverException error = assertThrows(QuiverException.class, () -> update(sql), sql);
    assertEquals(ErrorCode.LOCATION_EXISTS, error.errorCode(), sql + ": " + error.getMessage());
    assertEquals("42P07", error.errorCode().sqlState());
    return error;
  }

  @Test
  void copyOverAForeignFileIsRefusedAndTheFileSurvives() throws Exception {
    Path existing = Files.writeString(data.resolve("existing.txt"), "mine\n");
    QuiverException error = refused("COPY (SELECT 1 AS x) TO 'existing.txt' WITH (format = 'csv')");
    assertTrue(error.getMessage().contains("'existing.txt'"), error.getMessage());
    // overwrite never removes a file Quiver did not write
    refused("COPY (SELECT 1 AS x) TO 'existing.txt' WITH (format = 'csv', overwrite = true)");
    Path csv = Files.writeString(data.resolve("theirs.csv"), "a\n1\n");
    refused("COPY (SELECT 1 AS x) TO 'theirs.csv'");
    refused("COPY (SELECT 1 AS x) TO 'theirs.csv' WITH (overwrite = true)");
    refused("CREATE TABLE memory.default.t WITH (format = 'csv', location = 'theirs.csv') AS SELECT 1 AS x");
    assertEquals("mine\n", Files.readString(existing));
    assertEquals("a\n1\n", Files.readString(csv));
    assertEquals(List.of("existing.txt", "theirs.csv"), names(data));
  }

  @Test
  void copyOverAForeignDirectoryIsRefusedAndOverwriteKeepsItsFiles() throws Exception {
    Path mine = Files.createDirectories(data.resolve("somedir/sub"));
    Files.writeString(data.resolve("somedir/notes.txt"), "keep me\n");
    Files.writeString(mine.resolve("deep.csv"), "a\n1\n");
    QuiverException error = refused("COPY (SELECT 1 AS x) TO 'somedir' WITH (format = 'parquet')");
    assertTrue(error.getMessage().contains("'somedir'") && error.getMessage().contains("overwrite"),
        error.getMessage());
    refused("CREATE TABLE memory.default.t WITH (format = 'parquet', location = 'somedir') AS SELECT 1 AS x");
    assertEquals(List.of("notes.txt", "sub"), names(data.resolve("somedir")));

    assertEquals(1, update("COPY (SELECT 7 AS x) TO 'somedir' WITH (format = 'parquet', overwrite = true)"));
    assertEquals("keep me\n", Files.readString(data.resolve("somedir/notes.txt")));
    assertEquals("a\n1\n", Files.readString(mine.resolve("deep.csv")));
    assertEquals(List.of(List.of("7")), rows(session, "SELECT x FROM read_parquet('somedir')"));
    // now a dataset Quiver wrote: COPY replaces it without being told, and still keeps the others' files
    assertEquals(2, update("COPY (SELECT * FROM (VALUES (8), (9)) AS v(x)) TO 'somedir' WITH (format = 'parquet')"));
    assertEquals(List.of(List.of("8"), List.of("9")), rows(session, "SELECT x FROM read_parquet('somedir') ORDER BY x"));
    assertEquals("keep me\n", Files.readString(data.resolve("somedir/notes.txt")));
    assertTrue(Files.exists(mine.resolve("deep.csv")));
  }

  @Test
  void quiversOwnFilesAreReplacedAndChangedOnesAreNot() throws Exception {
    assertEquals(1, update("COPY (SELECT 1 AS x) TO 'out.csv'"));
    assertEquals(2, update("COPY (SELECT * FROM (VALUES (2), (3)) AS v(x)) TO 'out.csv'"));
    assertEquals(List.of(List.of("2"), List.of("3")), rows(session, "SELECT x FROM read_csv('out.csv') ORDER BY x"));
    refused("CREATE TABLE memory.default.t WITH (format = 'csv', location = 'out.csv') AS SELECT 1 AS x");
    assertEquals(1, update("CREATE TABLE memory.default.t WITH (format = 'csv', location = 'out.csv', "
        + "overwrite = true) AS SELECT 4 AS x"));
    assertEquals(List.of(List.of("4")), rows(session, "SELECT x FROM memory.default.t"));
    // someone edits the file: it is no longer the file Quiver wrote
    Files.writeString(data.resolve("out.csv"), "x\n5\n6\n");
    refused("COPY (SELECT 1 AS x) TO 'out.csv'");
    assertEquals("x\n5\n6\n", Files.readString(data.resolve("out.csv")));
    assertEquals(List.of("out.csv"), names(data));
  }

  @Test
  void createTableAsRefusesAnExistingDatasetUnlessTold() throws Exception {
    assertEquals(25, update("CREATE TABLE memory.default.n WITH (format = 'arrow', location = 'n') AS "
        + "SELECT n_nationkey FROM tpch.tiny.nation"));
    update("DROP TABLE memory.default.n");
    refused("CREATE TABLE memory.default.n WITH (format = 'arrow', location = 'n') AS SELECT 1 AS n_nationkey");
    assertEquals(List.of(List.of("25")), rows(session, "SELECT count(*) FROM read_arrow('n')"));
    assertEquals(5, update("CREATE TABLE memory.default.n WITH (format = 'arrow', location = 'n', overwrite = true) AS "
        + "SELECT r_regionkey AS n_nationkey FROM tpch.tiny.region"));
    assertEquals(List.of(List.of("5")), rows(session, "SELECT count(*) FROM memory.default.n"));
    QuiverException bad = assertThrows(QuiverException.class, () -> update(
        "COPY (SELECT 1 AS x) TO 'n' WITH (format = 'arrow', overwrite = 'yes')"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, bad.errorCode());
  }

  @Test
  void anEmptyDirectoryIsWrittenAndAFileWhereADirectoryWouldGoIsNot() throws Exception {
    Files.createDirectories(data.resolve("empty"));
    assertEquals(1, update("COPY (SELECT 1 AS x) TO 'empty' WITH (format = 'csv')"));
    assertTrue(DatasetLayout.isDataset(data.resolve("empty")));
    Files.writeString(data.resolve("plain"), "text\n");
    QuiverException error = refused("COPY (SELECT 1 AS x) TO 'plain' WITH (format = 'csv', overwrite = true)");
    assertTrue(error.getMessage().contains("is a file"), error.getMessage());
    assertEquals("text\n", Files.readString(data.resolve("plain")));
  }

  @Test
  void aReplaceIsOneVersionSwapAndReadersOfTheOldVersionFinish() throws Exception {
    update("COPY (SELECT o_orderkey FROM tpch.tiny.orders) TO 'orders' WITH (format = 'csv')");
    Path first = DatasetLayout.currentVersion(data.resolve("orders")).orElseThrow();
    try (QueryResult reading = session.execute("SELECT o_orderkey FROM read_csv('orders')")) {
      assertTrue(reading.loadNextBatch());
      long rows = reading.root().getRowCount();
      try (Session writer = quiver.openSession()) {
        try (QueryResult copy = writer.execute("COPY (SELECT 1 AS o_orderkey) TO 'orders' WITH (format = 'csv')")) {
          copy.loadNextBatch();
        }
      }
      Path second = DatasetLayout.currentVersion(data.resolve("orders")).orElseThrow();
      assertFalse(first.equals(second));
      assertTrue(Files.isDirectory(first), "the superseded version stays while it may be read");
      while (reading.loadNextBatch()) {
        rows += reading.root().getRowCount();
      }
      assertEquals(15_000, rows, "the reader planned before the replace reads the old version whole");
    }
    assertEquals(List.of(List.of("1")), rows(session, "SELECT count(*) FROM read_csv('orders')"));
    // a glob over the parent reads current versions only
    assertEquals(List.of(List.of("1")), rows(session, "SELECT count(*) FROM read_csv('*/*/*.csv')"));
    assertEquals(List.of(List.of("1")), rows(session, "SELECT count(*) FROM read_csv('orders/*.csv')"));
  }

  @Test
  void insertMakesANewVersionWithTheOldRowsAndSupersededVersionsGoAfterTheRetention() throws Exception {
    session.close();
    quiver.close();
    quiver = engine(Duration.ZERO);
    session = quiver.openSession();
    update("CREATE TABLE memory.default.t WITH (format = 'parquet', location = 't') AS "
        + "SELECT n_nationkey AS k FROM tpch.tiny.nation");
    assertEquals(2, update("INSERT INTO memory.default.t VALUES (100), (101)"));
    assertEquals(List.of(List.of("27", "101")), rows(session, "SELECT count(*), max(k) FROM memory.default.t"));
    update("COPY (SELECT 1 AS k) TO 't' WITH (format = 'parquet')");
    assertEquals(List.of(List.of("1")), rows(session, "SELECT count(*) FROM memory.default.t"));
    // with no retention, superseded versions are gone as soon as the pointer moved
    Path dataset = data.resolve("t");
    String current = DatasetLayout.currentVersion(dataset).orElseThrow().getFileName().toString();
    assertEquals(List.of(DatasetLayout.POINTER, current), names(dataset));
    try (Stream<Path> all = Files.walk(data)) {
      assertTrue(all.noneMatch(path -> path.getFileName().toString().startsWith(DatasetLayout.STAGING_PREFIX)));
    }
  }

  @Test
  void insertIntoAForeignDirectoryAddsBesideItsFiles() throws Exception {
    Path logs = Files.createDirectories(data.resolve("logs"));
    Files.writeString(logs.resolve("a.csv"), "x\n1\n");
    update("CREATE TABLE memory.default.logs (x INTEGER) WITH (format = 'csv', location = 'logs', header = true)");
    assertEquals(1, update("INSERT INTO memory.default.logs VALUES (2)"));
    assertEquals(List.of(List.of("2", "3")), rows(session, "SELECT count(*), sum(x) FROM memory.default.logs"));
    assertEquals("x\n1\n", Files.readString(logs.resolve("a.csv")));
    assertFalse(DatasetLayout.isDataset(logs));
  }

  static List<String> names(Path directory) throws Exception {
    try (Stream<Path> children = Files.list(directory)) {
      return children.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("."))
          .sorted().toList();
    }
  }
}
