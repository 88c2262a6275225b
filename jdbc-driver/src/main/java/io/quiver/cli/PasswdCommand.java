package io.quiver.cli;

import io.quiver.jdbc.server.PasswordHash;
import io.quiver.jdbc.server.UserFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code quiver passwd NAME}: reads a password on stdin (the first line) and prints the line to add
 * to the server's users file, with a salted PBKDF2 hash.
 */
final class PasswdCommand implements Subcommand {

  static final String USAGE = "usage: quiver passwd NAME [--iterations N]  (the password is read on stdin)";

  @Override
  public String name() {
    return "passwd";
  }

  @Override
  public String summary() {
    return "reads a password on stdin and prints the users-file line for NAME";
  }

  @Override
  public int run(String[] args, Console console) throws Exception {
    String name = null;
    int iterations = PasswordHash.DEFAULT_ITERATIONS;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--iterations")) {
        if (++i >= args.length) {
          throw new QuiverCli.UsageException("option --iterations needs a value");
        }
        try {
          iterations = Integer.parseInt(args[i]);
        } catch (NumberFormatException e) {
          iterations = 0;
        }
        if (iterations < 1) {
          throw new QuiverCli.UsageException("--iterations must be a positive integer, was '" + args[i] + "'");
        }
      } else if (arg.equals("-h") || arg.equals("--help")) {
        console.out().println(USAGE);
        return 0;
      } else if (arg.startsWith("-") || name != null) {
        throw new QuiverCli.UsageException("unexpected argument '" + arg + "'; " + USAGE);
      } else {
        name = arg;
      }
    }
    if (name == null) {
      throw new QuiverCli.UsageException(USAGE);
    }
    char[] password = readPassword(console);
    try {
      if (password == null || password.length == 0) {
        console.err().println("quiver passwd: no password on stdin");
        return 1;
      }
      String line;
      try {
        line = UserFile.line(name, PasswordHash.create(password, iterations));
      } catch (IllegalArgumentException e) {
        throw new QuiverCli.UsageException(e.getMessage());
      }
      console.out().println(line);
      return 0;
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  /** The first line of stdin, without its line end; from the terminal without echo when there is one. */
  private static char[] readPassword(Console console) throws Exception {
    if (console.in() == System.in && System.console() != null) {
      return System.console().readPassword("password: ");
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
    String line = reader.readLine();
    return line == null ? null : line.toCharArray();
  }
}
