package io.quiver.tpch.bench;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.event.JobEnded;
import io.quiver.exec.metrics.TaskStats;
import io.quiver.tpch.AnswerComparison;
import io.quiver.tpch.DuckDbTpchLoader;
import io.quiver.tpch.ReferenceAnswers;
import io.quiver.tpch.ResultRows;
import io.quiver.tpch.TpchParquetLoader;
import io.quiver.tpch.TpchQueryText;
import java.nio.file.Path;
import io.trino.tpch.TpchTable;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs TPC-H on Quiver, and on DuckDB beside it with {@code --compare duckdb}, in this process.
 *
 * <p>Quiver: one local engine with the given slots loads every table once into its memory catalog
 * ({@code CREATE TABLE memory.tpch_<schema>.<table> AS SELECT * FROM tpch.<schema>.<table>}) and the
 * session's schema is set there, so the queries read memory tables. From SF10 on the tables stay
 * in the {@code tpch} catalog instead (generated as they are read, generated columns cached on the
 * heap up to {@code -Dquiver.tpch.cacheBytes}): SF10's memory tables alone would take about 16 GiB. DuckDB: an in-memory database
 * gets the same generated rows through its Appender, with {@code SET threads} to the same number.
 * Then query by query: the warm-up runs (one by default) and N timed runs on Quiver, then the same on DuckDB (so both
 * see the same load of a shared machine). A run's wall time goes from submitting the SQL to having
 * read every row into Java values. Every answer is checked against the reference answer of the
 * scale factor, where one is checked in.
 *
 * <p>With {@code --format parquet} both engines read the same Parquet files instead: written once
 * under {@code bench-data/} by Quiver, opened as Quiver file tables, and as DuckDB views over
 * {@code read_parquet}.
 */
public final class TpchBenchmark {

  private final BenchOptions options;
  private final PrintStream progress;

