package io.quiver.engine.cluster;

import io.quiver.engine.cluster.protocol.ClusterTls;
import io.quiver.engine.cluster.protocol.SharedSecret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Command-line pieces the driver and the executors share: the secret, TLS files, sizes. */
public final class ClusterOptions {

  /** The environment variable that may hold the cluster secret. */
  public static final String SECRET_VARIABLE = "QUIVER_CLUSTER_SECRET";

  private ClusterOptions() {
  }

  /**
   * The secret from {@code --secret-file} if given, else from {@value #SECRET_VARIABLE}.
   *
   * @throws IllegalArgumentException if neither is set or the secret is too short
   */
  public static SharedSecret secret(String secretFile, Map<String, String> environment) {
    String secret;
    if (secretFile != null) {
      try {
        secret = Files.readString(Path.of(secretFile), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the secret file " + secretFile + ": " + e.getMessage(), e);
      }
    } else {
      secret = environment.get(SECRET_VARIABLE);
      if (secret == null) {
        throw new IllegalArgumentException("cluster mode needs a shared secret: --secret-file FILE or "
            + SECRET_VARIABLE);
      }
    }
    return new SharedSecret(secret);
  }

  /** TLS from three files, all or none. */
  public static ClusterTls tls(String certificate, String key, String trusted) {
    if (certificate == null && key == null && trusted == null) {
      return null;
    }
    if (certificate == null || key == null || trusted == null) {
      throw new IllegalArgumentException("TLS needs --tls-cert, --tls-key and --tls-ca together");
    }
    return new ClusterTls(Path.of(certificate), Path.of(key), Path.of(trusted));
  }

  /** The address the cluster port and executors listen on unless told otherwise. */
  public static final String DEFAULT_BIND = "127.0.0.1";

  /**
   * Refuses to listen on a non-loopback address without TLS unless plaintext is allowed: fragments,
   * results, shuffle data and the shared secret itself would cross the network in clear text.
   *
   * @param what the listener, for the message
   * @throws IllegalArgumentException when refused, or when the address cannot be resolved
   */
  public static void checkBind(String bind, boolean tls, boolean allowPlaintext, String what) {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve the bind address '" + bind + "' of " + what, e);
    }
    if (!tls && !allowPlaintext && !address.isLoopbackAddress()) {
      throw new IllegalArgumentException("refusing to listen on " + bind + " for " + what + " without TLS: task "
          + "fragments, results, shuffle data and the cluster secret would cross the network in clear text; give "
          + "the TLS options, or --allow-plaintext if the network is trusted");
    }
  }

  /** Parses sizes such as {@code 512m}, {@code 4g} or a plain byte count. */
  public static long parseSize(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    char last = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
    if (last == 'k' || last == 'm' || last == 'g' || last == 't') {
      unit = switch (last) {
        case 'k' -> 1L << 10;
        case 'm' -> 1L << 20;
        case 'g' -> 1L << 30;
        default -> 1L << 40;
      };
      value = value.substring(0, value.length() - 1);
    }
    try {
      long number = Long.parseLong(value);
      if (number <= 0) {
        throw new IllegalArgumentException("size must be positive: " + text);
      }
      return Math.multiplyExact(number, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a size (like 512m or 4g): " + text, e);
    }
  }

  /** Splits {@code host:port}. */
  public static String[] hostAndPort(String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got " + text);
    }
    String host = text.substring(0, colon);
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port out of range in " + text);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected host:port, got " + text, e);
    }
    return new String[] {host, text.substring(colon + 1)};
  }
}
