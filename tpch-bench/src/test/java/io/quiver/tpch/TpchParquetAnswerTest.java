package io.quiver.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.connector.file.LocalFileTables;
import io.quiver.engine.driver.LocalQuiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.AssertionFailedError;

/**
 * TPC-H at scale factor 0.01 written to Parquet and read back: all 22 queries over the Parquet file
 * tables give the reference answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchParquetAnswerTest {

  private Path data;
  private LocalQuiver quiver;

  @BeforeAll
  void writeTables() throws Exception {
    data = Files.createTempDirectory("quiver-tpch-parquet");
    quiver = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(2)
        .withDataDirectories(List.of(data)));
    try (Session session = quiver.openSession()) {
      assertEquals(8, ParquetLoader.writeMissing(session, "tiny", data.resolve("tiny")).size());
      assertEquals(List.of(), ParquetLoader.writeMissing(session, "tiny", data.resolve("tiny")),
          "a second load keeps the files");
      ParquetLoader.register(session, "tpch_tiny_parquet", data.resolve("tiny"));
    }
  }

  @AfterAll
  void stop() {
    quiver.close(); // throws if a buffer leaked
    LocalFileTables.deleteQuietly(data);
  }

  @Test
  void all22QueriesGiveTheReferenceAnswersOverParquet() {
    List<String> failures = new ArrayList<>();
    try (Session session = quiver.openSession()) {
      session.setSchema("memory.tpch_tiny_parquet");
      for (int number = 1; number <= TpchQueryText.QUERY_COUNT; number++) {
        String sql = TpchQueryText.load(number, 0.01);
        ResultRows expected = ReferenceAnswers.load(0.01, number).orElseThrow();
        try (QueryResult result = session.execute(sql)) {
          List<String> differences = AnswerComparison.differences(expected, ResultRows.read(result));
          if (!differences.isEmpty()) {
            failures.add(TpchQueryText.fileName(number) + ": " + differences.subList(0, Math.min(5,
                differences.size())));
          }
        } catch (RuntimeException e) {
          failures.add(TpchQueryText.fileName(number) + " failed: " + e);
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionFailedError(String.join("\n", failures));
    }
  }
}
