package io.quiver.tpch;

import io.quiver.engine.connector.file.FileSource;
import io.quiver.engine.connector.file.WriteMode;
import io.quiver.engine.driver.LocalQuiver;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * TPC-H tables as Parquet files: written once from the {@code tpch} catalog into
 * {@code <directory>/<table>/} (one file per result task and million rows), then opened as Quiver
 * file tables {@code files.<schema>.<table>} and as DuckDB views over {@code read_parquet} of the
 * same files.
 */
public final class TpchParquetLoader {

  private TpchParquetLoader() {
  }

  /**
   * Writes every table of the {@code tpch} schema (tiny, sf1, ...) that {@code directory} does not
   * hold yet; the directory must lie inside one of the engine's data directories.
   *
   * @return the tables written now (those already there are kept)
   */
  public static List<String> writeMissing(LocalQuiver quiver, String tpchSchema, Path directory) {
    List<String> written = new java.util.ArrayList<>();
    for (TpchTable<?> table : TpchTable.getTables()) {
      Path tableDirectory = directory.resolve(table.getTableName());
      if (hasParquetFiles(tableDirectory)) {
        continue;
      }
      quiver.writeToFiles("SELECT * FROM tpch." + tpchSchema + "." + table.getTableName(), List.of(),
          new FileSource("parquet", tableDirectory.toAbsolutePath().toString(), Map.of()), WriteMode.REPLACE);
      written.add(table.getTableName());
    }
    return written;
  }

  /** Opens the written tables as {@code files.<schema>.<table>}. */
  public static void register(LocalQuiver quiver, String schema, Path directory) {
    for (TpchTable<?> table : TpchTable.getTables()) {
      quiver.registerFileTable(schema, table.getTableName(), new FileSource("parquet",
          directory.resolve(table.getTableName()).toAbsolutePath().toString(), Map.of()));
    }
  }

  /** Creates one DuckDB view per table over the same Parquet files. */
  public static void registerInDuckDb(Connection duckDb, Path directory) throws SQLException {
    try (Statement statement = duckDb.createStatement()) {
      for (TpchTable<?> table : TpchTable.getTables()) {
        String files = directory.resolve(table.getTableName()).toAbsolutePath() + "/*.parquet";
        statement.execute("CREATE OR REPLACE VIEW " + table.getTableName() + " AS SELECT * FROM read_parquet('"
            + files.replace("'", "''") + "')");
      }
    }
  }

  private static boolean hasParquetFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
