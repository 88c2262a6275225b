package io.quiver.tpcds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * The divisions of an integer by an integer, per query, as the query writes them: SQL (like
   * PostgreSQL, and so Quiver) makes them integer divisions, DuckDB's {@code /} a DOUBLE division.
   */
  private static final Map<Integer, List<String>> INTEGER_DIVISIONS = Map.of(
      21, List.of("inv_after / inv_before"),
      34, List.of("household_demographics.hd_dep_count / household_demographics.hd_vehicle_count"),
      73, List.of("household_demographics.hd_dep_count / household_demographics.hd_vehicle_count"),
      78, List.of("ss_qty / (coalesce(ws_qty + cs_qty, 1))"),
      83, List.of("sr_item_qty / (sr_item_qty", "cr_item_qty / (sr_item_qty", "wr_item_qty / (sr_item_qty"));

  /**
   * The query for DuckDB: the same, with its integer divisions written as DuckDB's integer division
   * {@code //}, so that both engines compute what SQL says.
   */
  public static String loadForDuckDb(int number) {
    String text = load(number);
    for (String division : INTEGER_DIVISIONS.getOrDefault(number, List.of())) {
      if (!text.contains(division)) {
        throw new IllegalStateException(fileName(number) + " no longer contains '" + division + "'");
      }
      text = text.replace(division, division.replace(" / ", " // "));
    }
    return text;
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
