package io.quiver.slt;

import io.quiver.slt.SltRecord.SortMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the text of one {@code .slt} file into records; the format is documented on
 * {@link SqlLogicTest}. Any line that does not fit the format is an {@link SltParseException}
 * naming {@code file:line}.
 */
public final class SltParser {

  /** The column type letters a {@code query} header may use; see {@link SltValueRenderer}. */
  static final String TYPE_LETTERS = "IRNTBDS?";

  private static final Pattern SQL_STATE = Pattern.compile("[0-9A-Z]{2,5}");

  private final String fileName;
  private final List<String> lines;
  private int index;

  private SltParser(String fileName, String text) {
    this.fileName = fileName;
    this.lines = Arrays.asList(text.split("\n", -1));
  }

  /** Parses a whole file; stops at {@code halt}, whose record is the last one returned. */
  public static List<SltRecord> parse(String fileName, String text) {
    return new SltParser(fileName, text).parseRecords();
  }

  private List<SltRecord> parseRecords() {
    List<SltRecord> records = new ArrayList<>();
    Optional<SltRecord.Marker> marker = Optional.empty();
    String markerLocation = null;
    while (index < lines.size()) {
      String line = line(index);
      if (isBlank(line) || line.startsWith("#")) {
        index++;
        continue;
      }
      String location = location(index);
      String[] words = line.trim().split("\\s+", 2);
      String keyword = words[0];
      String rest = words.length > 1 ? words[1].trim() : "";
      switch (keyword) {
        case "skip", "gap" -> {
          if (rest.isEmpty()) {
            throw new SltParseException(location, "'" + keyword + "' needs a reason, e.g. '" + keyword + " BUG: ...'");
          }
          if (marker.isPresent()) {
            throw new SltParseException(location, "two 'skip' or 'gap' lines before one record");
          }
          SltRecord.Marker.Kind kind = keyword.equals("skip") ? SltRecord.Marker.Kind.SKIP : SltRecord.Marker.Kind.GAP;
          marker = Optional.of(new SltRecord.Marker(kind, rest));
          markerLocation = location;
          index++;
        }
        case "halt" -> {
          if (!rest.isEmpty()) {
            throw new SltParseException(location, "'halt' takes no arguments, found '" + rest + "'");
          }
          records.add(new SltRecord.Halt(location, marker));
          return records;
        }
        case "statement" -> {
          records.add(parseStatement(location, rest, marker));
          marker = Optional.empty();
        }
        case "query" -> {
          records.add(parseQuery(location, rest, marker));
          marker = Optional.empty();
        }
        default -> throw new SltParseException(
            location, "expected 'statement', 'query', 'skip', 'gap', 'halt' or a '#' comment, found '" + line + "'");
      }
    }
    if (marker.isPresent()) {
      throw new SltParseException(markerLocation, "'" + marker.get().kind().name().toLowerCase(Locale.ROOT)
          + "' is not followed by a record");
    }
    return records;
  }

  private SltRecord parseStatement(String location, String arguments, Optional<SltRecord.Marker> marker) {
    index++;
    if (arguments.equals("ok")) {
      return new SltRecord.StatementOk(location, marker, readStatementSql(location));
    }
    if (arguments.startsWith("count ")) {
      try {
        long count = Long.parseLong(arguments.substring("count ".length()).trim());
        return new SltRecord.StatementCount(location, marker, readStatementSql(location), count);
      } catch (NumberFormatException e) {
        throw new SltParseException(location, "expected 'statement count <number>', found '" + arguments + "'");
      }
    }
    if (arguments.equals("error") || arguments.startsWith("error ")) {
      String rest = arguments.substring("error".length()).trim();
      Optional<String> sqlState = Optional.empty();
      if (rest.startsWith("SQLSTATE")) {
        String[] parts = rest.split("\\s+", 3);
        if (parts.length < 2 || !parts[0].equals("SQLSTATE") || !SQL_STATE.matcher(parts[1]).matches()) {
          throw new SltParseException(location, "expected 'SQLSTATE' and a code of 2 to 5 characters, found '" + rest + "'");
        }
        sqlState = Optional.of(parts[1]);
        rest = parts.length > 2 ? parts[2].trim() : "";
      }
      Optional<Pattern> pattern = Optional.empty();
      if (!rest.isEmpty()) {
        try {
          pattern = Optional.of(Pattern.compile(rest));
        } catch (PatternSyntaxException e) {
          throw new SltParseException(location, "invalid error regex '" + rest + "': " + e.getDescription());
        }
      }
      return new SltRecord.StatementError(location, marker, readStatementSql(location), sqlState, pattern);
    }
    throw new SltParseException(location,
        "expected 'statement ok', 'statement count <n>' or 'statement error [SQLSTATE <code>] [regex]'");
  }

