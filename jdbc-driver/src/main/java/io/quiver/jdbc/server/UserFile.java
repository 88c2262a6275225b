package io.quiver.jdbc.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server's users: one {@code name:pbkdf2-sha256:ITERATIONS:SALT:HASH} line per user (what
 * {@code quiver passwd NAME} prints); blank lines and lines starting with {@code #} are ignored.
 */
public final class UserFile {

  /** Allowed user names: no colon (it ends the name in the file and in HTTP BASIC). */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");

  private final Map<String, PasswordHash> users;

  private UserFile(Map<String, PasswordHash> users) {
    this.users = Collections.unmodifiableMap(users);
  }

  public static UserFile read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Parses the lines; {@code source} names them in error messages. */
  public static UserFile parse(List<String> lines, String source) {
    Map<String, PasswordHash> users = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String where = source + " line " + (i + 1);
      if (colon <= 0) {
        throw new IllegalArgumentException(where + ": expected NAME:" + PasswordHash.SCHEME + ":...");
      }
      String name = line.substring(0, colon);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(where + ": invalid user name '" + name + "'");
      }
      PasswordHash hash;
      try {
        hash = PasswordHash.decode(line.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      if (users.put(name, hash) != null) {
        throw new IllegalArgumentException(where + ": user '" + name + "' appears twice");
      }
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException(source + ": no users; add lines printed by 'quiver passwd NAME'");
    }
    return new UserFile(users);
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
    return users.get(name);
  }

  /** The highest iteration count of any user (the cost of checking an unknown name). */
  int maxIterations() {
    int max = 1;
    for (PasswordHash hash : users.values()) {
      max = Math.max(max, hash.iterations());
    }
    return max;
  }

  public int size() {
    return users.size();
  }
}
