package io.quiver.cli;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.profile.QueryRecord;
import io.quiver.jdbc.server.QuiverServer;
import io.quiver.jdbc.server.UserFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code quiver server}: the Avatica JDBC server over one embedded engine, until the process is
 * stopped. See {@link QuiverServer}.
 */
final class ServerCommand implements Subcommand {

  static final String OPTIONS = String.join(System.lineSeparator(),
      "server options:",
      "  --users FILE         users and password hashes, lines from 'quiver passwd NAME' (required)",
      "  --port N             the port (default " + QuiverServer.DEFAULT_PORT + "; 0 for any free port)",
      "  --bind ADDRESS       the address to listen on (default " + QuiverServer.DEFAULT_BIND + ")",
      "  --tls-keystore FILE  serve HTTPS with the key and certificate in this PKCS12/JKS keystore",
      "  --tls-password PW    the keystore's password (or set QUIVER_TLS_PASSWORD)",
      "  --allow-plaintext    allow plain HTTP on a non-loopback address",
      "  --slots N            executor slots of the engine (default: one per core)",
      ClusterServerOptions.OPTIONS);

  @Override
  public String name() {
    return "server";
  }

  @Override
  public String summary() {
    return "runs the JDBC server (Avatica protobuf over HTTP) with password authentication";
  }

  @Override
  public int run(String[] allArgs, Console console) throws Exception {
    ClusterServerOptions cluster = ClusterServerOptions.extract(allArgs, System.getenv());
    String[] args = cluster.remainingArgs();
    String bind = QuiverServer.DEFAULT_BIND;
    int port = QuiverServer.DEFAULT_PORT;
    Path users = null;
    Path keystore = null;
    String password = System.getenv("QUIVER_TLS_PASSWORD");
    boolean allowPlaintext = false;
    Integer slots = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> port = integer(value(args, ++i, arg), arg);
        case "--bind" -> bind = value(args, ++i, arg);
        case "--users" -> users = Path.of(value(args, ++i, arg));
        case "--tls-keystore" -> keystore = Path.of(value(args, ++i, arg));
        case "--tls-password" -> password = value(args, ++i, arg);
        case "--allow-plaintext" -> allowPlaintext = true;
        case "--slots" -> slots = integer(value(args, ++i, arg), arg);
        case "-h", "--help" -> {
          console.out().println(OPTIONS);
          return 0;
        }
        default -> throw new QuiverCli.UsageException("unknown option '" + arg + "'");
      }
    }
    if (users == null) {
      throw new QuiverCli.UsageException("--users FILE is required (create lines with 'quiver passwd NAME')");
    }
    if (!Files.isReadable(users)) {
      throw new QuiverCli.UsageException("cannot read the users file " + users);
    }
    if (keystore != null && !Files.isReadable(keystore)) {
      throw new QuiverCli.UsageException("cannot read the keystore " + keystore);
    }
    if (port < 0 || port > 65535) {
      throw new QuiverCli.UsageException("--port must be between 0 and 65535");
    }
    UserFile userFile;
    try {
      userFile = UserFile.read(users);
    } catch (IllegalArgumentException e) {
      throw new QuiverCli.UsageException(e.getMessage());
    }
    QuiverServer.Options options = new QuiverServer.Options(bind, port, userFile, keystore, password,
        allowPlaintext);
    QuiverConfig config = QuiverConfig.defaults();
    if (slots != null) {
      if (slots < 1) {
        throw new QuiverCli.UsageException("--slots must be positive");
      }
      config = config.withSlots(slots).withShufflePartitions(2 * slots);
    }
    Quiver engine = cluster.startEngine(config);
    QuiverServer server;
    try {
      server = QuiverServer.start(engine, options);
    } catch (IllegalArgumentException e) {
      engine.close();
      throw new QuiverCli.UsageException(e.getMessage());
    } catch (Exception e) {
      engine.close();
      throw e;
    }
    engine.history().addQueryEndListener(query -> {
      console.err().println(queryLine(query));
      console.err().flush();
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        // Exiting anyway.
      } finally {
        try {
          engine.close();
        } catch (RuntimeException e) {
          // A leak report at exit must not hide the exit itself.
        }
      }
    }, "quiver-server-shutdown"));
    console.err().println("quiver server: listening on " + server.url() + " (" + userFile.size() + " user"
        + (userFile.size() == 1 ? "" : "s") + "); JDBC URL jdbc:quiver://" + server.url().replaceFirst("^https?://", "")
        + (keystore != null ? ";ssl=true" : ""));
    console.err().flush();
    server.join();
    return 0;
  }

  /** The server's console line for a statement that ended: id, user, state, elapsed, rows, error code. */
  static String queryLine(QueryRecord query) {
    StringBuilder line = new StringBuilder("quiver server: ").append(query.queryId())
        .append(" user=").append(query.user() == null ? "-" : query.user())
        .append(' ').append(query.state())
        .append(" in ").append(query.endMillis() - query.startMillis()).append(" ms, ")
        .append(query.rows()).append(query.rows() == 1 ? " row" : " rows");
    if (query.errorCode() != null) {
      line.append(", error ").append(query.errorCode().sqlState());
    }
    return line.toString();
  }

  private static int integer(String text, String option) throws QuiverCli.UsageException {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new QuiverCli.UsageException(option + " needs an integer, was '" + text + "'");
    }
  }

  private static String value(String[] args, int index, String option) throws QuiverCli.UsageException {
    if (index >= args.length) {
      throw new QuiverCli.UsageException("option " + option + " needs a value");
    }
    return args[index];
  }
}
