package io.quiver.tpch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The printed table of a {@link BenchResult} and its machine-readable file (JSON or CSV). */
public final class BenchReport {

  private BenchReport() {}

  /** One line while the benchmark runs, e.g. {@code Q01: quiver 812.3 ms (yes), duckdb 75.1 ms}. */
  static String progressLine(QueryMeasurement query) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Q%02d: quiver %s", query.number(),
        engineSummary(query.quiver())));
    if (query.duckDb() != null) {
      line.append(", duckdb ").append(engineSummary(query.duckDb()));
    }
    return line.toString();
  }

  private static String engineSummary(EngineTiming timing) {
    String summary = timing.ran() ? String.format(Locale.ROOT, "%.1f ms, %d rows, correct: %s", timing.medianMillis(),
        timing.rows(), timing.outcome().label()) : "failed";
    return timing.detail() == null ? summary : summary + " (" + timing.detail() + ")";
  }

  /** Prints the table: one line per query, then geomean and total, then load times and memory. */
  public static void print(BenchResult result, PrintStream out) {
    BenchOptions options = result.options();
    boolean compare = options.compareDuckDb();
    out.printf(Locale.ROOT, "%s SF%s: %d timed run(s) per query after %d warm-up(s), median wall ms; Quiver %d slots%s; %d cores%s%n",
        options.suite().title(), BenchOptions.scaleText(options.scaleFactor()), options.runs(), options.warmups(), options.slots(),
        compare ? ", DuckDB " + result.duckDbVersion() + " " + options.slots() + " threads" : "", result.cores(),
        options.parquet() ? "; both reading the tables from Parquet files" : "");
    String header = String.format(Locale.ROOT, "%-8s %11s %12s %9s %8s", "query", "quiver ms", "planning ms", "rows",
        "correct");
    if (compare) {
      header += String.format(Locale.ROOT, " %11s %14s", "duckdb ms", "quiver/duckdb");
    }
    out.println(header);
    out.println("-".repeat(header.length()));
    for (QueryMeasurement query : result.queries()) {
      EngineTiming quiver = query.quiver();
      String line = String.format(Locale.ROOT, "%-8s %11s %12s %9s %8s", String.format(Locale.ROOT, "Q%02d", query.number()),
          quiver.ran() ? number(quiver.medianMillis(), 1) : "failed", number(quiver.medianPlanningMillis(), 1),
          quiver.ran() ? Long.toString(quiver.rows()) : "-", quiver.outcome().label());
      if (compare) {
        line += String.format(Locale.ROOT, " %11s %14s", query.duckDb().ran() ? number(query.duckDb().medianMillis(), 1)
            : "failed", number(query.ratio(), 2));
      }
      out.println(line);
    }
    out.println("-".repeat(header.length()));
    String geomean = String.format(Locale.ROOT, "%-8s %11s %12s %9s %8s", "geomean", number(result.quiverGeomean(), 1), "",
        "", result.correctCount() + "/" + result.queries().size());
    String total = String.format(Locale.ROOT, "%-8s %11s %12s %9s %8s", "total", number(result.quiverTotal(), 1), "", "", "");
    if (compare) {
      geomean += String.format(Locale.ROOT, " %11s %14s", number(result.duckDbGeomean(), 1), number(result.ratioGeomean(), 2));
      total += String.format(Locale.ROOT, " %11s %14s", number(result.duckDbTotal(), 1),
          number(result.quiverTotal() / result.duckDbTotal(), 2));
    }
    out.println(geomean);
    out.println(total);
    if (compare) {
      result.worstRatio().ifPresent(worst -> out.printf(Locale.ROOT, "worst: Q%02d at %s x DuckDB's time%n",
          worst.number(), number(worst.ratio(), 2)));
    }
    out.printf(Locale.ROOT, "load: Quiver %.1f s (" + (options.parquet() ? "Parquet files" : "memory tables")
        + " %d MiB)%s%n", result.quiverLoadMillis() / 1000,
        result.quiverTableBytes() >> 20,
        compare ? String.format(Locale.ROOT, ", DuckDB %.1f s", result.duckDbLoadMillis() / 1000) : "");
    out.printf(Locale.ROOT, "peak memory: JVM heap used %d MiB; Quiver allocator peak %d MiB%n",
        result.peakHeapBytes() >> 20, result.peakQuiverBytes() >> 20);
    out.printf(Locale.ROOT, "shuffle spill: %d MiB in %d map outputs%n", result.spilledBytes() >> 20,
        result.spilledOutputs());
    long checkedIn = result.queries().stream()
        .filter(query -> options.suite().referenceAnswer(options.scaleFactor(), query.number()).isPresent()).count();
    out.printf(Locale.ROOT, "answers checked against: %d checked-in reference answers%s%n", checkedIn,
        compare && checkedIn < result.queries().size()
            ? ", " + (result.queries().size() - checkedIn) + " against DuckDB's answer in this run" : "");
    for (QueryMeasurement query : result.queries()) {
      if (query.quiver().detail() != null) {
        out.printf(Locale.ROOT, "Q%02d %s: %s%n", query.number(), query.quiver().outcome() == QueryOutcome.FAILED
            ? "failed on Quiver" : "differs from the reference answer", query.quiver().detail());
      }
      if (query.duckDb() != null && query.duckDb().detail() != null) {
        out.printf(Locale.ROOT, "Q%02d on DuckDB %s: %s%n", query.number(), query.duckDb().outcome() == QueryOutcome.FAILED
            ? "failed" : "differs from the reference answer", query.duckDb().detail());
      }
    }
  }

  /** Writes the result to the options' output file, as CSV or JSON by its extension. */
  public static void write(BenchResult result) throws IOException {
    Path file = result.options().output();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(result.options().csvOutput() ? csv(result) : json(result));
    }
  }

  /** One line per query, then the lines {@code geomean} and {@code total}. */
  static String csv(BenchResult result) {
    StringBuilder out = new StringBuilder(
        "query,quiver_median_ms,planning_median_ms,rows,correct,duckdb_median_ms,quiver_duckdb_ratio,quiver_runs_ms,duckdb_runs_ms,detail\n");
    for (QueryMeasurement query : result.queries()) {
      EngineTiming quiver = query.quiver();
      EngineTiming duckDb = query.duckDb();
      out.append(String.join(",", String.format(Locale.ROOT, "Q%02d", query.number()), plain(quiver.medianMillis()),
          plain(quiver.medianPlanningMillis()), Long.toString(quiver.rows()), quiver.outcome().name().toLowerCase(Locale.ROOT),
          duckDb == null ? "" : plain(duckDb.medianMillis()), plain(query.ratio()), runs(quiver.runMillis()),
          duckDb == null ? "" : runs(duckDb.runMillis()), csvText(quiver.detail()))).append('\n');
    }
    out.append(String.join(",", "geomean", plain(result.quiverGeomean()), "", "", result.correctCount() + "/" + result.queries().size(),
        plain(result.duckDbGeomean()), plain(result.ratioGeomean()), "", "", "")).append('\n');
    out.append(String.join(",", "total", plain(result.quiverTotal()), "", "", "", plain(result.duckDbTotal()),
        plain(result.quiverTotal() / result.duckDbTotal()), "", "", "")).append('\n');
    return out.toString();
  }

  static String json(BenchResult result) {
    BenchOptions options = result.options();
    List<String> queries = new ArrayList<>();
    for (QueryMeasurement query : result.queries()) {
      queries.add("    {\"query\": " + query.number() + ", \"quiver\": " + json(query.quiver())
          + ", \"duckdb\": " + (query.duckDb() == null ? "null" : json(query.duckDb()))
          + ", \"quiver_duckdb_ratio\": " + jsonNumber(query.ratio()) + "}");
    }
    return "{\n"
        + "  \"benchmark\": \"" + options.suite().name() + "\",\n"
        + "  \"started\": \"" + result.started() + "\",\n"
        + "  \"scale_factor\": " + BenchOptions.scaleText(options.scaleFactor()) + ",\n"
        + "  \"format\": \"" + options.format() + "\",\n"
        + "  \"runs\": " + options.runs() + ",\n"
        + "  \"warmups\": " + options.warmups() + ",\n"
        + "  \"slots\": " + options.slots() + ",\n"
        + "  \"cores\": " + result.cores() + ",\n"
        + "  \"duckdb_version\": " + jsonText(result.duckDbVersion()) + ",\n"
        + "  \"quiver_load_ms\": " + jsonNumber(result.quiverLoadMillis()) + ",\n"
        + "  \"quiver_table_bytes\": " + result.quiverTableBytes() + ",\n"
        + "  \"duckdb_load_ms\": " + jsonNumber(result.duckDbLoadMillis()) + ",\n"
        + "  \"peak_heap_bytes\": " + result.peakHeapBytes() + ",\n"
        + "  \"peak_quiver_allocator_bytes\": " + result.peakQuiverBytes() + ",\n"
        + "  \"shuffle_spilled_bytes\": " + result.spilledBytes() + ",\n"
        + "  \"shuffle_spilled_outputs\": " + result.spilledOutputs() + ",\n"
        + "  \"correct\": " + result.correctCount() + ",\n"
        + "  \"quiver_geomean_ms\": " + jsonNumber(result.quiverGeomean()) + ",\n"
        + "  \"quiver_total_ms\": " + jsonNumber(result.quiverTotal()) + ",\n"
        + "  \"duckdb_geomean_ms\": " + jsonNumber(result.duckDbGeomean()) + ",\n"
        + "  \"duckdb_total_ms\": " + jsonNumber(result.duckDbTotal()) + ",\n"
        + "  \"quiver_duckdb_geomean_ratio\": " + jsonNumber(result.ratioGeomean()) + ",\n"
        + "  \"queries\": [\n" + String.join(",\n", queries) + "\n  ]\n"
        + "}\n";
  }

  private static String json(EngineTiming timing) {
    return "{\"median_ms\": " + jsonNumber(timing.medianMillis())
        + ", \"planning_median_ms\": " + jsonNumber(timing.medianPlanningMillis())
        + ", \"runs_ms\": [" + timing.runMillis().stream().map(BenchReport::jsonNumber).collect(Collectors.joining(", ")) + "]"
        + ", \"rows\": " + timing.rows()
        + ", \"outcome\": \"" + timing.outcome().name().toLowerCase(Locale.ROOT) + "\""
        + ", \"detail\": " + jsonText(timing.detail()) + "}";
  }

  private static String number(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String plain(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String runs(List<Double> runs) {
    return runs.stream().map(BenchReport::plain).collect(Collectors.joining(" "));
  }

  private static String jsonNumber(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String csvText(String text) {
    return text == null ? "" : '"' + text.replace("\"", "\"\"") + '"';
  }

  private static String jsonText(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
