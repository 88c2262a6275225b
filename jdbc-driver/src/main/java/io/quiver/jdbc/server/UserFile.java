package io.quiver.jdbc.server;

import io.quiver.engine.admission.UserLimits;
import io.quiver.engine.cluster.ClusterOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The server's users: one {@code name:pbkdf2-sha256:ITERATIONS:SALT:HASH} line per user (what
 * {@code quiver passwd NAME} prints), optionally followed by attributes separated by spaces:
 * {@code role=admin} or {@code role=user} (the default), {@code queries=N} (statements the user
 * runs at once) and {@code memory=SIZE} (what the user's queries may hold together, e.g. {@code 2g}),
 * which replace the server's per-user limits for this user. Blank lines and lines starting with
 * {@code #} are ignored.
 */
public final class UserFile {

  /** Allowed user names: no colon (it ends the name in the file and in HTTP BASIC). */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");
  /** The roles a user may have; {@code admin} is for the authorization still to come. */
  public static final Set<String> ROLES = Set.of("admin", "user");

  /** One user's line. */
  record Entry(PasswordHash hash, String role, UserLimits limits) {
  }

  private final Map<String, Entry> users;

  private UserFile(Map<String, Entry> users) {
    this.users = Collections.unmodifiableMap(users);
  }

  public static UserFile read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Parses the lines; {@code source} names them in error messages. */
  public static UserFile parse(List<String> lines, String source) {
    Map<String, Entry> users = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + " line " + (i + 1);
      String[] parts = line.split("\\s+");
      String credentials = parts[0];
      int colon = credentials.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(where + ": expected NAME:" + PasswordHash.SCHEME + ":...");
      }
      String name = credentials.substring(0, colon);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(where + ": invalid user name '" + name + "'");
      }
      PasswordHash hash;
      try {
        hash = PasswordHash.decode(credentials.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      if (users.put(name, attributes(hash, parts, where)) != null) {
        throw new IllegalArgumentException(where + ": user '" + name + "' appears twice");
      }
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException(source + ": no users; add lines printed by 'quiver passwd NAME'");
    }
    return new UserFile(users);
  }

  private static Entry attributes(PasswordHash hash, String[] parts, String where) {
    String role = "user";
    Integer queries = null;
    Long memory = null;
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      String key = equals < 0 ? parts[i] : parts[i].substring(0, equals);
      String value = equals < 0 ? "" : parts[i].substring(equals + 1);
      try {
        switch (key) {
          case "role" -> {
            if (!ROLES.contains(value)) {
              throw new IllegalArgumentException("role is one of " + new TreeSet<>(ROLES) + ", not '" + value + "'");
            }
            role = value;
          }
          case "queries" -> {
            queries = Integer.parseInt(value);
            if (queries < 0) {
              throw new IllegalArgumentException("queries must not be negative");
            }
          }
          case "memory" -> memory = ClusterOptions.parseSize(value);
          default -> throw new IllegalArgumentException("unknown attribute '" + key
              + "' (role=admin|user, queries=N, memory=SIZE)");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + ": " + key + " needs a number, was '" + value + "'", e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new Entry(hash, role, queries == null && memory == null ? null : new UserLimits(queries, memory));
  }

  /** The line for a user, as {@code quiver passwd} prints it. */
  public static String line(String name, PasswordHash hash) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid user name '" + name + "': use letters, digits and ._@+-");
    }
    return name + ":" + hash.encode();
  }

  /** The user's hash, or null for an unknown user. */
  PasswordHash get(String name) {
    Entry entry = users.get(name);
    return entry == null ? null : entry.hash();
  }

  /** The user's role ({@link #ROLES}), or null for an unknown user. */
  public String role(String name) {
    Entry entry = users.get(name);
    return entry == null ? null : entry.role();
  }

  /** The users with limits of their own (the {@code queries=} and {@code memory=} attributes). */
  public Map<String, UserLimits> limits() {
    Map<String, UserLimits> limits = new LinkedHashMap<>();
    users.forEach((name, entry) -> {
      if (entry.limits() != null) {
        limits.put(name, entry.limits());
      }
    });
    return limits;
  }

  /** The highest iteration count of any user (the cost of checking an unknown name). */
  int maxIterations() {
    int max = 1;
    for (Entry entry : users.values()) {
      max = Math.max(max, entry.hash().iterations());
    }
    return max;
  }

  public int size() {
    return users.size();
  }
}
