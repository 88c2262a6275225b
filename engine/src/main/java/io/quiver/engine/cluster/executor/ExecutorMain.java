package io.quiver.engine.cluster.executor;

import io.quiver.engine.cluster.ClusterOptions;
import io.quiver.engine.cluster.protocol.ClusterTls;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import io.quiver.engine.QuiverConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code quiver executor --driver host:port --slots N [--memory SIZE] [--work-dir DIR] [--port P]
 * [--host ADVERTISED] [--bind ADDRESS] [--allow-plaintext] [--secret-file FILE]
 * [--tls-cert F --tls-key F --tls-ca F] [--driver-timeout SECONDS]}: an executor process. Returns when the driver is gone or no longer
 * knows it.
 */
public final class ExecutorMain {

  public static final String OPTIONS = """
      executor options:
        --driver HOST:PORT     the driver's cluster port (required)
        --slots N              tasks run at once (default: cores)
        --memory SIZE          memory for tasks and shuffle output, e.g. 4g (default: half the heap)
        --work-dir DIR         where spilled shuffle files go (default: the temp directory)
        --port P               this executor's Flight port (default: any free port)
        --host NAME            how others reach this executor (default: the bind address, or this
                               host's address when binding all interfaces)
        --bind ADDRESS         the interface to listen on (default: 127.0.0.1; any other needs TLS
                               or --allow-plaintext)
        --allow-plaintext      listen on a non-loopback address without TLS (a trusted network)
        --secret-file FILE     the cluster secret (default: $QUIVER_CLUSTER_SECRET)
        --tls-cert FILE --tls-key FILE --tls-ca FILE   TLS with PEM files
        --driver-timeout S     exit after the driver was unreachable this long (default: 30)
        --data-dir DIR         a directory tasks may read files from (repeatable; the driver's data
                               directories at the same paths, e.g. a shared mount; default: the
                               current directory)""";

  private ExecutorMain() {
  }

  public static void main(String[] args) {
    int status = run(args, System.getenv(), System.err);
    System.exit(status);
  }

  /** Runs an executor until it stops; returns the exit status (2 for wrong usage). */
  public static int run(String[] args, Map<String, String> environment, PrintStream err) {
    ExecutorSettings settings;
    try {
      settings = parse(args, environment);
    } catch (IllegalArgumentException e) {
      err.println("quiver executor: " + e.getMessage());
      err.println(OPTIONS);
      return 2;
    }
    ExecutorProcess executor;
    try {
      executor = ExecutorProcess.start(settings);
    } catch (RuntimeException e) {
      err.println("quiver executor: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(executor::close, "quiver-executor-shutdown"));
    try {
      String reason = executor.awaitStop();
      err.println("quiver executor " + executor.executorId() + " stops: " + reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      executor.close();
    }
    return 0;
  }

  static ExecutorSettings parse(String[] args, Map<String, String> environment) {
    String driver = null;
    int slots = Runtime.getRuntime().availableProcessors();
    long memory = Runtime.getRuntime().maxMemory() / 2;
    Path workDir = null;
    int port = 0;
    String host = null;
    String bind = ClusterOptions.DEFAULT_BIND;
    boolean allowPlaintext = false;
    String secretFile = null;
    String certificate = null;
    String key = null;
    String trusted = null;
    long driverTimeoutMillis = 30_000;
    // `quiver --data-dir DIR executor ...` hands them over as the system property
    List<Path> dataDirectories = new ArrayList<>(QuiverConfig.parseDataDirectories(
        System.getProperty(QuiverConfig.DATA_DIRECTORIES_PROPERTY, "")));
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if ("--allow-plaintext".equals(option)) {
        allowPlaintext = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--driver" -> driver = value;
        case "--slots" -> slots = positive(option, value);
        case "--memory" -> memory = ClusterOptions.parseSize(value);
        case "--work-dir" -> workDir = Path.of(value);
        case "--port" -> port = Integer.parseInt(value);
        case "--host" -> host = value;
        case "--bind" -> bind = value;
        case "--secret-file" -> secretFile = value;
        case "--tls-cert" -> certificate = value;
        case "--tls-key" -> key = value;
        case "--tls-ca" -> trusted = value;
        case "--driver-timeout" -> driverTimeoutMillis = positive(option, value) * 1000L;
        case "--data-dir" -> dataDirectories.add(Path.of(value).toAbsolutePath());
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (driver == null) {
      throw new IllegalArgumentException("--driver HOST:PORT is required");
    }
    String[] driverAddress = ClusterOptions.hostAndPort(driver);
    ClusterTls tls = ClusterOptions.tls(certificate, key, trusted);
    ClusterOptions.checkBind(bind, tls != null, allowPlaintext, "the executor's shuffle port");
    return new ExecutorSettings(driverAddress[0], Integer.parseInt(driverAddress[1]), slots, memory, workDir, bind,
        port, host == null ? advertised(bind) : host, 8192, driverTimeoutMillis,
        ClusterOptions.secret(secretFile, environment), tls, allowPlaintext, dataDirectories);
  }

  private static int positive(String option, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number < 1) {
        throw new IllegalArgumentException(option + " must be at least 1, was " + value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got " + value, e);
    }
  }

  /** How others reach an executor bound to {@code bind}: that address, or this host's for a wildcard. */
  static String advertised(String bind) {
    try {
      InetAddress address = InetAddress.getByName(bind);
      return address.isAnyLocalAddress() ? localAddress() : address.getHostAddress();
    } catch (UnknownHostException e) {
      return bind;
    }
  }

  private static String localAddress() {
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      return "127.0.0.1";
    }
  }
}
