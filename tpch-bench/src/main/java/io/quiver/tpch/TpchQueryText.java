package io.quiver.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text of the TPC-H queries in {@code src/main/resources/tpch/queries}, without comment lines. */
public final class TpchQueryText {

  public static final int QUERY_COUNT = 22;

  private TpchQueryText() {}

  /** The file name of query {@code number}, e.g. {@code q01.sql}. */
  public static String fileName(int number) {
    return String.format(Locale.ROOT, "q%02d.sql", number);
  }

  public static String load(int number) {
    String resource = "/tpch/queries/" + fileName(number);
    try (InputStream in = TpchQueryText.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no TPC-H query at " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.stripLeading().startsWith("--")).collect(Collectors.joining("\n")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
