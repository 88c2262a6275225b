package io.quiver.tpch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsAreSf1AllQueriesThreeRunsOneSlotPerCore() {
    BenchOptions options = BenchOptions.parse(new String[] {"tpch"});
    assertEquals(1.0, options.scaleFactor());
    assertEquals(IntStream.rangeClosed(1, 22).boxed().collect(Collectors.toList()), options.queries());
    assertEquals(3, options.runs());
    assertEquals(1, options.warmups());
    assertEquals(Runtime.getRuntime().availableProcessors(), options.slots());
    assertFalse(options.compareDuckDb());
    assertEquals(Path.of("bench-tpch-sf1.json"), options.output());
    assertFalse(options.csvOutput());
    assertEquals("sf1", options.schema());
    assertEquals(BenchOptions.defaultMemoryLimit(), options.memoryLimitBytes());
    assertTrue(options.memoryLimitBytes() > 0 && options.memoryLimitBytes() < Runtime.getRuntime().maxMemory());
  }

  @Test
  void everyOptionIsRead() {
    BenchOptions options = BenchOptions.parse(new String[] {"tpch", "--sf", "0.01", "--queries", "1,3,6", "--runs", "5",
        "--slots", "4", "--compare", "duckdb", "--output", "out/results.CSV", "--memory-limit", "12", "--warmups", "0"});
    assertEquals(0, options.warmups());
    assertEquals(12L << 30, options.memoryLimitBytes());
    assertEquals(0.01, options.scaleFactor());
    assertEquals("tiny", options.schema());
    assertEquals(List.of(1, 3, 6), options.queries());
    assertEquals(5, options.runs());
    assertEquals(4, options.slots());
    assertTrue(options.compareDuckDb());
    assertEquals(Path.of("out/results.CSV"), options.output());
    assertTrue(options.csvOutput());
  }

  @Test
  void formatIsMemoryByDefaultOrParquet() {
    assertEquals("memory", BenchOptions.parse(new String[] {"tpch"}).format());
    assertTrue(BenchOptions.parse(new String[] {"tpch", "--format", "Parquet"}).parquet());
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(new String[] {"tpch", "--format", "orc"}));
    assertTrue(wrong.getMessage().contains("expected memory or parquet"), wrong.getMessage());
  }

  @Test
  void warmupsMustBeAWholeNumberNotBelowZero() {
    assertEquals(2, BenchOptions.parse(new String[] {"tpch", "--warmups", "2"}).warmups());
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"tpch", "--warmups", "-1"}));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"tpch", "--warmups", "x"}));
  }

  @Test
  void optionsMayUseEqualsSigns() {
    BenchOptions options = BenchOptions.parse(new String[] {"tpch", "--sf=10", "--queries=22", "--compare=DuckDB"});
    assertEquals(10.0, options.scaleFactor());
    assertEquals("sf10", options.schema());
    assertEquals(List.of(22), options.queries());
    assertTrue(options.compareDuckDb());
    assertEquals(Path.of("bench-tpch-sf10.json"), options.output());
  }

  @Test
  void tpcdsRunsItsNinetyNineQueriesWithATimeLimit() {
    BenchOptions options = BenchOptions.parse(new String[] {"tpcds", "--sf", "0.01", "--timeout", "30"});
    assertEquals("tpcds", options.suite().name());
    assertEquals(99, options.queries().size());
    assertEquals(List.of(97, 98, 99), BenchOptions.queries(options.suite(), "97-99"));
    assertEquals("tiny", options.schema());
    assertEquals(30, options.timeoutSeconds());
    assertEquals(Path.of("bench-tpcds-sf0.01.json"), options.output());
    assertEquals(BenchOptions.DEFAULT_TIMEOUT_SECONDS, BenchOptions.parse(new String[] {"tpcds"}).timeoutSeconds());
    assertEquals(0, BenchOptions.parse(new String[] {"tpcds", "--timeout", "0"}).timeoutSeconds());
    assertEquals(1.0, BenchOptions.parse(new String[] {"tpcds"}).scaleFactor());
  }

  @Test
  void queryListsMixRangesAndNumbersInTheOrderGiven() {
    assertEquals(List.of(1, 2, 3, 4, 5, 9), BenchOptions.queries(new TpchSuite(), "1-5,9"));
    assertEquals(List.of(9, 1, 2), BenchOptions.queries(new TpchSuite(), "9, 1-2"));
    assertEquals(List.of(22), BenchOptions.queries(new TpchSuite(), "22-22"));
  }

  @Test
  void wrongUsageIsRefusedWithAMessageThatNamesIt() {
    assertEquals("missing the benchmark: expected tpch or tpcds", error());
    assertEquals("unknown benchmark 'tpc-ds': expected tpch or tpcds", error("tpc-ds"));
    assertEquals("--sf 0.1 is not available: the catalogs have schemas tiny (0.01), sf1 and sf10 only",
        error("tpch", "--sf", "0.1"));
    assertEquals("--queries 100: there is no query 100 (TPC-DS has 1 to 99)", error("tpcds", "--queries", "100"));
    assertEquals("--timeout -5: must be at least 1", error("tpcds", "--timeout", "-5"));
    assertEquals("--sf 100: expected 0.01, 1 or 10", error("tpch", "--sf", "100"));
    assertEquals("--sf abc: expected 0.01, 1 or 10", error("tpch", "--sf", "abc"));
    assertEquals("--queries 0-3: there is no query 0 (TPC-H has 1 to 22)", error("tpch", "--queries", "0-3"));
    assertEquals("--queries 23: there is no query 23 (TPC-H has 1 to 22)", error("tpch", "--queries", "23"));
    assertEquals("--queries 5-3: the range 5-3 is empty", error("tpch", "--queries", "5-3"));
    assertEquals("--queries 1,,3: an empty item", error("tpch", "--queries", "1,,3"));
    assertEquals("--queries 1,x: 'x' is not a query number", error("tpch", "--queries", "1,x"));
    assertEquals("--queries 1-3,2: query 2 is listed twice", error("tpch", "--queries", "1-3,2"));
    assertEquals("--runs 0: must be at least 1", error("tpch", "--runs", "0"));
    assertEquals("--runs three: not a whole number", error("tpch", "--runs", "three"));
    assertEquals("--slots -2: must be at least 1", error("tpch", "--slots", "-2"));
    assertEquals("--memory-limit 0: must be at least 1", error("tpch", "--memory-limit", "0"));
    assertEquals("--compare spark: the only engine to compare with is duckdb", error("tpch", "--compare", "spark"));
    assertEquals("--output results.txt: the file must end in .json or .csv", error("tpch", "--output", "results.txt"));
    assertEquals("option --runs needs a value", error("tpch", "--runs"));
    assertEquals("option --sf given twice", error("tpch", "--sf", "1", "--sf", "10"));
    assertEquals("unknown option --scale", error("tpch", "--scale", "1"));
    assertEquals("unexpected argument 'fast': options start with --", error("tpch", "fast"));
  }

  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(args)).getMessage();
  }
}
