package io.quiver.tpcds;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.tpch.DuckDbReference;
import io.quiver.tpch.ReferenceAnswers;
import io.quiver.tpch.ResultRows;
import io.quiver.tpch.bench.TpcdsSuite;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the reference answers of the 99 TPC-DS queries: DuckDB (an independent engine) answers
 * each query over exactly the rows Quiver's {@code tpcds} catalog generates, copied table by table
 * from Quiver ({@link QuiverToDuckDb}); {@link ReferenceAnswers} writes each answer as
 * {@code <directory>/sf<scale>/qNN.csv}. DuckDB has no tpcds extension offline, and its dsdgen would
 * not be the generator Quiver uses anyway.
 *
 * <p>Usage, from the repository's root (the default directory is the checked-in one):
 * <pre>
 * ./mvnw -q -B -pl tpch-bench -am -DskipTests package
 * java --add-opens=java.base/java.nio=ALL-UNNAMED \
 *     -cp "tpch-bench/target/quiver-tpch-bench-0.1.0-SNAPSHOT.jar:$(cat tpch-bench/target/classpath.txt)" \
 *     io.quiver.tpcds.TpcdsReferenceAnswerGenerator [scale factor...] [--directory DIR]
 * </pre>
 * Without scale factors it writes 0.01 (tiny). SF1 ({@code 1}) needs about 6 GiB of heap
 * ({@code -Xmx8g}) and the generator takes most of an hour on two cores.
 */
public final class TpcdsReferenceAnswerGenerator {

  /** Where the checked-in answers live, relative to the repository's root. */
  public static final Path DEFAULT_DIRECTORY = Path.of("tpch-bench", "src", "main", "resources", "tpcds", "answers");

  private TpcdsReferenceAnswerGenerator() {}

  public static void main(String[] args) throws Exception {
    Path directory = DEFAULT_DIRECTORY;
    List<Double> scales = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--directory") && i + 1 < args.length) {
        directory = Path.of(args[++i]);
      } else {
        scales.add(Double.parseDouble(args[i]));
      }
    }
    if (scales.isEmpty()) {
      scales = List.of(0.01);
    }
    for (double scale : scales) {
      List<String> failed = generate(scale, directory.resolve(ReferenceAnswers.directoryName(scale)));
      if (!failed.isEmpty()) {
        System.out.println("DuckDB could not answer: " + failed);
      }
    }
  }

  /**
   * Generates the tables at {@code scaleFactor} in Quiver, copies them into an in-memory DuckDB and
   * writes DuckDB's answers of the 99 queries to {@code target}.
   *
   * @return the queries DuckDB failed on, with its error (none is expected)
   */
  public static List<String> generate(double scaleFactor, Path target) throws Exception {
    List<String> failed = new ArrayList<>();
    try (LocalQuiver quiver = new LocalQuiver(QuiverConfig.defaults());
         Session session = quiver.openSession();
         Connection duckDb = DuckDbReference.open()) {
      long start = System.nanoTime();
      String schema = loadMemoryTables(session, scaleFactor);
      System.out.printf("scale factor %s generated into Quiver's %s in %.1f s%n", scaleFactor, schema,
          (System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      for (String table : TpcdsSuite.TABLES) {
        QuiverToDuckDb.copy(session, table, duckDb, "main." + table);
      }
      System.out.printf("copied into DuckDB in %.1f s%n", (System.nanoTime() - start) / 1e9);
      for (int number = 1; number <= TpcdsQueryText.QUERY_COUNT; number++) {
        try {
          ResultRows answer = ResultRows.query(duckDb, TpcdsQueryText.loadForDuckDb(number));
          Path file = target.resolve(ReferenceAnswers.fileName(number));
          ReferenceAnswers.write(answer, file);
          System.out.printf("%s: %d rows -> %s%n", TpcdsQueryText.fileName(number), answer.rows().size(), file);
        } catch (java.sql.SQLException e) {
          failed.add(TpcdsQueryText.fileName(number) + ": " + e.getMessage());
        }
      }
    }
    return failed;
  }

  /**
   * Loads the 24 tables at {@code scaleFactor} from the {@code tpcds} catalog into memory tables and
   * makes their schema the session's.
   *
   * @return the memory schema, e.g. {@code memory.tpcds_tiny}
   */
  public static String loadMemoryTables(Session session, double scaleFactor) {
    String schema = "memory.tpcds_" + io.quiver.tpch.bench.BenchSuite.schemaName(scaleFactor);
    execute(session, "CREATE SCHEMA IF NOT EXISTS " + schema);
    for (String table : TpcdsSuite.TABLES) {
      execute(session, "CREATE TABLE " + schema + "." + table + " AS SELECT * FROM tpcds."
          + io.quiver.tpch.bench.BenchSuite.schemaName(scaleFactor) + "." + table);
    }
    session.setSchema(schema);
    return schema;
  }

  private static void execute(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        // DDL: nothing to read
      }
    }
  }
}
