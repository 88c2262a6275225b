package io.quiver.engine.connector.file;

import static io.quiver.engine.connector.file.FileTablesEndToEndTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.connector.file.layout.DatasetLayout;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Types through each format, CSV options, globs and directories, and malformed files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileFormatsTest {

  private static final List<String> TINY = List.of("tpch", "tiny");
  private static final String ALL_TYPES = "SELECT * FROM (VALUES "
      + "(TRUE, CAST(1 AS TINYINT), CAST(2 AS SMALLINT), 3, CAST(4 AS BIGINT), CAST(1.5 AS REAL), "
      + "CAST(2.25 AS DOUBLE), CAST(123.45 AS DECIMAL(10, 2)), CAST('abc' AS VARCHAR(20)), CAST('xy' AS CHAR(4)), "
      + "CAST(X'0102FF' AS VARBINARY), DATE '2024-02-29', TIME '12:34:56', TIMESTAMP '2024-02-29 12:34:56.123456'), "
      + "(CAST(NULL AS BOOLEAN), CAST(NULL AS TINYINT), CAST(NULL AS SMALLINT), CAST(NULL AS INTEGER), "
      + "CAST(NULL AS BIGINT), CAST(NULL AS REAL), CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(10, 2)), "
      + "CAST(NULL AS VARCHAR(20)), CAST(NULL AS CHAR(4)), CAST(NULL AS VARBINARY), CAST(NULL AS DATE), "
      + "CAST(NULL AS TIME), CAST(NULL AS TIMESTAMP))) "
      + "AS t(b, ti, si, i, bi, r, d, de, vc, c, vb, da, tm, ts)";

  private Path root;
  private Path data;
  private LocalQuiver quiver;

  @BeforeAll
  void start() throws Exception {
    root = Files.createTempDirectory("quiver-formats-test");
    data = Files.createDirectories(root.resolve("data"));
    quiver = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(2)
        .withDataDirectories(List.of(data)));
  }

  @AfterAll
  void stop() {
    quiver.close();
    LocalFileTables.deleteQuietly(root);
  }

  @Test
  void everyTypeAndNullRoundTripsThroughParquetAndArrow() {
    for (String format : List.of("parquet", "arrow")) {
      quiver.writeToFiles(ALL_TYPES, TINY, new FileSource(format, "types_" + format, Map.of()), WriteMode.CREATE);
      FileConnectorTable table = (FileConnectorTable) quiver.fileTables().open("s", "t",
          new FileSource(format, "types_" + format, Map.of()), List.of());
      assertEquals("[BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL(10, 2), VARCHAR(20), CHAR(4), "
          + "VARBINARY, DATE, TIME, TIMESTAMP]", table.columns().stream().map(c -> c.type().toString()).toList()
          .toString(), format);
      try (Session session = quiver.openSession()) {
        assertEquals(rows(session, ALL_TYPES + " ORDER BY i NULLS LAST"),
            rows(session, "SELECT * FROM TABLE(read_" + format + "('types_" + format + "')) ORDER BY i NULLS LAST"),
            format);
      }
    }
  }

  @Test
  void microsecondsSurviveEveryFormat() {
    String micros = "SELECT TIMESTAMP '2024-01-31 10:11:12.123456' AS ts, TIME '23:59:59.654321' AS tm, "
        + "TIMESTAMP '1969-12-31 23:59:59.000001' AS early";
    try (Session session = quiver.openSession()) {
      for (String format : List.of("parquet", "arrow", "csv")) {
        String location = "micros_" + format;
        quiver.writeToFiles(micros, TINY, new FileSource(format, location, Map.of()), WriteMode.CREATE);
        assertEquals(List.of(List.of("1")), rows(session, "SELECT count(*) FROM TABLE(read_" + format + "('"
            + location + "')) WHERE CAST(ts AS TIMESTAMP) = TIMESTAMP '2024-01-31 10:11:12.123456' "
            + "AND CAST(tm AS TIME) = TIME '23:59:59.654321' "
            + "AND CAST(early AS TIMESTAMP) = TIMESTAMP '1969-12-31 23:59:59.000001'"), format);
      }
    }
  }

  @Test
  void csvOptionsHeaderDelimiterQuoteAndNullMarker() throws Exception {
    Files.writeString(data.resolve("pipes.csv"), "id|name|price|day\n"
        + "1|\"a|b\"|1.50|2024-01-02\n"
        + "2|\"say \"\"hi\"\"\"|NA|2024-01-03\n"
        + "3|NA|2.25|NA\n");
    try (Session session = quiver.openSession()) {
      assertEquals(List.of(List.of("1", "a|b", "1.5", "19724"), List.of("2", "say \"hi\"", "NULL", "19725"),
              List.of("3", "NULL", "2.25", "NULL")),
          rows(session, "SELECT * FROM TABLE(read_csv('pipes.csv', delimiter => '|', nullstr => 'NA')) ORDER BY id"));
      // inferred: BIGINT, VARCHAR, DOUBLE, DATE
      FileConnectorTable inferred = (FileConnectorTable) quiver.fileTables().open("s", "t",
          new FileSource("csv", "pipes.csv", Map.of("delimiter", "|", "nullstr", "NA")), List.of());
      assertEquals("[BIGINT, VARCHAR, DOUBLE, DATE]",
          inferred.columns().stream().map(c -> c.type().toString()).toList().toString());
      // declared types win over inference
      assertEquals(List.of(List.of("3", "2.25")), rows(session, "SELECT id, price FROM TABLE(read_csv('pipes.csv', "
          + "delimiter => '|', nullstr => 'NA', columns => 'id INTEGER, name VARCHAR, price DECIMAL(5, 2), day DATE')) "
          + "WHERE id = 3"));
    }
    Files.writeString(data.resolve("noheader.csv"), "1;x\n2;y\n");
    try (Session session = quiver.openSession()) {
      assertEquals(List.of(List.of("2", "y")), rows(session,
          "SELECT column0, column1 FROM TABLE(read_csv('noheader.csv', header => false, delimiter => ';')) "
              + "WHERE column0 > 1"));
    }
  }

  @Test
  void globsAndDirectoriesReadEveryMatchingFile() throws Exception {
    Path parts = Files.createDirectories(data.resolve("parts"));
    Files.writeString(parts.resolve("a.csv"), "x\n1\n2\n");
    Files.writeString(parts.resolve("b.csv"), "x\n3\n");
    Files.writeString(parts.resolve("c.txt"), "x\n100\n");
    Files.writeString(parts.resolve(".hidden.csv"), "x\n1000\n");
    try (Session session = quiver.openSession()) {
      assertEquals(List.of(List.of("6")), rows(session, "SELECT sum(x) FROM TABLE(read_csv('parts/*.csv'))"));
      assertEquals(List.of(List.of("106")), rows(session, "SELECT sum(x) FROM TABLE(read_csv('parts'))"));
      QuiverException none = assertThrows(QuiverException.class,
          () -> rows(session, "SELECT * FROM TABLE(read_csv('parts/*.json'))"));
      assertTrue(none.getMessage().contains("no files match"), none.getMessage());
    }
  }

  @Test
  void malformedFilesFailWithTheFileNamedAndTheSessionGoesOn() throws Exception {
    quiver.writeToFiles("SELECT * FROM nation", TINY, new FileSource("parquet", "whole", Map.of()), WriteMode.CREATE);
    Path version = DatasetLayout.currentVersion(data.resolve("whole")).orElseThrow();
    Path written = FileTablesEndToEndTest.visibleFiles(version).stream()
        .filter(file -> file.toString().endsWith(".parquet")).findFirst().orElseThrow();
    byte[] bytes = Files.readAllBytes(written);
    Files.write(data.resolve("truncated.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
    Files.writeString(data.resolve("badrow.csv"), "a,b\n1,2\n3\n");
    Files.writeString(data.resolve("badtype.csv"), "a,b\n1,2\nx,3\n");
    try (Session session = quiver.openSession()) {
      QuiverException truncated = assertThrows(QuiverException.class,
          () -> rows(session, "SELECT * FROM TABLE(read_parquet('truncated.parquet'))"));
      assertEquals(ErrorCode.MALFORMED_FILE, truncated.errorCode(), truncated.getMessage() + " cause " + truncated.getCause());
      assertTrue(truncated.getMessage().contains("truncated.parquet"), truncated.getMessage());

      QuiverException badRow = assertThrows(QuiverException.class,
          () -> rows(session, "SELECT * FROM TABLE(read_csv('badrow.csv'))"));
      assertTrue(badRow.getMessage().contains("badrow.csv") && badRow.getMessage().contains("line 3"),
          badRow.getMessage());

      QuiverException badType = assertThrows(QuiverException.class, () -> rows(session,
          "SELECT * FROM TABLE(read_csv('badtype.csv', columns => 'a INTEGER, b INTEGER'))"));
      assertEquals(ErrorCode.MALFORMED_FILE, badType.errorCode());
      assertTrue(badType.getMessage().contains("line 3 column 'a'") && badType.getMessage().contains("'x'"),
          badType.getMessage());

      QuiverException missing = assertThrows(QuiverException.class,
          () -> rows(session, "SELECT * FROM TABLE(read_parquet('nosuch.parquet'))"));
      assertEquals(ErrorCode.IO_ERROR, missing.errorCode());
      assertTrue(missing.getMessage().contains("nosuch.parquet"), missing.getMessage());

      assertEquals(List.of(List.of("25")), rows(session, "SELECT count(*) FROM TABLE(read_parquet('whole'))"));
    }
  }
}
