package io.quiver.tpch.bench;

import java.io.PrintStream;

/**
 * {@code quiver bench tpch|tpcds [options]}: the launcher script starts this class with the arguments after
 * {@code bench}. Exit status 0 when every checked answer was correct, 1 when one was wrong or failed,
 * 2 for wrong usage.
 */
public final class TpchBenchMain {

  /** Exit status for wrong usage, as the rest of the command line uses. */
  public static final int USAGE = 2;

  private TpchBenchMain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /** Runs the benchmark and returns the exit status; never calls {@code System.exit}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
      out.println(BenchOptions.USAGE);
      return 0;
    }
    if (args.length > 0 && args[0].equals("grouping")) {
      return GroupingBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals("window")) {
      return WindowBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals("soak")) {
      return io.quiver.tpch.soak.SoakMain.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals("cluster")) {
      return ClusterBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("quiver bench: " + e.getMessage());
      err.println(BenchOptions.USAGE);
      return USAGE;
    }
    try {
      BenchResult result = new BenchRunner(options, err).run();
      out.println();
      BenchReport.print(result, out);
      BenchReport.write(result);
      out.println("results written to " + options.output());
      boolean allGood = result.queries().stream().allMatch(query -> query.quiver().outcome() == QueryOutcome.CORRECT
          || query.quiver().outcome() == QueryOutcome.UNCHECKED);
      return allGood ? 0 : 1;
    } catch (Exception e) {
      err.println("quiver bench: " + e);
      return 1;
    }
  }
}