  /**
   * @param progress where progress lines go while the benchmark runs
   */
  public TpchBenchmark(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  public BenchResult run() throws SQLException {
    Instant started = Instant.now();
    int slots = options.slots();
    QuiverConfig defaults = QuiverConfig.defaults();
    QuiverConfig config = new QuiverConfig(slots, 2 * slots, defaults.batchSize(), options.memoryLimitBytes());
    try (HeapPeakSampler heap = new HeapPeakSampler();
         LocalQuiver quiver = new LocalQuiver(config);
         Session session = quiver.openSession();
         Connection duckDb = options.compareDuckDb() ? DriverManager.getConnection("jdbc:duckdb:") : null) {
      AtomicReference<TaskStats> total = new AtomicReference<>(TaskStats.EMPTY);
      quiver.events().subscribe(event -> {
        if (event instanceof JobEnded job) {
          total.accumulateAndGet(job.stats(), TaskStats::plus);
        }
      });
      double quiverLoad;
      long tableBytes;
      if (options.parquet()) {
        quiverLoad = loadParquet(quiver, session);
        tableBytes = parquetBytes();
        progress.printf("Quiver: SF%s Parquet tables in %s ready in %.1f s (%d MiB of files)%n",
            BenchOptions.scaleText(options.scaleFactor()), parquetDirectory(), quiverLoad / 1000, tableBytes >> 20);
      } else if (readsGeneratedTables()) {
        quiverLoad = loadQuiver(session);
        tableBytes = quiver.allocatedBytes();
        progress.printf("Quiver: SF%s is read from the tpch catalog (generated as read), not loaded into memory%n",
            BenchOptions.scaleText(options.scaleFactor()));
      } else {
        quiverLoad = loadQuiver(session);
        tableBytes = quiver.allocatedBytes();
        progress.printf("Quiver: loaded SF%s into memory tables in %.1f s (%d MiB)%n",
            BenchOptions.scaleText(options.scaleFactor()), quiverLoad / 1000, tableBytes >> 20);
      }
      double duckDbLoad = Double.NaN;
      String duckDbVersion = null;
      if (duckDb != null) {
        duckDbVersion = duckDbVersion(duckDb);
        duckDbLoad = loadDuckDb(duckDb);
        progress.printf("DuckDB %s: loaded SF%s in %.1f s (threads=%d)%n", duckDbVersion,
            BenchOptions.scaleText(options.scaleFactor()), duckDbLoad / 1000, slots);
      }
      List<QueryMeasurement> measurements = new ArrayList<>();
      for (int number : options.queries()) {
        String sql = TpchQueryText.load(number, options.scaleFactor());
        Optional<ResultRows> reference = ReferenceAnswers.load(options.scaleFactor(), number);
        EngineTiming quiverTiming = measure(reference, () -> runOnQuiver(session, sql));
        EngineTiming duckDbTiming = duckDb == null ? null : measure(reference, () -> runOnDuckDb(duckDb, sql));
        QueryMeasurement measurement = new QueryMeasurement(number, quiverTiming, duckDbTiming);
        measurements.add(measurement);
        progress.println(BenchReport.progressLine(measurement));
      }
      if (total.get().spillFiles() > 0) {
        progress.printf("Quiver: shuffle spilled %d MiB in %d map outputs to disk%n",
            total.get().spillBytes() >> 20, total.get().spillFiles());
      }
      return new BenchResult(options, started, quiverLoad, tableBytes, duckDbLoad, duckDbVersion, measurements,
          heap.peakBytes(), quiver.peakAllocatedBytes(), Runtime.getRuntime().availableProcessors());
    }
  }

  /** The memory schema the tables are loaded into, e.g. {@code tpch_sf1}. */
  String memorySchema() {
    return "tpch_" + options.tpchSchema();
  }

  /** True from SF10 on, where the queries read the tpch catalog instead of memory tables. */
  boolean readsGeneratedTables() {
    return options.scaleFactor() >= 10;
  }

  private double loadQuiver(Session session) {
    if (readsGeneratedTables()) {
      session.setSchema("tpch." + options.tpchSchema());
      return 0;
    }
    long start = System.nanoTime();
    String schema = "memory." + memorySchema();
    execute(session, "CREATE SCHEMA " + schema);
    for (TpchTable<?> table : TpchTable.getTables()) {
      execute(session, "CREATE TABLE " + schema + "." + table.getTableName() + " AS SELECT * FROM tpch."
          + options.tpchSchema() + "." + table.getTableName());
    }
    session.setSchema(schema);
    return millisSince(start);
  }

  /** Where {@code --format parquet} keeps the tables: under the working directory, Quiver's data directory. */
  Path parquetDirectory() {
    return Path.of("bench-data", "tpch-" + options.tpchSchema() + "-parquet");
  }

  /** Writes the Parquet files the first time, then opens them as file tables and sets the schema. */
  private double loadParquet(LocalQuiver quiver, Session session) {
    long start = System.nanoTime();
    List<String> written = TpchParquetLoader.writeMissing(session, options.tpchSchema(), parquetDirectory());
    if (!written.isEmpty()) {
      progress.printf("Quiver: wrote %s as Parquet in %.1f s%n", written, millisSince(start) / 1000);
    }
    String schema = "tpch_" + options.tpchSchema() + "_parquet";
    TpchParquetLoader.register(session, schema, parquetDirectory());
    session.setSchema("memory." + schema);
    return millisSince(start);
  }

  private long parquetBytes() {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(parquetDirectory())) {
      return files.filter(java.nio.file.Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static void execute(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        // DDL has no rows; drain in case a statement streams any.
      }
    }
  }

  private double loadDuckDb(Connection duckDb) throws SQLException {
    try (Statement statement = duckDb.createStatement()) {
      statement.execute("SET threads = " + options.slots());
    }
    long start = System.nanoTime();
    if (options.parquet()) {
      TpchParquetLoader.registerInDuckDb(duckDb, parquetDirectory());
    } else {
      DuckDbTpchLoader.loadAll(duckDb, "main", options.scaleFactor());
    }
    return millisSince(start);
  }

  private static String duckDbVersion(Connection duckDb) throws SQLException {
    try (Statement statement = duckDb.createStatement(); ResultSet resultSet = statement.executeQuery("SELECT version()")) {
      return resultSet.next() ? resultSet.getString(1) : "?";
    }
  }

  /** One run's answer and planning time (-1 where unknown). */
  private record Run(ResultRows answer, long planningNanos) {}

  @FunctionalInterface
  private interface QueryRunner {
    Run run() throws Exception;
  }

  private static Run runOnQuiver(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      long planning = result.planningNanos();
      return new Run(ResultRows.read(result), planning);
    }
  }

  private static Run runOnDuckDb(Connection duckDb, String sql) throws SQLException {
    return new Run(ResultRows.query(duckDb, sql), -1);
  }

  /** The warm-up runs, then the timed runs; each answer checked against {@code reference}. */
  private EngineTiming measure(Optional<ResultRows> reference, QueryRunner runner) {
    List<Double> runs = new ArrayList<>();
    List<Double> planning = new ArrayList<>();
    long rows = -1;
    String difference = null;
    int warmups = options.warmups();
    for (int run = 0; run < warmups + options.runs(); run++) {
      Run result;
      long start = System.nanoTime();
      try {
        result = runner.run();
      } catch (Exception | StackOverflowError e) {
        return new EngineTiming(runs, planning, rows, QueryOutcome.FAILED, String.valueOf(e.getMessage()));
      }
      double millis = millisSince(start);
      if (run >= warmups) {
        runs.add(millis);
        if (result.planningNanos() >= 0) {
          planning.add(result.planningNanos() / 1e6);
        }
      }
      rows = result.answer().rows().size();
      if (difference == null && reference.isPresent()) {
        List<String> differences = AnswerComparison.differences(reference.get(), result.answer());
        if (!differences.isEmpty()) {
          difference = String.join("; ", differences.subList(0, Math.min(3, differences.size())))
              + (differences.size() > 3 ? "; ... " + (differences.size() - 3) + " more" : "");
        }
      }
    }
    QueryOutcome outcome = reference.isEmpty() ? QueryOutcome.UNCHECKED
        : difference == null ? QueryOutcome.CORRECT : QueryOutcome.WRONG;
    return new EngineTiming(runs, planning, rows, outcome, difference);
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