  private String readStatementSql(String location) {
    List<String> sql = new ArrayList<>();
    while (index < lines.size() && !isBlank(line(index))) {
      if (line(index).equals("----")) {
        throw new SltParseException(location(index), "a statement has no result; use 'query' to check rows");
      }
      sql.add(line(index));
      index++;
    }
    return joinSql(location, sql);
  }

  private SltRecord parseQuery(String location, String arguments, Optional<SltRecord.Marker> marker) {
    index++;
    String[] words = arguments.isEmpty() ? new String[0] : arguments.split("\\s+");
    if (words.length == 0) {
      throw new SltParseException(location, "'query' needs column types, e.g. 'query ITR'");
    }
    String types = words[0];
    for (int i = 0; i < types.length(); i++) {
      if (TYPE_LETTERS.indexOf(types.charAt(i)) < 0) {
        throw new SltParseException(location, "unknown column type '" + types.charAt(i)
            + "' in '" + types + "'; the types are the letters of " + TYPE_LETTERS);
      }
    }
    SortMode sortMode = SortMode.NOSORT;
    if (words.length >= 2) {
      try {
        sortMode = SortMode.valueOf(words[1].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new SltParseException(location, "expected nosort, rowsort or valuesort, found '" + words[1] + "'");
      }
    }
    if (words.length > 2) {
      throw new SltParseException(location, "unexpected '" + words[2] + "' after the sort mode");
    }
    List<String> sql = new ArrayList<>();
    boolean hasResults = false;
    while (index < lines.size() && !isBlank(line(index))) {
      String line = line(index);
      index++;
      if (line.equals("----")) {
        hasResults = true;
        break;
      }
      sql.add(line);
    }
    String sqlText = joinSql(location, sql);
    List<List<String>> rows = new ArrayList<>();
    if (hasResults) {
      while (index < lines.size() && !isBlank(line(index))) {
        rows.add(splitRow(location(index), line(index), types.length()));
        index++;
      }
    }
    return new SltRecord.Query(location, marker, sqlText, types, sortMode, List.copyOf(rows));
  }

  /** Cells are separated by tabs; a line without tabs is split on single spaces (one column: kept whole). */
  private static List<String> splitRow(String location, String line, int columns) {
    String[] cells;
    if (line.indexOf('\t') >= 0) {
      cells = line.split("\t", -1);
    } else if (columns == 1) {
      cells = new String[] {line};
    } else {
      cells = line.split(" ", -1);
    }
    if (cells.length != columns) {
      throw new SltParseException(location, "expected " + columns + " value(s) in the row, found "
          + cells.length + " in '" + line + "' (separate values with one tab, or one space when no value holds a space)");
    }
    for (String cell : cells) {
      if (cell.isEmpty()) {
        throw new SltParseException(location, "empty value in '" + line + "'; write (empty) for an empty string");
      }
    }
    return List.of(cells);
  }

  private static String joinSql(String location, List<String> sql) {
    String text = String.join("\n", sql).strip();
    if (text.isEmpty()) {
      throw new SltParseException(location, "the record has no SQL");
    }
    return text;
  }

  private String line(int lineIndex) {
    String line = lines.get(lineIndex);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private String location(int lineIndex) {
    return fileName + ":" + (lineIndex + 1);
  }

  private static boolean isBlank(String line) {
    return line.isBlank();
  }
}
