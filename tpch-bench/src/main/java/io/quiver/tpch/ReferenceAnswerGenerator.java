package io.quiver.tpch;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * Writes the reference answers of the 22 queries: DuckDB (an independent engine) answers each
 * query over what {@code io.trino.tpch} generates at the scale factor, the same rows Quiver's
 * {@code tpch} catalog generates, loaded by {@link DuckDbTpchLoader}; {@link ReferenceAnswers}
 * writes each answer as {@code <directory>/sf<scale>/qNN.csv}.
 *
 * <p>Usage, from the repository's root (the default directory is the checked-in one):
 * <pre>
 * ./mvnw -q -B -pl tpch-bench -am -DskipTests package
 * java -cp "tpch-bench/target/quiver-tpch-bench-0.1.0-SNAPSHOT.jar:$(cat tpch-bench/target/classpath.txt)" \
 *     io.quiver.tpch.ReferenceAnswerGenerator [scale factor...] [--directory DIR]
 * </pre>
 * Without scale factors it writes 0.01 and 1. The SF10 answers were written with {@code 10}: DuckDB
 * then holds about 15 GB and the load took 25 minutes on a busy 2-core machine (run it alone).
 */
public final class ReferenceAnswerGenerator {

  /** Where the checked-in answers live, relative to the repository's root. */
  public static final Path DEFAULT_DIRECTORY = Path.of("tpch-bench", "src", "main", "resources", "tpch", "answers");

  private ReferenceAnswerGenerator() {}

  public static void main(String[] args) throws Exception {
    Path directory = DEFAULT_DIRECTORY;
    java.util.List<Double> scales = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--directory") && i + 1 < args.length) {
        directory = Path.of(args[++i]);
      } else {
        scales.add(Double.parseDouble(args[i]));
      }
    }
    if (scales.isEmpty()) {
      scales = java.util.List.of(0.01, 1.0);
    }
    for (double scale : scales) {
      generate(scale, directory.resolve(ReferenceAnswers.directoryName(scale)));
    }
  }

  /** Loads the data at {@code scaleFactor} into an in-memory DuckDB and writes the 22 answers to {@code target}. */
  public static void generate(double scaleFactor, Path target) throws Exception {
    try (Connection duckDb = DuckDbReference.open()) {
      long start = System.nanoTime();
      DuckDbTpchLoader.loadAll(duckDb, "main", scaleFactor);
      System.out.printf("scale factor %s loaded into DuckDB in %.1f s%n", scaleFactor, (System.nanoTime() - start) / 1e9);
      for (int number = 1; number <= TpchQueryText.QUERY_COUNT; number++) {
        ResultRows answer = ResultRows.query(duckDb, TpchQueryText.load(number, scaleFactor));
        Path file = target.resolve(ReferenceAnswers.fileName(number));
        ReferenceAnswers.write(answer, file);
        System.out.printf("%s: %d rows -> %s%n", TpchQueryText.fileName(number), answer.rows().size(), file);
      }
    }
  }
}
