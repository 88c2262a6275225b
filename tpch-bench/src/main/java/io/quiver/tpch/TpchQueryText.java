package io.quiver.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text of the TPC-H queries in {@code src/main/resources/tpch/queries}, without comment lines.
 * The files hold the validation parameters of scale factor 1; {@link #load(int, double)} adapts the
 * one parameter the specification scales: Q11's FRACTION, 0.0001 / SF.
 */
public final class TpchQueryText {

  public static final int QUERY_COUNT = 22;

  private TpchQueryText() {}

  /** The file name of query {@code number}, e.g. {@code q01.sql}. */
  public static String fileName(int number) {
    return String.format(Locale.ROOT, "q%02d.sql", number);
  }

  /** Q11's FRACTION as the file has it (scale factor 1), inside the expression that uses it. */
  static final String Q11_FRACTION_TEXT = "sum(ps_supplycost * ps_availqty) * 0.0001";

  /** The query as written for scale factor 1. */
  public static String load(int number) {
    return loadFile(number);
  }

  /**
   * The query with its parameters for {@code scaleFactor}: Q11's FRACTION becomes 0.0001 / SF (TPC-H
   * 2.4.11.3), e.g. 0.01 at SF 0.01 and 0.00001 at SF 10; every other query is as written.
   */
  public static String load(int number, double scaleFactor) {
    String text = loadFile(number);
    if (number != 11) {
      return text;
    }
    if (!(scaleFactor > 0)) {
      throw new IllegalArgumentException("scale factor must be positive, was " + scaleFactor);
    }
    if (!text.contains(Q11_FRACTION_TEXT)) {
      throw new IllegalStateException(fileName(number) + " no longer contains '" + Q11_FRACTION_TEXT
          + "', where its FRACTION is scaled");
    }
    return text.replace(Q11_FRACTION_TEXT, "sum(ps_supplycost * ps_availqty) * " + q11Fraction(scaleFactor));
  }

  /** 0.0001 / SF as a plain decimal literal. */
  static String q11Fraction(double scaleFactor) {
    return new BigDecimal("0.0001").divide(BigDecimal.valueOf(scaleFactor), MathContext.DECIMAL64)
        .stripTrailingZeros().toPlainString();
  }

  private static String loadFile(int number) {
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
