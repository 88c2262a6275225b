package io.quiver.engine.sql;

import static io.quiver.engine.connector.memory.SqlRows.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.event.JobEnded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joins of every type over TPC-H tiny give the same rows under a query memory limit far below their
 * build sides (so that the joins spill, as grace hash joins) as without one, and leave no spill file.
 */
class JoinSpillTest {

  private static final List<String> QUERIES = List.of(
      // inner, an aggregate on top
      "SELECT o_orderpriority, count(*), sum(l_extendedprice) FROM tpch.tiny.lineitem JOIN tpch.tiny.orders"
          + " ON l_orderkey = o_orderkey GROUP BY o_orderpriority",
      // outer joins: customers without orders, orders of a third of the customers
      "SELECT c_custkey, o_orderkey, o_totalprice FROM tpch.tiny.customer LEFT JOIN tpch.tiny.orders"
          + " ON c_custkey = o_custkey AND o_orderstatus = 'F'",
      "SELECT count(*), count(c_custkey), count(o_orderkey), sum(o_totalprice) FROM tpch.tiny.customer FULL JOIN"
          + " (SELECT * FROM tpch.tiny.orders WHERE o_custkey % 3 = 0) AS o ON c_custkey = o_custkey",
      // semi and anti joins, on a composite key with a residual condition too
      "SELECT o_orderkey, o_orderdate FROM tpch.tiny.orders WHERE o_orderkey IN"
          + " (SELECT l_orderkey FROM tpch.tiny.lineitem WHERE l_quantity > 45)",
      "SELECT o_orderkey FROM tpch.tiny.orders WHERE NOT EXISTS (SELECT 1 FROM tpch.tiny.lineitem"
          + " WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate)",
      "SELECT l_orderkey, l_linenumber FROM tpch.tiny.lineitem l1 WHERE EXISTS (SELECT 1 FROM tpch.tiny.lineitem l2"
          + " WHERE l2.l_orderkey = l1.l_orderkey AND l2.l_suppkey <> l1.l_suppkey)",
      // NOT IN: without NULLs, and with one NULL that empties the result
      "SELECT o_orderkey FROM tpch.tiny.orders WHERE o_custkey NOT IN"
          + " (SELECT c_custkey FROM tpch.tiny.customer WHERE c_nationkey < 20)",
      "SELECT count(*) FROM tpch.tiny.orders WHERE o_custkey NOT IN"
          + " (SELECT CASE WHEN c_custkey = 7 THEN NULL ELSE c_custkey END FROM tpch.tiny.customer)");

  @Test
  void joinsGiveTheSameRowsWhenTheySpill(@TempDir Path spill) throws IOException {
    QuiverConfig config = QuiverConfig.defaults().withSlots(2).withShufflePartitions(2).withBatchSize(512)
        .withSpillDirectory(spill);
    AtomicLong spilledFiles = new AtomicLong();
    List<String> spilling = new java.util.ArrayList<>();
    try (LocalQuiver quiver = new LocalQuiver(config); Session session = quiver.openSession()) {
      quiver.events().subscribe(event -> {
        if (event instanceof JobEnded job) {
          spilledFiles.addAndGet(job.stats().spillFiles());
        }
      });
      for (String sql : QUERIES) {
        update(session, "RESET memory_limit");
        List<List<String>> inMemory = ResultText.sorted(ResultText.rows(session, sql));
        assertFalse(inMemory.isEmpty(), sql);
        assertEquals(0, spilledFiles.get(), "spilled without a limit: " + sql);
        update(session, "SET memory_limit = '512kB'");
        assertEquals(inMemory, ResultText.sorted(ResultText.rows(session, sql)), sql);
        if (spilledFiles.get() > 0) {
          spilling.add(sql);
        }
        spilledFiles.set(0);
        assertEquals(0, regularFiles(spill), "spill files left after " + sql);
      }
    }
    assertTrue(spilling.size() >= QUERIES.size() / 2, "only these spilled: " + spilling);
  }

  private static long regularFiles(Path parent) throws IOException {
    try (Stream<Path> files = Files.walk(parent)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
