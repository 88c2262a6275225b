package io.quiver.engine.connector.file;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A writer to kill: in a loop, replaces a multi-file dataset ({@code ds}) and a single file
 * ({@code one.csv}) with rows that all carry the generation number, and appends the next number to
 * a third dataset ({@code ins}), printing {@code committed N} after each round. {@link WriterCrashTest}
 * runs it as a process and kills it with SIGKILL.
 */
public final class CopyLoop {

  private CopyLoop() {
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    try (LocalQuiver quiver = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3)
        .withDataDirectories(List.of(data)));
        Session session = quiver.openSession()) {
      run(session, "CREATE TABLE memory.default.ins (g INTEGER) WITH (format = 'arrow', location = 'ins')");
      long generation = Files.exists(data.resolve("ins")) ? next(session) : 1;
      while (true) {
        run(session, "COPY (SELECT " + generation + " AS g, o_orderkey AS k, o_comment AS c FROM tpch.tiny.orders) "
            + "TO 'ds' WITH (format = 'arrow')");
        run(session, "COPY (SELECT " + generation + " AS g, n_name AS k FROM tpch.tiny.nation) TO 'one.csv'");
        run(session, "INSERT INTO memory.default.ins VALUES (" + generation + ")");
        System.out.println("committed " + generation);
        System.out.flush();
        generation++;
      }
    }
  }

  private static long next(Session session) {
    try (QueryResult result = session.execute("SELECT coalesce(max(g), 0) + 1 FROM memory.default.ins")) {
      result.loadNextBatch();
      return ((Number) result.root().getVector(0).getObject(0)).longValue();
    }
  }

  private static void run(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        // an update count
      }
    }
  }
}
