package io.quiver.benchmarks;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.tpch.ParquetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scans of lineitem (TPC-H SF0.01 loaded ten times over: 600K rows) as a memory table and as a
 * Parquet file table, through the whole engine with 2 slots: a query whose cost is the scan of four
 * columns and a trivial aggregate (planning included, a few milliseconds). Milliseconds per query.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
@State(Scope.Benchmark)
public class ScanBenchmark {

  private static final int COPIES = 10;

  @Param({"memory", "parquet"})
  public String format;

  private LocalQuiver quiver;
  private Session session;
  private Path directory;

  @Setup(Level.Trial)
  public void load() throws IOException {
    directory = Files.createTempDirectory("quiver-scan-bench");
    QuiverConfig defaults = QuiverConfig.defaults();
    quiver = new LocalQuiver(new QuiverConfig(2, 4, defaults.batchSize(), defaults.memoryLimitBytes())
        .withDataDirectories(List.of(directory)));
    session = quiver.openSession();
    run("CREATE SCHEMA memory.bench");
    run("CREATE TABLE memory.bench.lineitem AS SELECT * FROM tpch.tiny.lineitem");
    for (int copy = 1; copy < COPIES; copy++) {
      run("INSERT INTO memory.bench.lineitem SELECT * FROM tpch.tiny.lineitem");
    }
    if (format.equals("parquet")) {
      ParquetLoader.writeMissing(session, "memory", "bench", List.of("lineitem"), directory);
      ParquetLoader.register(session, "bench_parquet", List.of("lineitem"), directory);
      session.setSchema("memory.bench_parquet");
    } else {
      session.setSchema("memory.bench");
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    session.close();
    quiver.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Benchmark
  public long scan() {
    return run("SELECT sum(l_quantity), sum(l_extendedprice), min(l_shipdate), max(l_orderkey) FROM lineitem");
  }

  private long run(String sql) {
    long rows = 0;
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        rows += result.root().getRowCount();
      }
    }
    return rows;
  }
}
