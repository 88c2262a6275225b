package io.quiver.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Readers scanning a memory table while writers UPDATE, DELETE and INSERT into it see whole
 * versions only. Every version of the table holds, for one or two consecutive generations g, all
 * {@value #ROWS} ids each, with one balance on every row: an UPDATE changes every row's balance,
 * an INSERT copies the newest generation as the next one, a DELETE drops the oldest. A reader that
 * saw part of a change would count rows that are not a multiple of the generation's size or see
 * two balances. Readers may be told to run again (40001) when a table changed twice between their
 * planning and their scan; they never see a mix.
 */
class RowChangeConcurrencyTest {

  private static final int ROWS = 300;
  private static final int WRITES = 12;

  @Test
  void readersSeeWholeVersionsWhileWritersChangeRows() throws Exception {
    try (Quiver quiver = Quiver.local(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3));
         Session setup = quiver.openSession()) {
      run(setup, "CREATE TABLE memory.default.versions AS SELECT CAST(n AS INTEGER) AS id, 0 AS g, 0 AS bal "
          + "FROM (SELECT o_orderkey AS n FROM tpch.tiny.orders ORDER BY o_orderkey LIMIT " + ROWS + ") AS keys");
      AtomicBoolean writing = new AtomicBoolean(true);
      ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger reads = new AtomicInteger();
      AtomicInteger retries = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        threads.add(new Thread(() -> {
          try (Session session = quiver.openSession()) {
            while (writing.get()) {
              try {
                List<String> row = ResultText.rows(session, "SELECT count(*), min(g), max(g), min(bal), max(bal) "
                    + "FROM memory.default.versions").get(0);
                long count = Long.parseLong(row.get(0));
                int generations = Integer.parseInt(row.get(2)) - Integer.parseInt(row.get(1)) + 1;
                if (count != (long) ROWS * generations || generations > 2 || !row.get(3).equals(row.get(4))) {
                  wrong.add(row.toString());
                }
                reads.incrementAndGet();
              } catch (QuiverException e) {
                if (!e.errorCode().sqlState().equals("40001")) {
                  throw e;
                }
                retries.incrementAndGet();
              }
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }));
      }
      Thread writer = new Thread(() -> {
        try (Session session = quiver.openSession()) {
          for (int i = 1; i <= WRITES; i++) {
            assertEquals(ROWS, run(session, "INSERT INTO memory.default.versions SELECT id, g + 1, bal "
                + "FROM memory.default.versions WHERE g = (SELECT max(g) FROM memory.default.versions)"));
            assertEquals(2L * ROWS, run(session, "UPDATE memory.default.versions SET bal = bal + 1"));
            assertEquals(ROWS, run(session, "DELETE FROM memory.default.versions "
                + "WHERE g = (SELECT min(g) FROM memory.default.versions)"));
            assertEquals(ROWS, run(session, "UPDATE memory.default.versions SET bal = bal * 2 WHERE id > 0"));
          }
        } catch (Throwable e) {
          failures.add(e);
        } finally {
          writing.set(false);
        }
      });
      threads.add(writer);
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
      assertTrue(failures.isEmpty(), () -> "failures: " + failures);
      assertTrue(wrong.isEmpty(), () -> "readers saw partial versions: " + wrong);
      assertTrue(reads.get() > 0, "no reader finished a read");
      List<String> last = ResultText.rows(setup, "SELECT count(*), min(g), max(g), min(bal), max(bal) "
          + "FROM memory.default.versions").get(0);
      assertEquals(List.of(Integer.toString(ROWS), Integer.toString(WRITES), Integer.toString(WRITES),
          Integer.toString(expectedBalance()), Integer.toString(expectedBalance())), last);
    }
  }

  private static int expectedBalance() {
    int balance = 0;
    for (int i = 0; i < WRITES; i++) {
      balance = (balance + 1) * 2;
    }
    return balance;
  }

  private static long run(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      return result.updateCount();
    }
  }
}
