package io.quiver.tpch.bench;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.event.JobEnded;
import io.quiver.exec.metrics.TaskStats;
import io.quiver.tpch.AnswerComparison;
import io.quiver.tpch.DuckDbReference;
import io.quiver.tpch.ResultRows;
import io.quiver.tpch.ParquetLoader;
import java.nio.file.Path;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a benchmark suite (TPC-H or TPC-DS, {@link BenchSuite}) on Quiver, and on DuckDB beside it
 * with {@code --compare duckdb}, in this process.
 *
 * <p>Quiver: one local engine with the given slots loads every table once into its memory catalog
 * ({@code CREATE TABLE memory.<suite>_<schema>.<table> AS SELECT * FROM <suite>.<schema>.<table>})
 * and the session's schema is set there, so the queries read memory tables. From SF10 on the tables
 * stay in the generating catalog instead (generated as they are read; TPC-H's generated columns are
 * cached on the heap up to {@code -Dquiver.tpch.cacheBytes}): SF10's memory tables would not fit.
 * DuckDB: an in-memory database gets the same rows through its Appender (the suite says how), with
 * {@code SET threads} to the same number.
 * Then query by query: the warm-up runs (one by default) and N timed runs on Quiver, then the same on DuckDB (so both
 * see the same load of a shared machine). A run's wall time goes from submitting the SQL to having
 * read every row into Java values. Every answer is checked against the reference answer of the
 * scale factor, where one is checked in; where none is and DuckDB runs beside, against DuckDB's
 * answer of the same run (the report says which). A run that takes longer than the time limit is cancelled
 * and the query counts as failed (timed out); no query is left out of the report.
 *
 * <p>With {@code --format parquet} both engines read the same Parquet files instead: written once
 * under {@code bench-data/} by Quiver, opened as Quiver file tables, and as DuckDB views over
 * {@code read_parquet}.
 */
public final class BenchRunner {

  private final BenchOptions options;
  private final BenchSuite suite;
  private final PrintStream progress;

