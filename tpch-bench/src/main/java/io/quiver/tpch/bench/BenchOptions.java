package io.quiver.tpch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options of {@code quiver bench tpch|tpcds}; {@link #parse} checks them and names what is wrong.
 *
 * @param suite the benchmark: TPC-H or TPC-DS
 * @param scaleFactor 0.01, 1 or 10 (0.1 is refused: the catalogs have no such schema)
 * @param queries the query numbers to run, in order, each once
 * @param runs timed runs per query (after the warm-up runs)
 * @param slots Quiver's executor slots, and DuckDB's threads with {@code --compare duckdb}
 * @param compareDuckDb also run every query on DuckDB over the same data
 * @param output where the results go, as JSON or CSV by the file's extension
 * @param memoryLimitBytes the most bytes Quiver's buffers may hold (memory tables included); by
 *     default three quarters of the JVM's cap on direct memory, leaving room for what Netty's pools
 *     hold beyond what Arrow counts
 * @param format where the tables live: {@code memory} (memory tables loaded from the generating catalog)
 *     or {@code parquet} (Parquet files under {@code bench-data/}, written once, read by both engines)
 * @param warmups untimed runs per query before the timed ones (default 1)
 * @param timeoutSeconds a run that takes longer is cancelled and the query counts as failed (0: no limit)
 */
public record BenchOptions(BenchSuite suite, double scaleFactor, List<Integer> queries, int runs, int slots,
    boolean compareDuckDb, Path output, long memoryLimitBytes, String format, int warmups, int timeoutSeconds) {

  /** The default time limit of one run: generous, so only a runaway plan hits it. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 600;

  /** TPC-H with the tables as memory tables, one warm-up run. */
  public BenchOptions(double scaleFactor, List<Integer> queries, int runs, int slots, boolean compareDuckDb,
      Path output, long memoryLimitBytes) {
    this(new TpchSuite(), scaleFactor, queries, runs, slots, compareDuckDb, output, memoryLimitBytes, "memory", 1,
        DEFAULT_TIMEOUT_SECONDS);
  }

  /** True when the queries read Parquet files ({@code --format parquet}). */
  public boolean parquet() {
    return format.equals("parquet");
  }

  public static final String USAGE = String.join("\n",
      "usage: quiver bench tpch|tpcds [--sf 0.01|1|10] [--queries 1-22|1,3,6] [--runs N] [--warmups N]",
      "                         [--slots N] [--compare duckdb] [--output FILE.json|FILE.csv]",
      "                         [--memory-limit GiB] [--format memory|parquet] [--timeout SECONDS]",
      "  tpch|tpcds  the benchmark: TPC-H (22 queries) or TPC-DS (99 queries)",
      "  --sf        scale factor (default 1)",
      "  --queries   query numbers and ranges, e.g. 1-22 or 1,3,6 or 1-5,9 (default: all)",
      "  --runs      timed runs per query after the warm-up (default 3)",
      "  --warmups   untimed warm-up runs per query before the timed ones (default 1; 0 allowed)",
      "  --slots     Quiver's executor slots, and DuckDB's threads (default: one per core)",
      "  --compare   duckdb: load the same data into DuckDB and run the same queries",
      "  --output    results file, JSON or CSV by extension (default bench-<benchmark>-sf<SF>.json)",
      "  --format    memory: tables loaded into memory (default); parquet: tables written once as Parquet",
      "              files under bench-data/ and read from there by Quiver (and DuckDB with --compare)",
      "  --timeout   seconds one run may take before it is cancelled and the query counted as failed",
      "              (default " + DEFAULT_TIMEOUT_SECONDS + "; 0: no limit)",
      "  --memory-limit  GiB Quiver's buffers may hold, memory tables included (default: 3/4 of the",
      "              JVM's -XX:MaxDirectMemorySize, or of -Xmx without it; set both in QUIVER_JAVA_OPTS)",
      "       quiver bench cluster ...   (quiver bench cluster --help)",
      "       quiver bench soak [--clients N] [--minutes M] [--seed S] [--slots N]",
      "              a server in this JVM and N JDBC clients mixing checked TPC-H queries, DDL/DML on",
      "              memory tables and cancels for M minutes (default 16 clients, 10 minutes)");

  public BenchOptions {
    queries = List.copyOf(queries);
  }

  /** The generating catalog's schema at this scale factor: {@code tiny}, {@code sf1}, {@code sf10}. */
  public String schema() {
    return BenchSuite.schemaName(scaleFactor);
  }

  /** True when the output file is CSV (its name ends in {@code .csv}); JSON otherwise. */
  public boolean csvOutput() {
    return output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /**
   * Parses the arguments after {@code bench}: first the benchmark's name ({@code tpch} or
   * {@code tpcds}), then options.
   *
   * @throws IllegalArgumentException with a message that names the wrong argument
   */
  public static BenchOptions parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("missing the benchmark: expected tpch or tpcds");
    }
    BenchSuite suite = BenchSuite.named(args[0]);
    double scaleFactor = 1;
    List<Integer> queries = range(1, suite.queryCount());
    int runs = 3;
    int warmups = 1;
    int timeout = DEFAULT_TIMEOUT_SECONDS;
    int slots = Runtime.getRuntime().availableProcessors();
    boolean compare = false;
    Path output = null;
    long memoryLimit = defaultMemoryLimit();
    String format = "memory";
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 1; i < args.length; i++) {
      String option = args[i];
      String value;
      int equals = option.indexOf('=');
      if (option.startsWith("--") && equals > 0) {
        value = option.substring(equals + 1);
        option = option.substring(0, equals);
      } else {
        if (!option.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument '" + option + "': options start with --");
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + option + " needs a value");
        }
        value = args[++i];
      }
      if (!seen.add(option)) {
        throw new IllegalArgumentException("option " + option + " given twice");
      }
      switch (option) {
        case "--sf" -> scaleFactor = scaleFactor(value);
        case "--queries" -> queries = queries(suite, value);
        case "--runs" -> runs = positive(option, value);
        case "--warmups" -> warmups = notNegative(option, value);
        case "--timeout" -> timeout = notNegative(option, value);
        case "--slots" -> slots = positive(option, value);
        case "--memory-limit" -> memoryLimit = positive(option, value) * (1L << 30);
        case "--format" -> {
          format = value.toLowerCase(Locale.ROOT);
          if (!format.equals("memory") && !format.equals("parquet")) {
            throw new IllegalArgumentException("--format " + value + ": expected memory or parquet");
          }
        }
        case "--compare" -> {
          if (!value.equalsIgnoreCase("duckdb")) {
            throw new IllegalArgumentException("--compare " + value + ": the only engine to compare with is duckdb");
          }
          compare = true;
        }
        case "--output" -> {
          if (value.isBlank()) {
            throw new IllegalArgumentException("--output needs a file name");
          }
          String lower = value.toLowerCase(Locale.ROOT);
          if (!lower.endsWith(".json") && !lower.endsWith(".csv")) {
            throw new IllegalArgumentException("--output " + value + ": the file must end in .json or .csv");
          }
          output = Path.of(value);
        }
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (output == null) {
      output = Path.of("bench-" + suite.name() + "-sf" + scaleText(scaleFactor) + ".json");
    }
    if (!suite.scaleFactors().contains(scaleFactor)) {
      throw new IllegalArgumentException("--sf " + scaleText(scaleFactor) + " is not available for " + suite.title());
    }
    return new BenchOptions(suite, scaleFactor, queries, runs, slots, compare, output, memoryLimit, format, warmups,
        timeout);
  }

  /** Three quarters of the JVM's cap on direct memory (where Arrow's buffers live). */
  public static long defaultMemoryLimit() {
    return maxDirectMemory() / 4 * 3;
  }

  /** {@code -XX:MaxDirectMemorySize} when given, else the JVM's default for it: the maximum heap size. */
  static long maxDirectMemory() {
    long cap = Runtime.getRuntime().maxMemory();
    for (String argument : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("-XX:MaxDirectMemorySize=")) {
        String size = argument.substring(argument.indexOf('=') + 1).toLowerCase(Locale.ROOT);
        long unit = switch (size.isEmpty() ? ' ' : size.charAt(size.length() - 1)) {
          case 'k' -> 1L << 10;
          case 'm' -> 1L << 20;
          case 'g' -> 1L << 30;
          case 't' -> 1L << 40;
          default -> 1;
        };
        try {
          cap = Long.parseLong(unit == 1 ? size : size.substring(0, size.length() - 1)) * unit;
        } catch (NumberFormatException e) {
          // The JVM accepted it, so this cannot happen; keep the heap size as the estimate.
        }
      }
    }
    return cap;
  }

  /** The scale factor as written on the command line: 0.01, 1, 10. */
  public static String scaleText(double scaleFactor) {
    return scaleFactor == 0.01 ? "0.01" : Long.toString((long) scaleFactor);
  }

  private static double scaleFactor(String value) {
    return switch (value) {
      case "0.01" -> 0.01;
      case "1", "1.0" -> 1;
      case "10", "10.0" -> 10;
      case "0.1" -> throw new IllegalArgumentException(
          "--sf 0.1 is not available: the catalogs have schemas tiny (0.01), sf1 and sf10 only");
      default -> throw new IllegalArgumentException("--sf " + value + ": expected 0.01, 1 or 10");
    };
  }

  private static int notNegative(String option, String value) {
    if (value.equals("0")) {
      return 0;
    }
    return positive(option, value);
  }

  private static int positive(String option, String value) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " " + value + ": not a whole number");
    }
    if (number < 1) {
      throw new IllegalArgumentException(option + " " + value + ": must be at least 1");
    }
    return number;
  }

  /** {@code 1-22}, {@code 1,3,6}, {@code 1-5,9}: ascending-or-not, each query once, in the order given. */
  static List<Integer> queries(BenchSuite suite, String value) {
    Set<Integer> numbers = new LinkedHashSet<>();
    for (String part : value.split(",", -1)) {
      String item = part.strip();
      if (item.isEmpty()) {
        throw new IllegalArgumentException("--queries " + value + ": an empty item");
      }
      int dash = item.indexOf('-', 1);
      List<Integer> items = dash < 0 ? List.of(queryNumber(suite, value, item))
          : range(queryNumber(suite, value, item.substring(0, dash).strip()),
              queryNumber(suite, value, item.substring(dash + 1).strip()));
      if (items.isEmpty()) {
        throw new IllegalArgumentException("--queries " + value + ": the range " + item + " is empty");
      }
      for (int number : items) {
        if (!numbers.add(number)) {
          throw new IllegalArgumentException("--queries " + value + ": query " + number + " is listed twice");
        }
      }
    }
    return new ArrayList<>(numbers);
  }

  private static int queryNumber(BenchSuite suite, String value, String text) {
    int number;
    try {
      number = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--queries " + value + ": '" + text + "' is not a query number");
    }
    if (number < 1 || number > suite.queryCount()) {
      throw new IllegalArgumentException("--queries " + value + ": there is no query " + number
          + " (" + suite.title() + " has 1 to " + suite.queryCount() + ")");
    }
    return number;
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> numbers = new ArrayList<>();
    for (int number = from; number <= to; number++) {
      numbers.add(number);
    }
    return numbers;
  }
}
