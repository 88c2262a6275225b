package io.quiver.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a subcommand talks through; the real ones in {@code main}, captured ones in tests. */
public record Console(InputStream in, PrintStream out, PrintStream err) {

  public static Console system() {
    return new Console(System.in, System.out, System.err);
  }
}
