package io.quiver.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.event.JobEnded;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * A query's answer does not depend on whether its shuffle output stays in memory or is spilled to
 * disk: with a shuffle memory budget of 0 every map output goes through an Arrow IPC file, with
 * {@link Long#MAX_VALUE} none does, and the rows that come out are the same. Spill files are gone
 * once the query's job ends and once the engine closes.
 */
class ShuffleSpillProperties {

  /** One input row: a join and group key and a value, each possibly NULL. */
  record Row(Integer key, BigDecimal value, String text) {
  }

  @Property(tries = 10)
  void joinsAndAggregatesGiveTheSameRowsWhetherOrNotTheShuffleSpills(
      @ForAll("rows") @Size(min = 0, max = 50) List<Row> left,
      @ForAll("rows") @Size(min = 0, max = 50) List<Row> right,
      @ForAll @IntRange(min = 1, max = 3) int slots,
      @ForAll @IntRange(min = 1, max = 5) int shufflePartitions,
      @ForAll @IntRange(min = 1, max = 20) int batchSize) throws IOException {
    String sql = "SELECT l.k, count(*), sum(l.v), max(r.t), min(r.v) FROM " + valuesTable(left) + " AS l JOIN "
        + valuesTable(right) + " AS r ON l.k = r.k GROUP BY l.k";
    QuiverConfig config = QuiverConfig.defaults().withSlots(slots).withShufflePartitions(shufflePartitions)
        .withBatchSize(batchSize);
    assertEquals(ResultText.sorted(runOnce(config.withShuffleMemoryBytes(Long.MAX_VALUE), sql, false, false)),
        ResultText.sorted(runOnce(config, sql, true, false)), "config " + config);
  }

  @Test
  void tpchQueriesGiveTheSameRowsWhetherOrNotTheShuffleSpills() throws IOException {
    QuiverConfig config = QuiverConfig.defaults().withSlots(2).withShufflePartitions(3);
    List<String> queries = List.of(
        // partitioned joins, an aggregate on top, a sort
        "SELECT o_orderpriority, count(*), sum(l_extendedprice) FROM tpch.tiny.orders JOIN tpch.tiny.lineitem "
            + "ON o_orderkey = l_orderkey WHERE l_shipdate > DATE '1995-01-01' GROUP BY o_orderpriority "
            + "ORDER BY o_orderpriority",
        // TPC-H Q18's shape: a semi join on an aggregate, three tables
        "SELECT c_name, o_orderkey, sum(l_quantity) FROM tpch.tiny.customer, tpch.tiny.orders, tpch.tiny.lineitem "
            + "WHERE o_orderkey IN (SELECT l_orderkey FROM tpch.tiny.lineitem GROUP BY l_orderkey "
            + "HAVING sum(l_quantity) > 250) AND c_custkey = o_custkey AND o_orderkey = l_orderkey "
            + "GROUP BY c_name, o_orderkey ORDER BY o_orderkey",
        // text, dates and count(DISTINCT) through the shuffle
        "SELECT n_name, count(DISTINCT s_suppkey), min(s_phone), max(s_comment) FROM tpch.tiny.supplier "
            + "JOIN tpch.tiny.nation ON s_nationkey = n_nationkey GROUP BY n_name ORDER BY n_name");
    for (String sql : queries) {
      List<List<String>> inMemory = runOnce(config.withShuffleMemoryBytes(Long.MAX_VALUE), sql, false, false);
      assertFalse(inMemory.isEmpty(), sql);
      assertEquals(inMemory, runOnce(config, sql, true, true), sql);
    }
  }

  /**
   * Runs {@code sql} on a fresh engine; with {@code spill} every map output is spilled (budget 0) to
   * a directory that must hold no file after the query and nothing after the engine closes; with
   * {@code requireSpill} something must have spilled (a plan over tiny inputs may have no exchange).
   */
  private static List<List<String>> runOnce(QuiverConfig config, String sql, boolean spill, boolean requireSpill)
      throws IOException {
    Path parent = Files.createTempDirectory("quiver-spill-property-");
    try {
      QuiverConfig used = spill ? config.withShuffleMemoryBytes(0).withSpillDirectory(parent) : config;
      List<List<String>> rows;
      try (LocalQuiver quiver = new LocalQuiver(used); Session session = quiver.openSession()) {
        AtomicLong spillFiles = new AtomicLong();
        quiver.events().subscribe(event -> {
          if (event instanceof JobEnded job) {
            spillFiles.addAndGet(job.stats().spillFiles());
          }
        });
        rows = ResultText.rows(session, sql);
        if (spill) {
          assertTrue(spillFiles.get() > 0 || !requireSpill, "nothing spilled with a budget of 0: " + sql);
          assertEquals(0, regularFiles(parent), "spill files left after the query's job ended");
        } else {
          assertEquals(0, spillFiles.get(), "the jobs' events report no spill");
        }
      }
      try (Stream<Path> left = Files.list(parent)) {
        assertEquals(List.of(), left.toList(), "the engine's spill directory is left after close");
      }
      return rows;
    } finally {
      Files.deleteIfExists(parent);
    }
  }

  private static long regularFiles(Path parent) throws IOException {
    try (Stream<Path> files = Files.walk(parent)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Integer> keys = Arbitraries.integers().between(-3, 5).injectNull(0.1);
    Arbitrary<BigDecimal> values = Arbitraries.bigDecimals().between(new BigDecimal("-999.99"), new BigDecimal("999.99"))
        .ofScale(2).injectNull(0.2);
    Arbitrary<String> texts = Arbitraries.strings().withChars("abcé'").ofMaxLength(6).injectNull(0.2);
    return Combinators.combine(keys, values, texts).as(Row::new).list();
  }

  /** The rows as an inline table with typed columns; a dummy first row keeps the types when all are NULL. */
  private static String valuesTable(List<Row> rows) {
    StringBuilder sql = new StringBuilder("(SELECT k, v, t FROM (VALUES (CAST(NULL AS INTEGER), "
        + "CAST(NULL AS DECIMAL(7, 2)), CAST(NULL AS VARCHAR(6)), 0)");
    for (Row row : rows) {
      sql.append(", (").append(row.key() == null ? "CAST(NULL AS INTEGER)" : "CAST(" + row.key() + " AS INTEGER)")
          .append(", ").append(row.value() == null ? "CAST(NULL AS DECIMAL(7, 2))"
              : "CAST(" + row.value().toPlainString() + " AS DECIMAL(7, 2))")
          .append(", ").append(row.text() == null ? "CAST(NULL AS VARCHAR(6))"
              : "CAST('" + row.text().replace("'", "''") + "' AS VARCHAR(6))")
          .append(", 1)");
    }
    return sql.append(") AS input(k, v, t, real_row) WHERE real_row = 1)").toString();
  }

}
