package io.quiver.cli;

import io.quiver.jdbc.meta.QuiverMeta;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code quiver [subcommand] [options]}: the command line. Without a subcommand (or with options
 * only) it is the SQL shell; see {@link ShellCommand}. The first argument selects the subcommand.
 */
public final class QuiverCli {

  /** Exit status for wrong usage (unknown option or subcommand). */
  public static final int USAGE = 2;

  private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

  public QuiverCli() {
    register(new ShellCommand());
    register(new ServerCommand());
    register(new PasswdCommand());
    register(new StartedByScript("bench", "the TPC-H benchmark: bench tpch --sf 1 [--compare duckdb]"));
    register(new ExecutorCommand());
  }

  /** Adds or replaces a subcommand. */
  public void register(Subcommand subcommand) {
    subcommands.put(subcommand.name(), subcommand);
  }

  public static void main(String[] args) {
    int status = new QuiverCli().run(args, Console.system());
    System.out.flush();
    System.exit(status);
  }

  /** Runs the command line and returns the exit status; never calls {@code System.exit}. */
  public int run(String[] arguments, Console console) {
    String[] args;
    try {
      args = DataDirOption.apply(arguments);
    } catch (UsageException e) {
      console.err().println("quiver: " + e.getMessage());
      return USAGE;
    }
    String first = args.length == 0 ? null : args[0];
    if ("help".equals(first) || "--help".equals(first) || "-h".equals(first)) {
      usage(console);
      return 0;
    }
    if ("--version".equals(first) || "version".equals(first)) {
      console.out().println("quiver " + QuiverMeta.VERSION);
      return 0;
    }
    Subcommand subcommand;
    String[] rest;
    if (first == null || first.startsWith("-")) {
      subcommand = subcommands.get(ShellCommand.NAME);
      rest = args;
    } else {
      subcommand = subcommands.get(first);
      rest = Arrays.copyOfRange(args, 1, args.length);
      if (subcommand == null) {
        console.err().println("quiver: unknown subcommand '" + first + "'");
        usage(console);
        return USAGE;
      }
    }
    try {
      return subcommand.run(rest, console);
    } catch (UsageException e) {
      console.err().println("quiver " + subcommand.name() + ": " + e.getMessage());
      return USAGE;
    } catch (Exception e) {
      console.err().println("quiver " + subcommand.name() + ": " + e);
      return 1;
    }
  }

  private void usage(Console console) {
    console.out().println("usage: quiver [subcommand] [options]");
    console.out().println();
    for (Subcommand subcommand : subcommands.values()) {
      console.out().printf("  %-10s %s%n", subcommand.name(), subcommand.summary());
    }
    console.out().println();
    console.out().println(DataDirOption.USAGE);
    console.out().println();
    console.out().println(ShellCommand.OPTIONS);
    console.out().println();
    console.out().println(ServerCommand.OPTIONS);
  }

  /** A subcommand whose name is reserved for a later version. */
  private record NotYetAvailable(String name) implements Subcommand {
    @Override
    public String summary() {
      return "(not available in this version)";
    }

    @Override
    public int run(String[] args, Console console) {
      console.err().println("quiver " + name + ": not available in this version");
      return USAGE;
    }
  }

  /**
   * A subcommand that lives in a module this one cannot depend on (tpch-bench depends on
   * jdbc-driver); the {@code quiver} script starts it with that module's classpath.
   */
  private record StartedByScript(String name, String summary) implements Subcommand {
    @Override
    public int run(String[] args, Console console) {
      console.err().println("quiver " + name + ": run it through the quiver script (./quiver " + name + " ...)");
      return USAGE;
    }
  }

  /** Wrong arguments; reported with the usage exit status. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
