package io.quiver.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import io.quiver.engine.testing.ResultRows;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-directory rules hold on every executor: a file the driver may read but an executor's
 * {@code --data-dir} does not cover is refused there, with 42501, and nothing is read.
 */
class ClusterDataDirectoryTest {

  @TempDir
  Path workDir;

  @Test
  void anExecutorRefusesFilesOutsideItsOwnDataDirectories() throws Exception {
    Path executorsOwn = Files.createDirectories(workDir.resolve("executors-only"));
    try (InProcessCluster cluster = new InProcessCluster(1, 1, workDir, 1, executorsOwn)) {
      String file = workDir.resolve("nation.parquet").toString();
      try (Session session = cluster.quiver.openSession()) {
        // the write runs on the driver (the result rows are fetched there), inside its data directory
        try (QueryResult copied = session.execute("COPY tpch.tiny.nation TO '" + file + "'")) {
          assertEquals(25, copied.updateCount());
        }
        QuiverException refused = assertThrows(QuiverException.class, () -> {
          try (QueryResult result = session.execute("SELECT count(*) FROM read_parquet('" + file + "')")) {
            ResultRows.count(result);
          }
        });
        assertEquals(ErrorCode.ACCESS_DENIED, refused.errorCode(), refused.getMessage());
        assertTrue(refused.getMessage().contains("outside the data directories"), refused.getMessage());
      }
    }
  }
}
