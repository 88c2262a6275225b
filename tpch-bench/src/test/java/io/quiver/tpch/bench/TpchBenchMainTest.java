package io.quiver.tpch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end at SF0.01, with DuckDB beside Quiver; and its wrong usage. */
class TpchBenchMainTest {

  @Test
  void runsTwoQueriesOnBothEnginesAndWritesTheTableAndTheFile(@TempDir Path directory) throws IOException {
    Path csv = directory.resolve("results.csv");
    Output output = run("tpch", "--sf", "0.01", "--queries", "6,14", "--runs", "2", "--slots", "2",
        "--compare", "duckdb", "--output", csv.toString());
    assertEquals(0, output.status(), output.err());
    String table = output.out();
    assertTrue(table.contains("TPC-H SF0.01: 2 timed run(s) per query"), table);
    assertTrue(table.contains("quiver ms  planning ms      rows  correct   duckdb ms  quiver/duckdb"), table);
    assertTrue(table.lines().anyMatch(line -> line.matches("Q06 +[0-9.]+ +[0-9.]+ +1 +yes +[0-9.]+ +[0-9.]+")), table);
    assertTrue(table.lines().anyMatch(line -> line.matches("Q14 +[0-9.]+ +[0-9.]+ +1 +yes +[0-9.]+ +[0-9.]+")), table);
    assertTrue(table.lines().anyMatch(line -> line.matches("geomean +[0-9.]+ +2/2 +[0-9.]+ +[0-9.]+")), table);
    assertTrue(table.lines().anyMatch(line -> line.startsWith("total ")), table);
    assertTrue(table.lines().anyMatch(line -> line.matches("worst: Q(06|14) at [0-9.]+ x DuckDB's time")), table);
    assertTrue(table.contains("peak memory: JVM heap used "), table);
    assertTrue(table.contains("shuffle spill: "), table);
    assertTrue(table.contains("results written to " + csv), table);

    List<String> lines = Files.readAllLines(csv);
    assertEquals(5, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("query,quiver_median_ms,planning_median_ms,rows,correct,duckdb_median_ms"));
    assertTrue(lines.get(1).matches("Q06,[0-9.]+,[0-9.]+,1,correct,[0-9.]+,[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+ [0-9.]+,"),
        lines.get(1));
    assertTrue(lines.get(3).startsWith("geomean,"), lines.get(3));
    assertTrue(lines.get(4).startsWith("total,"), lines.get(4));
  }

  @Test
  void runsTpcdsAtTinyOnBothEnginesAndChecksTheAnswers(@TempDir Path directory) throws IOException {
    Path json = directory.resolve("tpcds.json");
    // q90 fails at tiny (no web sale in its evening hour: a division by zero, as SQL says): it is
    // listed with its reason and counted, never left out.
    Output output = run("tpcds", "--sf", "0.01", "--queries", "3,90,96", "--runs", "1", "--warmups", "0",
        "--slots", "2", "--compare", "duckdb", "--output", json.toString());
    assertEquals(1, output.status(), output.err());
    String table = output.out();
    assertTrue(table.contains("TPC-DS SF0.01: 1 timed run(s) per query after 0 warm-up(s)"), table);
    assertTrue(table.lines().anyMatch(line -> line.matches("Q03 +[0-9.]+ +[0-9.]+ +20 +yes +[0-9.]+ +[0-9.]+")), table);
    assertTrue(table.lines().anyMatch(line -> line.matches("Q96 +[0-9.]+ +[0-9.]+ +1 +yes +[0-9.]+ +[0-9.]+")), table);
    assertTrue(table.lines().anyMatch(line -> line.matches("Q90 +failed .* ERROR .*")), table);
    assertTrue(table.lines().anyMatch(line -> line.matches("geomean .* 2/3 .*")), table);
    assertTrue(table.contains("Q90 failed on Quiver: Division by zero"), table);
    assertTrue(table.contains("answers checked against: 3 checked-in reference answers"), table);
    String text = Files.readString(json);
    assertTrue(text.contains("\"benchmark\": \"tpcds\","), text);
    assertTrue(text.contains("\"correct\": 2,"), text);
  }

  @Test
  void writesJsonWithoutTheComparison(@TempDir Path directory) throws IOException {
    Path json = directory.resolve("results.json");
    Output output = run("tpch", "--sf", "0.01", "--queries", "1", "--runs", "1", "--output", json.toString());
    assertEquals(0, output.status(), output.err());
    assertTrue(!output.out().contains("duckdb ms"), output.out());
    String text = Files.readString(json);
    assertTrue(text.contains("\"scale_factor\": 0.01,"), text);
    assertTrue(text.contains("\"duckdb_version\": null,"), text);
    assertTrue(text.contains("\"correct\": 1,"), text);
    assertTrue(text.matches("(?s).*\\{\"query\": 1, \"quiver\": \\{\"median_ms\": [0-9.]+, \"planning_median_ms\": [0-9.]+, "
        + "\"runs_ms\": \\[[0-9.]+\\], \"rows\": 4, \"outcome\": \"correct\", \"detail\": null\\}, \"duckdb\": null.*"), text);
  }

  @Test
  void wrongUsageExitsWithStatusTwoAndTheUsage() {
    Output output = run("tpch", "--sf", "0.1");
    assertEquals(TpchBenchMain.USAGE, output.status());
    assertTrue(output.err().startsWith("quiver bench: --sf 0.1 is not available"), output.err());
    assertTrue(output.err().contains("usage: quiver bench tpch|tpcds"), output.err());
    assertEquals("", output.out());
    assertEquals(TpchBenchMain.USAGE, run().status());
  }

  @Test
  void helpPrintsTheUsage() {
    Output output = run("--help");
    assertEquals(0, output.status());
    assertTrue(output.out().startsWith("usage: quiver bench tpch|tpcds"), output.out());
  }

  private record Output(int status, String out, String err) {}

  private static Output run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = TpchBenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
