package io.quiver.tpcds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text of the 99 TPC-DS queries in {@code src/main/resources/tpcds/queries}, without comment
 * lines: the specification's templates with their qualification substitutions (for the queries
 * the specification gives two of, the first), as standard SQL. {@code NOTES.md} beside them says
 * which were rewritten and why. The substitutions do not depend on the scale factor.
 */
public final class TpcdsQueryText {

  public static final int QUERY_COUNT = 99;

  private TpcdsQueryText() {}

  /** The file name of query {@code number}, e.g. {@code q01.sql}. */
  public static String fileName(int number) {
    return String.format(Locale.ROOT, "q%02d.sql", number);
  }

  /** The query's SQL. */
  public static String load(int number) {
    String resource = "/tpcds/queries/" + fileName(number);
    try (InputStream in = TpcdsQueryText.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no TPC-DS query at " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.stripLeading().startsWith("--")).collect(Collectors.joining("\n"))
          .strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
