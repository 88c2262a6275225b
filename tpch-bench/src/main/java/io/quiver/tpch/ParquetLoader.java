package io.quiver.tpch;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import io.quiver.engine.connector.file.layout.DatasetLayout;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * A benchmark's tables (TPC-H's or TPC-DS's) as Parquet files, through SQL as a user would do it:
 * written once from the generating catalog with {@code COPY (SELECT * FROM <catalog>.<schema>.<table>)
 * TO '<directory>/<table>' WITH (format = 'parquet')} (one file per result task and million rows),
 * then opened with {@code CREATE TABLE memory.<schema>.<table> WITH (format = 'parquet', location =
 * ...)}; DuckDB gets views over {@code read_parquet} of the same files.
 */
public final class ParquetLoader {

  private ParquetLoader() {
  }

  /** The eight TPC-H table names. */
  public static List<String> tpchTables() {
    return TpchTable.getTables().stream().map(TpchTable::getTableName).toList();
  }

  /**
   * Writes every table of {@code catalog.schema} (tpch.tiny, tpcds.sf1, ...) among {@code tables}
   * that {@code directory} does not hold yet; the directory must lie inside one of the engine's data
   * directories.
   *
   * @return the tables written now (those already there are kept)
   */
  public static List<String> writeMissing(Session session, String catalog, String schema, List<String> tables,
      Path directory) {
    List<String> written = new java.util.ArrayList<>();
    for (String table : tables) {
      Path tableDirectory = directory.resolve(table);
      if (hasParquetFiles(tableDirectory)) {
        continue;
      }
      execute(session, "COPY (SELECT * FROM " + catalog + "." + schema + "." + table + ") TO "
          + literal(tableDirectory) + " WITH (format = 'parquet')");
      written.add(table);
    }
    return written;
  }

  /** The TPC-H tables of the {@code tpch} schema, as {@link #writeMissing(Session, String, String, List, Path)}. */
  public static List<String> writeMissing(Session session, String tpchSchema, Path directory) {
    return writeMissing(session, "tpch", tpchSchema, tpchTables(), directory);
  }

  /** Opens the written tables as file tables {@code memory.<schema>.<table>}, replacing earlier ones. */
  public static void register(Session session, String schema, List<String> tables, Path directory) {
    execute(session, "CREATE SCHEMA IF NOT EXISTS memory." + schema);
    for (String table : tables) {
      String name = "memory." + schema + "." + table;
      execute(session, "DROP TABLE IF EXISTS " + name);
      execute(session, "CREATE TABLE " + name + " WITH (format = 'parquet', location = "
          + literal(directory.resolve(table)) + ")");
    }
  }

  /** The TPC-H tables, as {@link #register(Session, String, List, Path)}. */
  public static void register(Session session, String schema, Path directory) {
    register(session, schema, tpchTables(), directory);
  }

  private static void execute(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        // a statement's update count; nothing to read
      }
    }
  }

  private static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** Creates one DuckDB view per table over the same Parquet files. */
  public static void registerInDuckDb(Connection duckDb, List<String> tables, Path directory) throws SQLException {
    try (Statement statement = duckDb.createStatement()) {
      for (String table : tables) {
        // a dataset Quiver wrote keeps its files in its current version's directory
        String files = DatasetLayout.readableDirectory(directory.resolve(table).toAbsolutePath()) + "/*.parquet";
        statement.execute("CREATE OR REPLACE VIEW " + table + " AS SELECT * FROM read_parquet('"
            + files.replace("'", "''") + "')");
      }
    }
  }

  /** The TPC-H tables, as {@link #registerInDuckDb(Connection, List, Path)}. */
  public static void registerInDuckDb(Connection duckDb, Path directory) throws SQLException {
    registerInDuckDb(duckDb, tpchTables(), directory);
  }

  private static boolean hasParquetFiles(Path table) {
    if (!Files.isDirectory(table)) {
      return false;
    }
    Path directory = DatasetLayout.readableDirectory(table);
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
