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
 * {@code role=admin} or {@code role=user} (the default) or a comma-separated list of roles
 * ({@code role=analyst,etl}: names that GRANT and REVOKE can name; {@code admin} among them gives every
 * right, {@code user} is no role at all), {@code queries=N} (statements the user
 * runs at once) and {@code memory=SIZE} (what the user's queries may hold together, e.g. {@code 2g}),
 * which replace the server's per-user limits for this user. Blank lines and lines starting with
 * {@code #} are ignored.
 */
public final class UserFile {

  /** Allowed user names: no colon (it ends the name in the file and in HTTP BASIC). */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");
  /** The role with every right; {@code user} (the default) is an ordinary user without roles. */
  public static final String ADMIN = "admin";
  public static final String ORDINARY = "user";

  /** One user's line: their roles ({@code admin} and roles of the file's own naming; none for an ordinary user). */
  record Entry(PasswordHash hash, Set<String> roles, UserLimits limits) {
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
      if (!NAME.matcher(name).matches() || name.equalsIgnoreCase("public")) {
        throw new IllegalArgumentException(where + ": invalid user name '" + name + "'"
            + (name.equalsIgnoreCase("public") ? " (PUBLIC stands for every user in GRANT)" : ""));
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
    for (Map.Entry<String, Entry> user : users.entrySet()) {
      for (String role : user.getValue().roles()) {
        if (users.containsKey(role)) {
          throw new IllegalArgumentException(source + ": role '" + role + "' of user '" + user.getKey()
              + "' is also a user's name; roles and users need names of their own");
        }
      }
    }
    return new UserFile(users);
  }

  private static Entry attributes(PasswordHash hash, String[] parts, String where) {
    Set<String> roles = new TreeSet<>();
    Integer queries = null;
    Long memory = null;
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      String key = equals < 0 ? parts[i] : parts[i].substring(0, equals);
      String value = equals < 0 ? "" : parts[i].substring(equals + 1);
      try {
        switch (key) {
          case "role" -> {
            for (String role : value.split(",", -1)) {
              if (!NAME.matcher(role).matches() || role.equalsIgnoreCase("public")) {
                throw new IllegalArgumentException("role is admin, user or names of roles separated by commas, not '"
                    + value + "'");
              }
              if (!role.equals(ORDINARY)) {
                roles.add(role);
              }
            }
          }
          case "queries" -> {
            queries = Integer.parseInt(value);
            if (queries < 0) {
              throw new IllegalArgumentException("queries must not be negative");
            }
          }
          case "memory" -> memory = ClusterOptions.parseSize(value);
          default -> throw new IllegalArgumentException("unknown attribute '" + key
              + "' (role=admin|user|ROLE[,ROLE...], queries=N, memory=SIZE)");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + ": " + key + " needs a number, was '" + value + "'", e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new Entry(hash, Set.copyOf(roles),
        queries == null && memory == null ? null : new UserLimits(queries, memory));
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

  /** {@code admin} for a user with that role, else {@code user}; null for an unknown user. */
  public String role(String name) {
    Entry entry = users.get(name);
    return entry == null ? null : entry.roles().contains(ADMIN) ? ADMIN : ORDINARY;
  }

  /** Every user's roles (empty for ordinary users): what GRANT and the privilege checks know of users. */
  public Map<String, Set<String>> roles() {
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    users.forEach((name, entry) -> roles.put(name, entry.roles()));
    return roles;
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
