package io.quiver.cli;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.admission.AdmissionLimits;
import io.quiver.engine.cluster.ClusterOptions;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.profile.QueryRecord;
import io.quiver.jdbc.server.QuiverServer;
import io.quiver.jdbc.server.UserFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code quiver server}: the Avatica JDBC server over one embedded engine, until the process is
 * stopped. See {@link QuiverServer}.
 */
final class ServerCommand implements Subcommand {

  /** The server's admission limits unless options say otherwise: 100 at once, 1,000 waiting up to 5 minutes. */
  static final AdmissionLimits DEFAULT_ADMISSION = AdmissionLimits.unlimited().withMaxQueries(100, 0)
      .withQueue(1_000, Duration.ofMinutes(5));

  static final String OPTIONS = String.join(System.lineSeparator(),
      "server options:",
      "  --users FILE         users and password hashes, lines from 'quiver passwd NAME' (required)",
      "  --port N             the port (default " + QuiverServer.DEFAULT_PORT + "; 0 for any free port)",
      "  --bind ADDRESS       the address to listen on (default " + QuiverServer.DEFAULT_BIND + ")",
      "  --tls-keystore FILE  serve HTTPS with the key and certificate in this PKCS12/JKS keystore",
      "  --tls-password PW    the keystore's password (or set QUIVER_TLS_PASSWORD)",
      "  --allow-plaintext    allow plain HTTP (and a plain cluster port) on a non-loopback address",
      "  --slots N            executor slots of the engine (default: one per core)",
      "admission control (0 means no limit):",
      "  --max-queries N      statements that run at once, over all users (default "
          + DEFAULT_ADMISSION.maxQueries() + ")",
      "  --max-queries-per-user N   statements one user runs at once (default 0)",
      "  --max-queued N       statements that may wait for their turn (default " + DEFAULT_ADMISSION.maxQueued() + ")",
      "  --queue-timeout S    seconds a statement may wait (default " + DEFAULT_ADMISSION.queueTimeout().toSeconds()
          + ")",
      "  --query-memory SIZE  what one query's tasks may hold, e.g. 2g (default 0)",
      "  --user-memory SIZE   what one user's queries may hold together (default 0)",
      "  (a users-file line may end in queries=N and memory=SIZE: that user's own limits)",
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
    AdmissionLimits admission = DEFAULT_ADMISSION;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--max-queries" -> admission = admission.withMaxQueries(count(value(args, ++i, arg), arg),
            admission.maxQueriesPerUser());
        case "--max-queries-per-user" -> admission = admission.withMaxQueries(admission.maxQueries(),
            count(value(args, ++i, arg), arg));
        case "--max-queued" -> admission = admission.withQueue(count(value(args, ++i, arg), arg),
            admission.queueTimeout());
        case "--queue-timeout" -> admission = admission.withQueue(admission.maxQueued(),
            Duration.ofSeconds(count(value(args, ++i, arg), arg)));
        case "--query-memory" -> admission = admission.withMemory(size(value(args, ++i, arg), arg),
            admission.userMemoryBytes());
        case "--user-memory" -> admission = admission.withMemory(admission.queryMemoryBytes(),
            size(value(args, ++i, arg), arg));
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
    LocalQuiver engine = cluster.startEngine(config);
    engine.admission().configure(admission);
    userFile.limits().forEach(engine.admission()::setUserLimits);
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

  /** A count that may be 0 (no limit). */
  private static int count(String text, String option) throws QuiverCli.UsageException {
    int value = integer(text, option);
    if (value < 0) {
      throw new QuiverCli.UsageException(option + " must not be negative");
    }
    return value;
  }

  /** A size such as 512m or 4g; 0 for no limit. */
  private static long size(String text, String option) throws QuiverCli.UsageException {
    if (text.strip().equals("0")) {
      return 0;
    }
    try {
      return ClusterOptions.parseSize(text);
    } catch (IllegalArgumentException e) {
      throw new QuiverCli.UsageException(option + ": " + e.getMessage());
    }
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