  /**
   * @param progress where progress lines go while the benchmark runs
   */
  public BenchRunner(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.suite = options.suite();
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
         Connection duckDb = options.compareDuckDb() ? DuckDbReference.open() : null) {
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
        progress.printf("Quiver: SF%s is read from the %s catalog (generated as read), not loaded into memory%n",
            BenchOptions.scaleText(options.scaleFactor()), suite.name());
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
        duckDbLoad = loadDuckDb(duckDb, session);
        progress.printf("DuckDB %s: loaded SF%s in %.1f s (threads=%d)%n", duckDbVersion,
            BenchOptions.scaleText(options.scaleFactor()), duckDbLoad / 1000, slots);
      }
      List<QueryMeasurement> measurements = new ArrayList<>();
      for (int number : options.queries()) {
        String sql = suite.queryText(number, options.scaleFactor());
        Optional<ResultRows> reference = suite.referenceAnswer(options.scaleFactor(), number);
        String duckDbSql = suite.duckDbQueryText(number, options.scaleFactor());
        EngineTiming quiverTiming;
        EngineTiming duckDbTiming = null;
        if (reference.isEmpty() && duckDb != null) {
          // No checked-in answer at this scale factor: DuckDB's answer over the same rows is the
          // reference of this run (DuckDB runs first, then Quiver is checked against it).
          Measured duckDbRun = measure(reference, () -> runOnDuckDb(duckDb, duckDbSql));
          duckDbTiming = duckDbRun.timing();
          reference = Optional.ofNullable(duckDbRun.firstAnswer());
          quiverTiming = measure(reference, () -> runOnQuiver(session, sql)).timing();
        } else {
          quiverTiming = measure(reference, () -> runOnQuiver(session, sql)).timing();
          if (duckDb != null) {
            duckDbTiming = measure(reference, () -> runOnDuckDb(duckDb, duckDbSql)).timing();
          }
        }
        QueryMeasurement measurement = new QueryMeasurement(number, quiverTiming, duckDbTiming);
        measurements.add(measurement);
        progress.println(BenchReport.progressLine(measurement));
      }
      return new BenchResult(options, started, quiverLoad, tableBytes, duckDbLoad, duckDbVersion, measurements,
          heap.peakBytes(), quiver.peakAllocatedBytes(), Runtime.getRuntime().availableProcessors(),
          total.get().spillBytes(), total.get().spillFiles());
    }
  }

  /** The memory schema the tables are loaded into, e.g. {@code tpch_sf1} or {@code tpcds_tiny}. */
  String memorySchema() {
    return suite.name() + "_" + options.schema();
  }

  /** True where the queries read the generating catalog instead of memory tables (SF10 and up). */
  boolean readsGeneratedTables() {
    return suite.readsGeneratedTables(options.scaleFactor());
  }

  private double loadQuiver(Session session) {
    if (readsGeneratedTables()) {
      session.setSchema(suite.name() + "." + options.schema());
      return 0;
    }
    long start = System.nanoTime();
    String schema = "memory." + memorySchema();
    execute(session, "CREATE SCHEMA " + schema);
    for (String table : suite.tables()) {
      execute(session, "CREATE TABLE " + schema + "." + table + " AS SELECT * FROM " + suite.name() + "."
          + options.schema() + "." + table);
    }
    session.setSchema(schema);
    return millisSince(start);
  }

  /** Where {@code --format parquet} keeps the tables: under the working directory, Quiver's data directory. */
  Path parquetDirectory() {
    return Path.of("bench-data", suite.name() + "-" + options.schema() + "-parquet");
  }

  /** Writes the Parquet files the first time, then opens them as file tables and sets the schema. */
  private double loadParquet(LocalQuiver quiver, Session session) {
    long start = System.nanoTime();
    List<String> written = ParquetLoader.writeMissing(session, suite.name(), options.schema(), suite.tables(),
        parquetDirectory());
    if (!written.isEmpty()) {
      progress.printf("Quiver: wrote %s as Parquet in %.1f s%n", written, millisSince(start) / 1000);
    }
    String schema = suite.name() + "_" + options.schema() + "_parquet";
    ParquetLoader.register(session, schema, suite.tables(), parquetDirectory());
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

  private double loadDuckDb(Connection duckDb, Session quiverSession) throws SQLException {
    try (Statement statement = duckDb.createStatement()) {
      statement.execute("SET threads = " + options.slots());
    }
    long start = System.nanoTime();
    if (options.parquet()) {
      ParquetLoader.registerInDuckDb(duckDb, suite.tables(), parquetDirectory());
    } else {
      suite.loadDuckDb(duckDb, options.scaleFactor(), quiverSession);
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

  /** Runs {@code sql}; after the time limit a watchdog cancels it, and the run fails as timed out. */
  private Run runOnQuiver(Session session, String sql) {
    try (QueryResult result = session.execute(sql);
         Watchdog watchdog = new Watchdog(options.timeoutSeconds(), result::cancel)) {
      long planning = result.planningNanos();
      try {
        return new Run(ResultRows.read(result), planning);
      } catch (RuntimeException e) {
        throw watchdog.fired() ? new TimedOut(options.timeoutSeconds()) : e;
      }
    }
  }

  private Run runOnDuckDb(Connection duckDb, String sql) throws SQLException {
    try (Statement statement = duckDb.createStatement();
         Watchdog watchdog = new Watchdog(options.timeoutSeconds(), () -> {
           try {
             statement.cancel();
           } catch (SQLException e) {
             // The query ends by itself then.
           }
         })) {
      try {
        return new Run(ResultRows.query(statement, sql), -1);
      } catch (SQLException e) {
        if (watchdog.fired()) {
          throw new TimedOut(options.timeoutSeconds());
        }
        throw e;
      }
    }
  }

  /** A run cancelled at the time limit. */
  static final class TimedOut extends RuntimeException {
    TimedOut(int seconds) {
      super("timed out after " + seconds + " s (cancelled)");
    }
  }

  /** The warm-up runs, then the timed runs; each answer checked against {@code reference}. */
  /** An engine's timing and its first answer (null when it failed). */
  private record Measured(EngineTiming timing, ResultRows firstAnswer) {}

  private Measured measure(Optional<ResultRows> reference, QueryRunner runner) {
    ResultRows firstAnswer = null;
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
        return new Measured(new EngineTiming(runs, planning, rows, QueryOutcome.FAILED,
            firstLine(String.valueOf(e.getMessage()))), null);
      }
      if (firstAnswer == null) {
        firstAnswer = result.answer();
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
    return new Measured(new EngineTiming(runs, planning, rows, outcome, difference), firstAnswer);
  }

  /** The first line of an error message (planner errors can carry whole plans). */
  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
