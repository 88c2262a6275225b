package io.quiver.cli;

import io.quiver.jdbc.QuiverDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL shell. With {@code -e} or {@code -f} it runs the statements, prints their results and
 * stops at the first failure (exit status 1, the SQLState and message on stderr); otherwise it
 * starts sqlline on {@code jdbc:quiver:}.
 */
final class ShellCommand implements Subcommand {

  static final String NAME = "shell";

  /** Opens the connection of a {@code -e}/{@code -f} run from its URL. */
  @FunctionalInterface
  interface ConnectionOpener {
    Connection open(String url) throws SQLException;
  }

  private final ConnectionOpener opener;

  ShellCommand() {
    this(DriverManager::getConnection);
  }

  ShellCommand(ConnectionOpener opener) {
    this.opener = opener;
  }

  static final String OPTIONS = String.join(System.lineSeparator(),
      "shell options:",
      "  -e, --execute SQL    run the statements (separated by ';') and exit",
      "  -f, --file FILE      run the statements in FILE and exit",
      "  --schema SCHEMA      the session's schema: schema or catalog.schema (default tpch.tiny)",
      "  --format FORMAT      output of -e/-f: table (default) or csv",
      "  --slots N            executor slots of the embedded engine (default: one per core)");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "the SQL shell (the default); -e runs statements without the interactive shell";
  }

  @Override
  public int run(String[] args, Console console) throws Exception {
    StringBuilder script = new StringBuilder();
    boolean batch = false;
    String schema = null;
    String format = "table";
    String slots = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-e":
        case "--execute":
          script.append(value(args, ++i, arg)).append(";\n");
          batch = true;
          break;
        case "-f":
        case "--file":
          script.append(Files.readString(Path.of(value(args, ++i, arg)), StandardCharsets.UTF_8)).append(";\n");
          batch = true;
          break;
        case "--schema":
          schema = value(args, ++i, arg);
          break;
        case "--format":
          format = value(args, ++i, arg);
          break;
        case "--slots":
          slots = value(args, ++i, arg);
          break;
        case "-h":
        case "--help":
          console.out().println(OPTIONS);
          return 0;
        default:
          if (arg.startsWith("--schema=")) {
            schema = arg.substring("--schema=".length());
          } else if (arg.startsWith("--format=")) {
            format = arg.substring("--format=".length());
          } else if (arg.startsWith("--slots=")) {
            slots = arg.substring("--slots=".length());
          } else {
            throw new QuiverCli.UsageException("unknown option '" + arg + "'");
          }
      }
    }
    String url = url(schema, slots);
    if (!batch) {
      return interactive(url);
    }
    return execute(url, StatementSplitter.split(script.toString()), ResultPrinter.of(format), console);
  }

  /** The JDBC URL for the options: {@code jdbc:quiver:schema=...;slots=...}. */
  static String url(String schema, String slots) {
    List<String> properties = new ArrayList<>();
    properties.add("schema=" + (schema == null ? "tpch.tiny" : schema));
    if (slots != null) {
      properties.add("slots=" + slots);
    }
    return QuiverDriver.CONNECT_STRING_PREFIX + String.join(";", properties);
  }

  private int execute(String url, List<String> statements, ResultPrinter printer, Console console) {
    try (Connection connection = opener.open(url)) {
      boolean first = true;
      for (String sql : statements) {
        try (Statement statement = connection.createStatement()) {
          if (!first && printer instanceof TablePrinter) {
            console.out().println();
          }
          first = false;
          if (statement.execute(sql)) {
            printer.print(statement.getResultSet(), console.out());
          } else {
            printer.printUpdate(statement.getLargeUpdateCount(), console.out());
          }
        } catch (SQLException e) {
          console.out().flush();
          report(e, console);
          return 1;
        }
      }
      console.out().flush();
      return 0;
    } catch (SQLException e) {
      report(e, console);
      return 1;
    }
  }

  /** {@code ERROR 42P01: Table 'x' not found (at line 1, column 15)} on stderr. */
  private static void report(SQLException e, Console console) {
    String state = e.getSQLState() == null ? "" : " " + e.getSQLState();
    console.err().println("ERROR" + state + ": " + e.getMessage());
    console.err().flush();
  }

  private static int interactive(String url) throws Exception {
    List<String> sqllineArgs = new ArrayList<>(List.of(
        "-d", QuiverDriver.class.getName(),
        "-u", url,
        "-n", "quiver",
        "-p", "",
        "--connectInteractionMode=notAskCredentials",
        "--isolation=TRANSACTION_NONE"));
    if (System.console() == null) {
      // Without a terminal sqlline cannot size its tables; CSV reads well in a pipe.
      sqllineArgs.add("--outputformat=csv");
    }
    sqlline.SqlLine.Status status = sqlline.SqlLine.start(sqllineArgs.toArray(new String[0]), null, true);
    return status == sqlline.SqlLine.Status.OK ? 0 : 1;
  }

  private static String value(String[] args, int index, String option) throws QuiverCli.UsageException {
    if (index >= args.length) {
      throw new QuiverCli.UsageException("option " + option + " needs a value");
    }
    return args[index];
  }
}
