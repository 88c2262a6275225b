package io.quiver.cli;

import io.quiver.cli.progress.ConsoleProgress;
import io.quiver.cli.progress.RemoteProgress;
import io.quiver.jdbc.server.ui.UiServer;
import io.quiver.jdbc.QuiverDriver;
import io.quiver.jdbc.remote.QuiverRemoteDriver;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The SQL shell. With {@code -e} or {@code -f} it runs the statements, prints their results and
 * stops at the first failure (exit status 1, the SQLState and message on stderr); otherwise it
 * starts sqlline on {@code jdbc:quiver:}. With {@code --url} it works on a server instead.
 */
final class ShellCommand implements Subcommand {

  static final String NAME = "shell";

  /** Opens the connection of a {@code -e}/{@code -f} run from its URL and properties (user, password). */
  @FunctionalInterface
  interface ConnectionOpener {
    Connection open(String url, Properties info) throws SQLException;
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
      "  --schema SCHEMA      the session's current schema: schema or catalog.schema (default memory.default,"
          + " with tpch.tiny on the search path)",
      "  --format FORMAT      output of -e/-f: table (default) or csv",
      "  --slots N            executor slots of the embedded engine (default: one per core)",
      "  --url URL            a server instead of the embedded engine: jdbc:quiver://HOST:PORT",
      "                       (or Avatica's jdbc:avatica:remote:url=...)",
      "  --user NAME          the server's user; the password comes from --password or QUIVER_PASSWORD",
      "  --password PW        the user's password",
      "  --progress           show a progress line per running stage on stderr even when it is not a",
      "                       terminal (default: only on a terminal; with --url jdbc:quiver://, read from",
      "                       the server's /ui/api/progress)",
      "  --no-progress        never show the progress line",
      "  --history FILE       the shell's history file (default ~/.quiver/history)",
      "  --ui [PORT]          serve the embedded engine's web UI on 127.0.0.1:PORT (default 4040)");

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
    String serverUrl = null;
    String user = null;
    String password = null;
    Boolean progress = null;
    String history = null;
    Integer uiPort = null;
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
        case "--url":
          serverUrl = value(args, ++i, arg);
          break;
        case "--user":
          user = value(args, ++i, arg);
          break;
        case "--password":
          password = value(args, ++i, arg);
          break;
        case "--progress":
          progress = true;
          break;
        case "--no-progress":
          progress = false;
          break;
        case "--history":
          history = value(args, ++i, arg);
          break;
        case "--ui":
          uiPort = UiServer.DEFAULT_PORT;
          if (i + 1 < args.length && args[i + 1].matches("\\d{1,5}")) {
            uiPort = Integer.parseInt(args[++i]);
          }
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
          } else if (arg.startsWith("--url=")) {
            serverUrl = arg.substring("--url=".length());
          } else if (arg.startsWith("--history=")) {
            history = arg.substring("--history=".length());
          } else {
            throw new QuiverCli.UsageException("unknown option '" + arg + "'");
          }
      }
    }
    if (serverUrl != null && slots != null) {
      throw new QuiverCli.UsageException("--slots sizes the embedded engine; it does not apply with --url");
    }
    if (user != null && password == null) {
      password = System.getenv("QUIVER_PASSWORD");
    }
    Properties info = new Properties();
    if (user != null) {
      info.setProperty("user", user);
      info.setProperty("password", password == null ? "" : password);
    }
    String url = serverUrl != null ? serverUrl : url(schema, slots);
    // A server's session starts in its default schema: the thin driver takes --schema as a URL
    // property; other URLs get it set once connected.
    String schemaAfterConnect = null;
    if (serverUrl != null && schema != null) {
      if (serverUrl.startsWith(QuiverRemoteDriver.CONNECT_STRING_PREFIX)) {
        url = serverUrl + ";schema=" + schema;
      } else if (batch) {
        schemaAfterConnect = schema;
      } else {
        throw new QuiverCli.UsageException("in the interactive shell, --schema with --url needs a jdbc:quiver:// URL");
      }
    }
    if (serverUrl != null && uiPort != null) {
      throw new QuiverCli.UsageException("--ui serves the embedded engine's UI; a server has its own at /ui/ (drop --ui)");
    }
    UiServer ui = uiPort == null ? null : startUi(slots, uiPort, console);
    boolean showProgress = progress != null ? progress : System.console() != null;
    ConsoleProgress progressLine = !showProgress ? null : serverUrl == null ? startProgress(slots, console)
        : RemoteProgress.start(serverUrl, user, password, console.err(), ConsoleProgress.terminalWidth());
    try {
      if (!batch) {
        return interactive(url, user, password, historyFile(history), console);
      }
      return execute(url, info, schemaAfterConnect, StatementSplitter.split(script.toString()),
          ResultPrinter.of(format), console);
    } finally {
      if (progressLine != null) {
        progressLine.close();
      }
      if (ui != null) {
        ui.close();
      }
    }
  }

  /** The embedded engine's web UI, its URL printed on stderr as Spark prints its own. */
  private static UiServer startUi(String slots, int port, Console console) throws Exception {
    Properties engineProperties = new Properties();
    if (slots != null) {
      engineProperties.setProperty("slots", slots);
    }
    UiServer ui = UiServer.start(QuiverDriver.embeddedEngine(engineProperties), port);
    console.err().println("Quiver web UI at " + ui.url());
    console.err().flush();
    return ui;
  }

  /** The progress line of the embedded engine's queries, on the console's stderr. */
  private static ConsoleProgress startProgress(String slots, Console console) {
    Properties engineProperties = new Properties();
    if (slots != null) {
      engineProperties.setProperty("slots", slots);
    }
    return ConsoleProgress.start(QuiverDriver.embeddedEngine(engineProperties), console.err(),
        ConsoleProgress.terminalWidth());
  }

  /** The history file: the option's, or {@code .quiver/history} in the user's home. */
  static Path historyFile(String option) {
    if (option != null) {
      return Path.of(option);
    }
    return Path.of(System.getProperty("user.home"), ".quiver", "history");
  }

  /** The JDBC URL for the options: {@code jdbc:quiver:schema=...;slots=...}. */
  static String url(String schema, String slots) {
    List<String> properties = new ArrayList<>();
    if (schema != null) {
      properties.add("schema=" + schema);
    }
    if (slots != null) {
      properties.add("slots=" + slots);
    }
    return QuiverDriver.CONNECT_STRING_PREFIX + String.join(";", properties);
  }

  private int execute(String url, Properties info, String schema, List<String> statements, ResultPrinter printer,
      Console console) {
    try (Connection connection = opener.open(url, info)) {
      if (schema != null) {
        connection.setSchema(schema);
      }
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

  private static int interactive(String url, String user, String password, Path history, Console console)
      throws Exception {
    Path historyDirectory = history.toAbsolutePath().getParent();
    if (historyDirectory != null) {
      Files.createDirectories(historyDirectory);
    }
    List<String> sqllineArgs = new ArrayList<>(List.of(
        "-d", QuiverDriver.class.getName(),
        "-u", url,
        "-n", user == null ? "quiver" : user,
        "-p", password == null ? "" : password,
        "--connectInteractionMode=notAskCredentials",
        "--isolation=TRANSACTION_NONE",
        "--historyFile=" + history.toAbsolutePath()));

    boolean terminal = console.in() == System.in && System.console() != null;
    if (!terminal) {
      // Without a terminal sqlline cannot size its tables; CSV reads well in a pipe.
      sqllineArgs.add("--outputformat=csv");
    }
    sqlline.SqlLine sqlLine = new sqlline.SqlLine();
    sqlLine.setOutputStream(console.out());
    sqlLine.setErrorStream(console.err());
    // sqlline reads the terminal itself; any other input (a pipe, a test's) is handed to it.
    InputStream input = console.in() == System.in ? null : console.in();
    sqlline.SqlLine.Status status = sqlLine.begin(sqllineArgs.toArray(new String[0]), input, true);
    return status == sqlline.SqlLine.Status.OK ? 0 : 1;
  }

  private static String value(String[] args, int index, String option) throws QuiverCli.UsageException {
    if (index >= args.length) {
      throw new QuiverCli.UsageException("option " + option + " needs a value");
    }
    return args[index];
  }
}
