package io.quiver.engine.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Files written from queries and read back through SQL: table functions, formats, errors, confinement. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileTablesEndToEndTest {

  private Path root;
  private Path data;
  private LocalQuiver quiver;

  @BeforeAll
  void start() throws Exception {
    root = Files.createTempDirectory("quiver-files-test");
    data = Files.createDirectories(root.resolve("data"));
    quiver = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3)
        .withDataDirectories(List.of(data)));
  }

  @AfterAll
  void stop() {
    quiver.close(); // throws if a buffer leaked
    LocalFileTables.deleteQuietly(root);
  }

  private static final List<String> TINY = List.of("tpch", "tiny");

  @Test
  void parquetWrittenFromAQueryReadsBackTheSameRows() {
    long written = quiver.writeToFiles("SELECT * FROM orders", TINY,
        new FileSource("parquet", "orders_pq", Map.of()), WriteMode.CREATE);
    assertEquals(15_000, written);
    try (Session session = quiver.openSession()) {
      assertEquals(rows(session, "SELECT count(*), sum(o_totalprice), min(o_orderdate), max(o_comment) FROM orders"),
          rows(session, "SELECT count(*), sum(o_totalprice), min(o_orderdate), max(o_comment) "
              + "FROM TABLE(read_parquet('orders_pq'))"));
      assertEquals(rows(session, "SELECT o_orderpriority, count(*) FROM orders WHERE o_orderdate < DATE '1995-01-01' "
              + "GROUP BY o_orderpriority ORDER BY 1"),
          rows(session, "SELECT o_orderpriority, count(*) FROM TABLE(read_parquet('orders_pq/*.parquet')) "
              + "WHERE o_orderdate < DATE '1995-01-01' GROUP BY o_orderpriority ORDER BY 1"));
      // DuckDB's form, without TABLE(...), parses too
      assertEquals(List.of(List.of("15000")), rows(session, "SELECT count(*) FROM read_parquet('orders_pq') AS o"));
    }
  }

  @Test
  void arrowAndCsvRoundTrip() {
    for (String format : List.of("arrow", "csv")) {
      quiver.writeToFiles("SELECT * FROM nation", TINY, new FileSource(format, "nation_" + format, Map.of()),
          WriteMode.CREATE);
      try (Session session = quiver.openSession()) {
        assertEquals(rows(session, "SELECT n_nationkey, n_name, n_regionkey, n_comment FROM nation ORDER BY 1"),
            rows(session, "SELECT n_nationkey, n_name, n_regionkey, n_comment FROM TABLE(read_" + format
                + "('nation_" + format + "')) ORDER BY 1"), format);
      }
    }
  }

  @Test
  void locationsOutsideTheDataDirectoriesAreRefused() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("secret.csv"), "a\n1\n");
    Files.createSymbolicLink(data.resolve("link"), outside);
    try (Session session = quiver.openSession()) {
      for (String location : List.of("../outside/secret.csv", outside.resolve("secret.csv").toString(),
          "link/secret.csv", "sub/../../outside/secret.csv")) {
        QuiverException error = assertThrows(QuiverException.class,
            () -> rows(session, "SELECT * FROM TABLE(read_csv('" + location + "'))"), location);
        assertEquals(ErrorCode.ACCESS_DENIED, error.errorCode(), location + ": " + error.getMessage());
        assertEquals("42501", error.errorCode().sqlState());
      }
      assertThrows(QuiverException.class, () -> quiver.writeToFiles("SELECT 1", TINY,
          new FileSource("csv", "../outside/out", Map.of()), WriteMode.CREATE));
      assertEquals(List.of("secret.csv"), List.of(outside.toFile().list()));
    }
  }

  static List<List<String>> rows(Session session, String sql) {
    List<List<String>> rows = new ArrayList<>();
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        for (int row = 0; row < result.root().getRowCount(); row++) {
          List<String> values = new ArrayList<>();
          for (FieldVector vector : result.root().getFieldVectors()) {
            Object value = vector.getObject(row);
            values.add(value == null ? "NULL" : value instanceof byte[] bytes ? java.util.Arrays.toString(bytes)
                : value.toString());
          }
          rows.add(values);
        }
      }
    }
    return rows;
  }

  static List<Path> visibleFiles(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> !file.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  @Test
  void aFailedWriteLeavesNoFileBehind() throws Exception {
    assertThrows(QuiverException.class, () -> quiver.writeToFiles("SELECT 1 / (o_orderkey - o_orderkey) FROM orders",
        TINY, new FileSource("parquet", "failed", Map.of()), WriteMode.CREATE));
    Path failed = data.resolve("failed");
    assertTrue(!Files.exists(failed) || visibleFiles(failed).isEmpty());
    try (Stream<Path> all = Files.list(data)) {
      assertTrue(all.noneMatch(file -> file.getFileName().toString().startsWith(".quiver-write")));
    }
  }
}
