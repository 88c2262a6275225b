package io.quiver.cli;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.cluster.ClusterConfig;
import io.quiver.engine.cluster.ClusterOptions;
import io.quiver.engine.cluster.driver.StandaloneCluster;
import io.quiver.engine.driver.LocalQuiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code --cluster} options of {@code quiver server}: without {@code --cluster} (or with
 * {@code --cluster local}) the server's engine runs its tasks in-process; with
 * {@code --cluster standalone} executor processes register at the cluster port and run them.
 *
 * @param remaining the server's other options, in order
 * @param cluster null for local mode
 */
record ClusterServerOptions(List<String> remaining, ClusterConfig cluster) {

  static final String OPTIONS = String.join(System.lineSeparator(),
      "cluster options:",
      "  --cluster MODE            local (default: tasks run in the server) or standalone (executor processes)",
      "  --cluster-port N          where executors register (default " + ClusterConfig.DEFAULT_PORT + ")",
      "  --cluster-bind ADDRESS    the address the cluster port listens on (default " + ClusterOptions.DEFAULT_BIND
          + "; any other needs the cluster TLS options or --allow-plaintext)",
      "  --secret-file FILE        the secret executors must present (or set " + ClusterOptions.SECRET_VARIABLE + ")",
      "  --cluster-tls-cert FILE --cluster-tls-key FILE --cluster-tls-ca FILE   TLS between driver and executors (PEM)",
      "  --max-task-attempts N     attempts per task before the query fails (default 4)",
      "  --executor-timeout S      an executor without heartbeat this long is lost (default 6)",
      "  (--slots is the slot count queries are planned for: the executors' slots together)");

  /** Takes the cluster options out of {@code args}. */
  static ClusterServerOptions extract(String[] args, Map<String, String> environment)
      throws QuiverCli.UsageException {
    List<String> remaining = new ArrayList<>();
    String mode = "local";
    int port = ClusterConfig.DEFAULT_PORT;
    String bind = ClusterOptions.DEFAULT_BIND;
    boolean allowPlaintext = false;
    String secretFile = null;
    String certificate = null;
    String key = null;
    String trusted = null;
    Integer attempts = null;
    Long timeoutSeconds = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--cluster" -> mode = value(args, ++i, arg);
        case "--cluster-port" -> port = (int) number(value(args, ++i, arg), arg, 0);
        case "--cluster-bind" -> bind = value(args, ++i, arg);
        case "--secret-file" -> secretFile = value(args, ++i, arg);
        case "--cluster-tls-cert" -> certificate = value(args, ++i, arg);
        case "--cluster-tls-key" -> key = value(args, ++i, arg);
        case "--cluster-tls-ca" -> trusted = value(args, ++i, arg);
        case "--max-task-attempts" -> attempts = (int) number(value(args, ++i, arg), arg, 1);
        case "--executor-timeout" -> timeoutSeconds = number(value(args, ++i, arg), arg, 1);
        case "--allow-plaintext" -> {
          // the server's own option too: it stays for the server
          allowPlaintext = true;
          remaining.add(arg);
        }
        default -> remaining.add(arg);
      }
    }
    if ("local".equals(mode)) {
      return new ClusterServerOptions(remaining, null);
    }
    if (!"standalone".equals(mode)) {
      throw new QuiverCli.UsageException("--cluster is local or standalone, was '" + mode + "'");
    }
    try {
      ClusterConfig config = ClusterConfig.defaults(bind, port, ClusterOptions.secret(secretFile, environment))
          .withTls(ClusterOptions.tls(certificate, key, trusted)).withAllowPlaintext(allowPlaintext);
      ClusterOptions.checkBind(bind, config.tls() != null, allowPlaintext, "the cluster port");
      if (attempts != null) {
        config = config.withMaxTaskAttempts(attempts);
      }
      if (timeoutSeconds != null) {
        config = config.withExecutorTimeoutMillis(timeoutSeconds * 1000);
      }
      return new ClusterServerOptions(remaining, config);
    } catch (IllegalArgumentException e) {
      throw new QuiverCli.UsageException(e.getMessage());
    }
  }

  String[] remainingArgs() {
    return remaining.toArray(String[]::new);
  }

  /** The engine the server runs on: local, or the driver of a standalone cluster. */
  LocalQuiver startEngine(QuiverConfig config) {
    return cluster == null ? new LocalQuiver(config) : StandaloneCluster.start(config, cluster);
  }

  private static String value(String[] args, int index, String option) throws QuiverCli.UsageException {
    if (index >= args.length) {
      throw new QuiverCli.UsageException("option " + option + " needs a value");
    }
    return args[index];
  }

  private static long number(String text, String option, long least) throws QuiverCli.UsageException {
    try {
      long value = Long.parseLong(text.trim());
      if (value < least || value > 65_535 && option.endsWith("port")) {
        throw new QuiverCli.UsageException(option + " is out of range: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new QuiverCli.UsageException(option + " needs an integer, was '" + text + "'");
    }
  }
}
