package io.quiver.engine.connector.memory;

import static io.quiver.engine.connector.memory.SqlRows.rows;
import static io.quiver.engine.connector.memory.SqlRows.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures loading TPC-H lineitem into a memory table and reading it back, against generating it.
 * Runs only when asked (it prints timings and asserts none):
 *
 * <pre>
 * ./mvnw -o -q -B -pl engine -am verify -Dtest=MemoryTableLoadBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dquiver.bench=true -Dquiver.bench.schema=sf1 -Dquiver.tpch.cacheBytes=0 -Dquiver.test.jvm.extra=-Xmx12g
 * </pre>
 *
 * {@code quiver.tpch.cacheBytes=0} turns the tpch connector's cache off, so that every scan of
 * tpch generates its rows (the cost the memory table saves).
 */
@EnabledIfSystemProperty(named = "quiver.bench", matches = "true")
class MemoryTableLoadBenchmarkTest {

  private static final int RUNS = 3;

  @Test
  void loadAndReadLineitem() {
    String schema = System.getProperty("quiver.bench.schema", "sf1");
    String source = "tpch." + schema + ".lineitem";
    String aggregate = "SELECT count(*), sum(l_quantity), sum(l_extendedprice * (1 - l_discount)), max(l_shipdate), "
        + "min(l_comment) FROM %s";
    String scanOnly = "SELECT count(*) FROM %s";
    try (LocalQuiver quiver = (LocalQuiver) Quiver.local(QuiverConfig.defaults());
        Session session = quiver.openSession()) {
      log("slots %d, batch %d rows, %s", quiver.config().slots(), quiver.config().batchSize(), source);
      long[] created = new long[1];
      List<Long> scan = time(() -> rows(session, String.format(scanOnly, source)).size());
      List<Long> generateAggregate = time(() -> rows(session, String.format(aggregate, source)).size());
      List<Long> streamAll = time(() -> drain(session, "SELECT * FROM " + source));
      List<Long> load = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        update(session, "DROP TABLE IF EXISTS memory.default.lineitem");
        long start = System.nanoTime();
        created[0] = update(session, "CREATE TABLE memory.default.lineitem AS SELECT * FROM " + source);
        load.add(System.nanoTime() - start);
      }
      MemoryTable table = quiver.memoryConnector().table("default", "lineitem").orElseThrow();
      List<Long> readScan = time(() -> rows(session, String.format(scanOnly, "memory.default.lineitem")).size());
      List<Long> readAggregate = time(() -> rows(session, String.format(aggregate, "memory.default.lineitem")).size());
      assertEquals(rows(session, String.format(aggregate, source)),
          rows(session, String.format(aggregate, "memory.default.lineitem")));
      log("rows %,d in %d partitions, %,d MB of data, %,d MB allocated", created[0], table.splitCount(),
          table.bytes() >> 20, quiver.memoryConnector().allocatedBytes() >> 20);
      report("scan tpch (count(*), generates)", scan);
      report("aggregate over tpch (generates)", generateAggregate);
      report("SELECT * from tpch to a client (generates)", streamAll);
      report("CREATE TABLE AS SELECT * (generates + stores)", load);
      report("scan memory table (count(*))", readScan);
      report("aggregate over memory table", readAggregate);
      update(session, "DROP TABLE memory.default.lineitem");
    }
  }

  /** Rows of a query, read by a client that looks at nothing else. */
  private static long drain(Session session, String sql) {
    long rows = 0;
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        rows += result.root().getRowCount();
      }
    }
    return rows;
  }

  private static List<Long> time(LongSupplier query) {
    List<Long> nanos = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      query.getAsLong();
      nanos.add(System.nanoTime() - start);
    }
    return nanos;
  }

  private static void report(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    log("%-48s runs(ms) %s  median %,d ms", what,
        nanos.stream().map(n -> Long.toString(n / 1_000_000)).toList(), sorted.get(sorted.size() / 2) / 1_000_000);
  }

  private static void log(String format, Object... arguments) {
    System.out.println("[memory-bench] " + String.format(Locale.ROOT, format, arguments));
  }
}
