package io.quiver.tpch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checked-in answers of the benchmark queries, one CSV file per query under
 * {@code src/main/resources/<benchmark>/answers/<scale>/qNN.csv} ({@code <benchmark>} is {@code tpch}
 * or {@code tpcds}, {@code <scale>} is {@code sf0.01}, {@code sf1} or {@code sf10}), written from
 * DuckDB's answers by {@link ReferenceAnswerGenerator} (TPC-H) and
 * {@code io.quiver.tpcds.TpcdsReferenceAnswerGenerator} (TPC-DS).
 *
 * <p>The format keeps what {@link AnswerComparison} needs to know about each value. The first line
 * names the columns, each as {@code name:kind} with kind {@code exact} (integers and DECIMAL,
 * compared exactly), {@code double} (compared with a tolerance) or {@code text} (text and dates,
 * compared as is); a header field holding a comma or a quote is quoted. Then one line per row: numbers unquoted ({@code BigDecimal.toPlainString()},
 * {@code Double.toString()}, both exact round trips), text always in double quotes (a quote
 * doubled), and NULL as an empty unquoted field.
 */
public final class ReferenceAnswers {

  /** The scale factors with checked-in answers, as their directory names. */
  public static final List<String> SCALES = List.of("sf0.01", "sf1", "sf10");

  private ReferenceAnswers() {}

  /** The directory name of a scale factor's answers: {@code sf0.01}, {@code sf1}, {@code sf10}. */
  public static String directoryName(double scaleFactor) {
    return "sf" + BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
  }

  /** The file name of query {@code number}'s answer, e.g. {@code q01.csv}. */
  public static String fileName(int number) {
    return String.format(Locale.ROOT, "q%02d.csv", number);
  }

  /** The checked-in TPC-H answer of query {@code number} at {@code scaleFactor}, if there is one. */
  public static Optional<ResultRows> load(double scaleFactor, int number) {
    return load("tpch", scaleFactor, number);
  }

  /**
   * The checked-in answer of query {@code number} of a benchmark ({@code tpch} or {@code tpcds}, the
   * resource directory that holds its {@code answers}) at {@code scaleFactor}, if there is one.
   */
  public static Optional<ResultRows> load(String benchmark, double scaleFactor, int number) {
    String resource = "/" + benchmark + "/answers/" + directoryName(scaleFactor) + "/" + fileName(number);
    try (InputStream in = ReferenceAnswers.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(read(in, resource));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  static ResultRows read(InputStream in, String where) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null) {
      throw new IllegalArgumentException(where + ": empty file, expected a header line");
    }
    List<String> names = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (String field : splitLine(header, where, 1)) {
      int colon = field.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(where + ", line 1: column '" + field + "' has no ':kind'");
      }
      String kind = field.substring(colon + 1);
      if (!List.of("exact", "double", "text").contains(kind)) {
        throw new IllegalArgumentException(where + ", line 1: unknown kind '" + kind + "' of column " + field);
      }
      names.add(field.substring(0, colon));
      kinds.add(kind);
    }
    List<List<Object>> rows = new ArrayList<>();
    int lineNumber = 1;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      List<String> fields = splitLine(line, where, lineNumber);
      if (fields.size() != names.size()) {
        throw new IllegalArgumentException(where + ", line " + lineNumber + ": " + fields.size()
            + " fields, expected " + names.size());
      }
      List<Object> row = new ArrayList<>(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        row.add(parse(fields.get(i), kinds.get(i)));
      }
      rows.add(row);
    }
    return new ResultRows(names, rows);
  }

  /** Writes {@code answer} to {@code file} in the format above. */
  public static void write(ResultRows answer, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      List<String> header = new ArrayList<>();
      for (int column = 0; column < answer.columnNames().size(); column++) {
        String field = answer.columnNames().get(column) + ":" + kind(answer, column);
        // Names of unaliased expressions can hold commas and quotes: then the field is quoted.
        header.add(field.contains(",") || field.contains("\"") ? format(field) : field);
      }
      out.write(String.join(",", header));
      out.write('\n');
      for (List<Object> row : answer.rows()) {
        List<String> fields = new ArrayList<>(row.size());
        for (Object value : row) {
          fields.add(format(value));
        }
        out.write(String.join(",", fields));
        out.write('\n');
      }
    }
  }

  private static String kind(ResultRows answer, int column) {
    for (List<Object> row : answer.rows()) {
      Object value = row.get(column);
      if (value instanceof BigDecimal) {
        return "exact";
      }
      if (value instanceof Double) {
        return "double";
      }
      if (value != null) {
        return "text";
      }
    }
    return "text";
  }

  private static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double number) {
      return Double.toString(number);
    }
    return '"' + value.toString().replace("\"", "\"\"") + '"';
  }

  private static Object parse(String field, String kind) {
    if (field == null) {
      return null;
    }
    return switch (kind) {
      case "exact" -> new BigDecimal(field);
      case "double" -> Double.valueOf(field);
      default -> field;
    };
  }

  /** Splits one CSV line; an empty unquoted field is null, a quoted one is text. */
  private static List<String> splitLine(String line, String where, int lineNumber) {
    List<String> fields = new ArrayList<>();
    int position = 0;
    while (true) {
      if (position < line.length() && line.charAt(position) == '"') {
        StringBuilder text = new StringBuilder();
        position++;
        while (true) {
          if (position >= line.length()) {
            throw new IllegalArgumentException(where + ", line " + lineNumber + ": unterminated quoted field");
          }
          char c = line.charAt(position++);
          if (c == '"') {
            if (position < line.length() && line.charAt(position) == '"') {
              text.append('"');
              position++;
            } else {
              break;
            }
          } else {
            text.append(c);
          }
        }
        fields.add(text.toString());
        if (position < line.length() && line.charAt(position) != ',') {
          throw new IllegalArgumentException(where + ", line " + lineNumber + ": text after a closing quote at "
              + (position + 1));
        }
      } else {
        int comma = line.indexOf(',', position);
        String raw = comma < 0 ? line.substring(position) : line.substring(position, comma);
        fields.add(raw.isEmpty() ? null : raw);
        position = comma < 0 ? line.length() : comma;
      }
      if (position >= line.length()) {
        return fields;
      }
      position++; // the comma
    }
  }
}
