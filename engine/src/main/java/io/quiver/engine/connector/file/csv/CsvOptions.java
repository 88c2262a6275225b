package io.quiver.engine.connector.file.csv;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a CSV file is laid out. Options (lower-case keys, as a statement or {@code read_csv} gives
 * them): {@code header} (true), {@code delimiter} (also {@code delim}, {@code sep}; ","), {@code quote}
 * ("\""), {@code escape} (the quote: a doubled quote is one quote), {@code nullstr} (also
 * {@code null}; the empty string: an unquoted empty field is NULL), {@code columns} (declared
 * columns, for example {@code 'id INTEGER, name VARCHAR'}; otherwise types are inferred).
 */
public record CsvOptions(boolean header, char delimiter, char quote, char escape, String nullString,
    String columns) {

  private static final Set<String> KNOWN = Set.of("header", "delimiter", "delim", "sep", "quote", "escape",
      "nullstr", "null", "columns", "format", "location");

  public static final CsvOptions DEFAULT = new CsvOptions(true, ',', '"', '"', "", null);

  public static CsvOptions of(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!KNOWN.contains(key.toLowerCase(Locale.ROOT))) {
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "unknown CSV option '" + key + "'; known: "
            + "header, delimiter, quote, escape, nullstr, columns");
      }
    }
    boolean header = bool(options.getOrDefault("header", "true"));
    char delimiter = character(first(options, ",", "delimiter", "delim", "sep"), "delimiter");
    char quote = character(options.getOrDefault("quote", "\""), "quote");
    char escape = character(options.getOrDefault("escape", String.valueOf(quote)), "escape");
    String nullString = first(options, "", "nullstr", "null");
    if (delimiter == quote) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "the CSV delimiter and quote must differ");
    }
    return new CsvOptions(header, delimiter, quote, escape, nullString, options.get("columns"));
  }

  private static String first(Map<String, String> options, String fallback, String... keys) {
    for (String key : keys) {
      if (options.containsKey(key)) {
        return options.get(key);
      }
    }
    return fallback;
  }

  private static boolean bool(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
      case "yes":
        return true;
      case "false":
      case "0":
      case "no":
        return false;
      default:
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "CSV option header must be true or false, not '"
            + value + "'");
    }
  }

  private static char character(String value, String name) {
    String text = value.equals("\\t") ? "\t" : value;
    if (text.length() != 1) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "CSV option " + name
          + " must be one character, not '" + value + "'");
    }
    return text.charAt(0);
  }
}
