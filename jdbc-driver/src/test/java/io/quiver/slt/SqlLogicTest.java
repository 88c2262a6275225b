package io.quiver.slt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * SQL logic tests: every {@code .slt} file under {@code src/test/resources/slt}, run through JDBC
 * ({@code jdbc:quiver:}), one dynamic test per record named {@code file:line}. Each file runs in
 * its own connection, its records in order.
 *
 * <h2>The format</h2>
 * Records are separated by blank lines. Lines starting with {@code #} between records are
 * comments (by convention {@code # BUG: ...} marks a record where Quiver is known to be wrong).
 * <pre>
 * statement ok
 * SELECT 1
 *
 * statement count 3                        -- it succeeds with update count 3 (rows changed)
 * UPDATE t SET x = 1
 *
 * statement error                          -- any SQLException
 * statement error column 'nope' not found  -- the rest of the line is a Java regex; it must be
 *                                             found (Matcher.find) in SQLException.getMessage()
 * statement error SQLSTATE 22012           -- getSQLState() must equal the code
 * statement error SQLSTATE 42              -- a shorter code is a prefix: any 42xxx
 * statement error SQLSTATE 22012 by zero   -- both
 * SELECT 1 / 0
 *
 * query ITN rowsort                        -- one type letter per column, then an optional
 * SELECT x, y, z FROM t                       sort mode: nosort (default), rowsort, valuesort
 * ----
 * 1 a 1.50
 * 2 NULL 0.00
 *
 * # BUG: avg(DECIMAL) has the wrong scale
 * skip BUG: wrong scale of avg(DECIMAL)     -- the next record is reported as skipped, with
 * query N                                     the reason; use it for a known Quiver bug
 * ...
 *
 * gap joins are not supported yet          -- the next record runs, but while Quiver answers
 * query I                                     SQLState 0A000 (not supported) it is reported as
 * ...                                         skipped with the reason; other failures fail it
 *
 * halt                                     -- the rest of the file is not run
 * </pre>
 * <ul>
 *   <li>A statement or query's SQL is every line up to a blank line (or {@code ----}). Statements
 *       run with {@code Statement.execute} and every row they return is read, so errors raised
 *       while running (division by zero) count as the statement's error.
 *   <li>Expected rows follow {@code ----} up to a blank line; a query without {@code ----} expects
 *       no rows. Values in a row are separated by one tab (the sqllogictest convention of DuckDB's
 *       files); a row without any tab is split on single spaces, and a one-column row is taken
 *       whole. So a text value holding a space needs tabs in a row of several columns.
 *   <li>Values are rendered as SEMANTICS.md says ({@link SltValueRenderer}): {@code NULL},
 *       {@code (empty)} for the empty string, {@code true}/{@code false}, integers as digits,
 *       DECIMAL with {@code toPlainString()} at the column's scale, DOUBLE in {@code R} columns
 *       with {@code %.3f}, DATE {@code yyyy-MM-dd}.
 *   <li>Type letters are checked against the JDBC column types: {@code I} TINYINT..BIGINT,
 *       {@code R} REAL/FLOAT/DOUBLE, {@code N} DECIMAL, {@code T} CHAR/VARCHAR, {@code B} BOOLEAN,
 *       {@code D} DATE, {@code S} TIMESTAMP, {@code ?} anything.
 *   <li>{@code rowsort} sorts rendered rows (as lists of strings) on both sides; {@code valuesort}
 *       sorts all rendered values, ignoring row boundaries.
 *   <li>A line that does not fit the format fails the file as one test named {@code file:line}.
 * </ul>
 *
 * <h2>System properties</h2>
 * {@code quiver.slt.url} (default {@code jdbc:quiver:}) runs the files against another JDBC URL,
 * e.g. {@code jdbc:duckdb:} to review expectations against an independent engine (DuckDB differs
 * from Quiver in places: integer division, avg and sum types; there the tpch tables of schema
 * {@code tpch.tiny} are loaded by {@link DuckDbTpchTiny}). {@code quiver.slt.files} limits the run
 * to a comma-separated list of file names. {@code quiver.slt.checkTypes=false} ignores type letters.
 * {@code quiver.slt.ignoreMarkers=true} runs records marked {@code skip} or {@code gap} like any
 * other (to find the known bugs that have been fixed since).
 * Without a driver for {@code jdbc:quiver:} on the class path, or while the engine behind it is
 * still a placeholder that answers "not built yet", the records are skipped, not failed.
 */
class SqlLogicTest {

  private static final String DEFAULT_URL = "jdbc:quiver:";

  private static final List<Connection> OPEN_CONNECTIONS = new CopyOnWriteArrayList<>();

  @TestFactory
  Stream<DynamicNode> sqlLogicTests() {
    String url = System.getProperty("quiver.slt.url", DEFAULT_URL);
    boolean checkTypes = Boolean.parseBoolean(System.getProperty("quiver.slt.checkTypes", "true"));
    String fileFilter = System.getProperty("quiver.slt.files", "");
    Set<String> onlyFiles = fileFilter.isBlank() ? Set.of()
        : Arrays.stream(fileFilter.split(",")).map(String::trim).collect(Collectors.toSet());
    boolean ignoreMarkers = Boolean.parseBoolean(System.getProperty("quiver.slt.ignoreMarkers", "false"));
    SltRecordRunner runner = new SltRecordRunner(checkTypes);
    List<DynamicNode> files = new ArrayList<>();
    for (Path file : sltFiles()) {
      String name = file.getFileName().toString();
      if (!onlyFiles.isEmpty() && !onlyFiles.contains(name)) {
        continue;
      }
      files.add(fileNode(file, name, url, runner, ignoreMarkers));
    }
    return files.stream();
  }

  @AfterAll
  static void closeConnections() throws SQLException {
    for (Connection connection : OPEN_CONNECTIONS) {
      connection.close();
    }
    OPEN_CONNECTIONS.clear();
  }

  private static DynamicNode fileNode(Path file, String name, String url, SltRecordRunner runner,
      boolean ignoreMarkers) {
    List<SltRecord> records;
    try {
      records = SltParser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (SltParseException e) {
      return DynamicTest.dynamicTest(e.location(), file.toUri(), () -> {
        throw new AssertionFailedError("parse error in " + e.getMessage());
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FileConnection connection = new FileConnection(url);
    List<SltRecord> runnable = records.stream().filter(record -> !(record instanceof SltRecord.Halt)).toList();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < runnable.size(); i++) {
      SltRecord record = runnable.get(i);
      boolean last = i == runnable.size() - 1;
      tests.add(DynamicTest.dynamicTest(record.location(), file.toUri(), () -> {
        try {
          runMarked(record, connection, runner, ignoreMarkers);
        } finally {
          if (last) {
            connection.close();
          }
        }
      }));
    }
    return DynamicContainer.dynamicContainer(name, file.toUri(), tests.stream());
  }

  private static void runMarked(SltRecord record, FileConnection connection, SltRecordRunner runner,
      boolean ignoreMarkers) throws SQLException {
    Optional<SltRecord.Marker> marker = ignoreMarkers ? Optional.empty() : record.marker();
    if (marker.isPresent() && marker.get().kind() == SltRecord.Marker.Kind.SKIP) {
      Assumptions.abort("skip " + marker.get().reason());
    }
    Connection opened = connection.get();
    try {
      runner.run(record, opened);
    } catch (AssertionFailedError e) {
      if (marker.isPresent() && e.getCause() instanceof SQLException cause && "0A000".equals(cause.getSQLState())) {
        Assumptions.abort("gap " + marker.get().reason() + " (Quiver: " + cause.getMessage() + ")");
      }
      throw e;
    }
  }

  /** Every .slt file under the test resources' slt folder, by name. */
  static List<Path> sltFiles() {
    URL folder = SqlLogicTest.class.getClassLoader().getResource("slt");
    if (folder == null) {
      throw new IllegalStateException("no slt folder among the test resources");
    }
    try (Stream<Path> paths = Files.walk(Paths.get(folder.toURI()))) {
      return paths.filter(path -> path.toString().endsWith(".slt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file's connection, opened by its first record that runs and closed after its last. */
  private static final class FileConnection {
    private final String url;
    private Connection connection;

    FileConnection(String url) {
      this.url = url;
    }

    Connection get() throws SQLException {
      if (connection == null) {
        if (url.equals(DEFAULT_URL)) {
          try {
            DriverManager.getDriver(url);
          } catch (SQLException e) {
            Assumptions.abort("no JDBC driver for " + url + " on the class path yet");
          }
        }
        connection = DriverManager.getConnection(url);
        OPEN_CONNECTIONS.add(connection);
        if (url.equals(DEFAULT_URL)) {
          abortWhileTheEngineIsAPlaceholder(connection);
        }
        if (url.startsWith("jdbc:duckdb:")) {
          DuckDbTpchTiny.load(connection);
        }
      }
      return connection;
    }

    /**
     * While a module of the engine is still the placeholder that throws "not built yet", every
     * record would fail for that one reason: report them as skipped instead, with the reason.
     */
    private void abortWhileTheEngineIsAPlaceholder(Connection opened) throws SQLException {
      try (java.sql.Statement statement = opened.createStatement();
           java.sql.ResultSet resultSet = statement.executeQuery("SELECT 1")) {
        while (resultSet.next()) {
          resultSet.getObject(1);
        }
      } catch (SQLException e) {
        if (String.valueOf(e.getMessage()).contains("not built yet")) {
          close();
          Assumptions.abort("the engine is still a placeholder: " + e.getMessage());
        }
      }
    }

    void close() throws SQLException {
      if (connection != null) {
        OPEN_CONNECTIONS.remove(connection);
        connection.close();
        connection = null;
      }
    }
  }
}
