package io.quiver.engine.ddl;

import static io.quiver.engine.connector.memory.SqlRows.rows;
import static io.quiver.engine.connector.memory.SqlRows.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.connector.file.FileSource;
import io.quiver.engine.connector.file.WriteMode;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.metadata.TableInfo;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every statement that reaches the file connector, against a recording fake: what it is asked, and errors. */
class FileTableStatementsTest {

  private RecordingFileTables files;
  private LocalQuiver quiver;
  private Session session;

  @BeforeEach
  void start() {
    files = new RecordingFileTables();
    quiver = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(2), files);
    session = quiver.openSession();
    update(session, "CREATE SCHEMA memory.f");
  }

  @AfterEach
  void stop() {
    session.close();
    quiver.close(); // throws if a buffer leaked
  }

  private QuiverException error(String sql) {
    return assertThrows(QuiverException.class, () -> update(session, sql), sql);
  }

  @Test
  void createTableWithColumnsOpensTheFilesAndRegistersTheTable() {
    assertEquals(0, update(session, "CREATE TABLE memory.f.t (a INTEGER NOT NULL, b VARCHAR(3)) "
        + "WITH (format = 'CSV', location = 'data/t.csv', header = true, delimiter = '|')"));
    RecordingFileTables.Call open = files.last();
    assertEquals("open", open.method());
    assertEquals(new FileSource("csv", "data/t.csv", Map.of("header", "true", "delimiter", "|")), open.source());
    assertEquals(List.of(new Column("a", DataType.INTEGER, false), new Column("b", DataType.varchar(3), true)),
        open.columns());
    TableInfo table = quiver.metadata().tables("memory", "f").get(0);
    assertEquals("t", table.name());
    assertEquals("TABLE", table.type());
    assertEquals(List.of(List.of("t", "BASE TABLE")),
        rows(session, "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'f'"));
    assertEquals(ErrorCode.DUPLICATE_OBJECT, error("CREATE TABLE memory.f.T (x INTEGER) WITH (format = 'csv', "
        + "location = 'x.csv')").errorCode());
    assertEquals(0, update(session, "CREATE TABLE IF NOT EXISTS memory.f.t WITH (format = 'csv', location = 'x')"));
    assertEquals(1, files.calls().size(), "no second open");
  }

  @Test
  void insertIntoAFileTableAppendsConvertedRows() {
    update(session, "CREATE TABLE memory.f.t (a BIGINT NOT NULL, b VARCHAR(3), c DECIMAL(5, 1)) "
        + "WITH (format = 'parquet', location = 'data/t')");
    assertEquals(2, update(session, "INSERT INTO memory.f.t VALUES (1, 'x', 1.25), (2, NULL, 3)"));
    RecordingFileTables.Call write = files.last();
    assertEquals("write", write.method());
    assertEquals(WriteMode.APPEND, write.mode());
    assertEquals(new FileSource("parquet", "data/t", Map.of()), write.source());
    assertEquals(List.of("a", "b", "c"), write.columns().stream().map(Column::name).toList());
    assertEquals(DataType.BIGINT, write.columns().get(0).type());
    assertEquals(DataType.decimal(5, 1), write.columns().get(2).type());
    assertEquals(List.of(List.of("1", "x", "1.3"), List.of("2", "NULL", "3.0")), write.rows());
    assertEquals(1, update(session, "INSERT INTO memory.f.t (b, a) VALUES ('y', 7)"));
    assertEquals(List.of(List.of("7", "y", "NULL")), files.last().rows());
    int calls = files.calls().size();
    assertEquals(ErrorCode.NOT_NULL_VIOLATION, error("INSERT INTO memory.f.t VALUES (NULL, 'x', 1)").errorCode());
    assertEquals(ErrorCode.NOT_NULL_VIOLATION, error("INSERT INTO memory.f.t (b) VALUES ('x')").errorCode());
    assertEquals(ErrorCode.STRING_TOO_LONG, error("INSERT INTO memory.f.t VALUES (1, 'long', 1)").errorCode());
    assertEquals(ErrorCode.TYPE_MISMATCH, error("INSERT INTO memory.f.t VALUES ('1', 'x', 1)").errorCode());
    assertEquals(ErrorCode.SYNTAX_ERROR, error("INSERT INTO memory.f.t VALUES (1, 'x')").errorCode());
    assertEquals(calls, files.calls().size(), "a failed INSERT commits nothing");
  }

  @Test
  void createTableAsWritesThenOpens() {
    assertEquals(25, update(session, "CREATE TABLE memory.f.n WITH (format = 'arrow', location = 'out/n') AS "
        + "SELECT n_nationkey AS k, n_name AS name FROM tpch.tiny.nation"));
    List<RecordingFileTables.Call> calls = files.calls();
    assertEquals(2, calls.size());
    assertEquals(WriteMode.CREATE, calls.get(0).mode());
    assertEquals(25, calls.get(0).rows().size());
    assertEquals("open", calls.get(1).method());
    assertEquals(List.of("k", "name"), calls.get(1).columns().stream().map(Column::name).toList());
    assertEquals(List.of("n"), quiver.metadata().tables("memory", "f").stream().map(TableInfo::name).toList());
    // A failing write registers nothing.
    files.failNextWrite(new QuiverException(ErrorCode.IO_ERROR, "disk full"));
    assertEquals(ErrorCode.IO_ERROR, error("CREATE TABLE memory.f.m WITH (format = 'arrow', location = 'out/m') AS "
        + "SELECT 1 AS x").errorCode());
    assertEquals(List.of("n"), quiver.metadata().tables("memory", "f").stream().map(TableInfo::name).toList());
  }

  @Test
  void copyReplacesTheLocationsFiles() {
    assertEquals(1, update(session, "COPY (SELECT 1 AS x, 'a' AS y) TO 'out/x.parquet'"));
    RecordingFileTables.Call copy = files.last();
    assertEquals(WriteMode.REPLACE, copy.mode());
    assertEquals(new FileSource("parquet", "out/x.parquet", Map.of()), copy.source());
    assertEquals(List.of(List.of("1", "a")), copy.rows());
    assertEquals(5, update(session, "COPY tpch.tiny.region TO 'out/r' WITH (format = 'csv', delimiter = '|')"));
    assertEquals(new FileSource("csv", "out/r", Map.of("delimiter", "|")), files.last().source());
    update(session, "CREATE TABLE memory.f.m AS SELECT n_name FROM tpch.tiny.nation WHERE n_regionkey = 1");
    update(session, "CREATE VIEW memory.f.v AS SELECT n_name FROM memory.f.m WHERE n_name LIKE 'C%'");
    assertEquals(1, update(session, "COPY memory.f.v TO 'out/v.arrow'"));
    assertEquals(List.of(List.of("CANADA")), files.last().rows());
    assertEquals("arrow", files.last().source().format());
    int calls = files.calls().size();
    assertEquals(ErrorCode.SYNTAX_ERROR, error("COPY memory.f.m TO 'out/nothing'").errorCode());
    assertEquals(ErrorCode.TABLE_NOT_FOUND, error("COPY memory.f.nope TO 'out/x.csv'").errorCode());
    assertEquals(ErrorCode.DIVISION_BY_ZERO, error("COPY (SELECT 1 / 0 AS x) TO 'out/x.csv'").errorCode());
    assertEquals(ErrorCode.SYNTAX_ERROR, error("COPY memory.f.m TO 'a.csv' WITH (location = 'b.csv')").errorCode());
    assertEquals(calls, files.calls().size());
  }

  @Test
  void dropForgetsAFileTable() {
    update(session, "CREATE TABLE memory.f.t (a INTEGER) WITH (format = 'csv', location = 'data/t.csv')");
    int calls = files.calls().size();
    update(session, "DROP TABLE memory.f.t");
    assertEquals(calls, files.calls().size(), "the files are not touched");
    assertTrue(quiver.metadata().tables("memory", "f").isEmpty());
    assertEquals(ErrorCode.TABLE_NOT_FOUND, error("INSERT INTO memory.f.t VALUES (1)").errorCode());
    update(session, "CREATE TABLE memory.f.t (a INTEGER) WITH (format = 'csv', location = 'data/t.csv')");
    update(session, "DROP SCHEMA memory.f CASCADE");
    assertTrue(quiver.metadata().tables("memory", "f").isEmpty());
    update(session, "CREATE SCHEMA memory.f");
  }

  @Test
  void fileTablePropertiesAreChecked() {
    assertEquals(ErrorCode.SYNTAX_ERROR, error("CREATE TABLE memory.f.t (a INTEGER) WITH (location = 'x')").errorCode());
    assertEquals(ErrorCode.SYNTAX_ERROR, error("CREATE TABLE memory.f.t (a INTEGER) WITH (format = 'csv')").errorCode());
    assertEquals(ErrorCode.IO_ERROR, error("CREATE TABLE memory.f.t WITH (format = 'csv', location = 'none')")
        .errorCode());
    assertEquals(ErrorCode.NOT_SUPPORTED, error("CREATE TABLE tpch.tiny.t (a INTEGER) WITH (format = 'csv', "
        + "location = 'x')").errorCode());
    assertTrue(files.calls().isEmpty());
    assertTrue(quiver.metadata().tables("memory", "f").isEmpty());
  }

  @Test
  void theEnginesOwnFileTablesRefuseLocationsOutsideTheDataDirectoriesAndUnknownFormats() {
    try (Quiver plain = Quiver.local(QuiverConfig.defaults().withSlots(1).withShufflePartitions(1));
        Session other = plain.openSession()) {
      update(other, "CREATE SCHEMA memory.f");
      for (String sql : List.of("CREATE TABLE memory.f.t (a INTEGER) WITH (format = 'csv', location = '../x')",
          "CREATE TABLE memory.f.t WITH (format = 'csv', location = '../x') AS SELECT 1 AS a",
          "COPY (SELECT 1 AS a) TO '../x.csv'")) {
        QuiverException e = assertThrows(QuiverException.class, () -> update(other, sql), sql);
        assertEquals(ErrorCode.ACCESS_DENIED, e.errorCode(), sql);
      }
      QuiverException unknown = assertThrows(QuiverException.class, () -> update(other,
          "CREATE TABLE memory.f.t (a INTEGER) WITH (format = 'xml', location = 'x')"));
      assertTrue(unknown.getMessage().contains("xml"), unknown.getMessage());
      assertNull(plain.metadata().tables("memory", "f").stream().findFirst().orElse(null));
    }
  }
}
