package io.quiver.engine.memory;

import io.quiver.engine.Quiver;
import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.executor.TaskInvoker;
import io.quiver.engine.driver.StatementPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The queries that need more memory than a small JVM has, run in a JVM of their own by
 * {@link SmallHeapQueriesTest} (and by hand at SF1 as a benchmark): an ORDER BY of all of
 * lineitem, a GROUP BY with a group per lineitem row, a lineitem-orders join, then one more query.
 * Prints one line per query ({@code ok <name> rows=<n> millis=<t> spilled=<bytes>}) and exits 0 when
 * all succeeded and the ORDER BY came out in order.
 *
 * <p>Arguments: the TPC-H schema ({@code tpch.sf1}), the engine's memory limit in bytes (0 for the
 * default, half the heap), the spill directory, optionally the batch size in rows (0 for the
 * default), and optionally the names of the queries to run, comma-separated (default: all).
 */
public final class SmallHeapQueries {

  /** Bytes the operators of every task so far spilled (read from each task's metrics as it ends). */
  private static final AtomicLong SPILLED = new AtomicLong();

  private SmallHeapQueries() {
  }

  public static void main(String[] args) {
    String schema = args[0];
    long memory = Long.parseLong(args[1]);
    Path spill = Path.of(args[2]);
    QuiverConfig defaults = QuiverConfig.defaults();
    int batchSize = args.length > 3 && Integer.parseInt(args[3]) > 0 ? Integer.parseInt(args[3]) : defaults.batchSize();
    List<String> only = args.length > 4 ? List.of(args[4].split(",")) : null;
    QuiverConfig config = new QuiverConfig(defaults.slots(), defaults.shufflePartitions(), batchSize,
        memory == 0 ? defaults.memoryLimitBytes() : memory).withSpillDirectory(spill);
    TaskInvoker counting = (fragment, context) -> {
      try {
        return TaskInvoker.TASK_RUNNER.invoke(fragment, context);
      } finally {
        SPILLED.addAndGet(context.metrics().spilledBytes());
      }
    };
    try (Quiver quiver = new LocalQuiver(config, StatementPlanner.Factory.QUERY_PLANNER, counting);
        Session session = quiver.openSession()) {
      run(session, only, "order-by", "SELECT l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice,"
          + " l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct,"
          + " l_shipmode, l_comment FROM " + schema + ".lineitem ORDER BY l_comment, l_orderkey, l_linenumber", 15);
      run(session, only, "group-by", "SELECT l_orderkey, l_linenumber, sum(l_quantity), count(*), avg(l_extendedprice),"
          + " max(l_comment), min(l_shipinstruct), max(l_shipdate) FROM " + schema + ".lineitem"
          + " GROUP BY l_orderkey, l_linenumber", -1);
      run(session, only, "join", "SELECT o_orderpriority, count(*), sum(l_extendedprice) FROM " + schema + ".lineitem JOIN "
          + schema + ".orders ON l_orderkey = o_orderkey GROUP BY o_orderpriority", -1);
      run(session, only, "next", "SELECT count(*) FROM " + schema + ".nation", -1);
    }
    System.out.println("done");
  }

  /** Runs a query, reading every row; checks that column {@code sortedColumn} (if not -1) never decreases. */
  private static void run(Session session, List<String> only, String name, String sql, int sortedColumn) {
    if (only != null && !only.contains(name)) {
      return;
    }
    long start = System.nanoTime();
    long spilledBefore = SPILLED.get();
    long rows = 0;
    String previous = null;
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        int count = result.root().getRowCount();
        rows += count;
        if (sortedColumn >= 0) {
          FieldVector vector = result.root().getVector(sortedColumn);
          for (int i = 0; i < count; i++) {
            String value = vector.isNull(i) ? null : new String(((VarCharVector) vector).get(i),
                java.nio.charset.StandardCharsets.UTF_8);
            if (previous != null && value != null && previous.compareTo(value) > 0) {
              throw new IllegalStateException(name + ": row " + (rows - count + i) + " is out of order");
            }
            previous = value;
          }
        }
      }
    }
    System.out.println("ok " + name + " rows=" + rows + " millis=" + (System.nanoTime() - start) / 1_000_000
        + " spilled=" + (SPILLED.get() - spilledBefore) + " ");
  }
}
