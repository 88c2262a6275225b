package io.quiver.engine.connector.file.csv;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields (RFC 4180 with a configurable delimiter, quote and escape;
 * quoted fields may hold delimiters and line breaks). Tracks the line each record starts on, for
 * error messages.
 */
final class CsvRecordReader implements AutoCloseable {

  private final Reader in;
  private final Path file;
  private final CsvOptions options;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long line = 1;
  private long recordLine;
  private final List<String> fields = new ArrayList<>();
  private final List<Boolean> quoted = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();

  CsvRecordReader(Reader in, Path file, CsvOptions options) {
    this.in = in;
    this.file = file;
    this.options = options;
  }

  /** Reads the next record; false at the end of the file. Blank lines are skipped. */
  boolean next() throws IOException {
    fields.clear();
    quoted.clear();
    int c = read();
    while (c == '\n' || c == '\r') {
      if (c == '\n') {
        line++;
      }
      c = read();
    }
    if (c < 0) {
      return false;
    }
    recordLine = line;
    while (true) {
      field.setLength(0);
      boolean isQuoted = false;
      if (c == options.quote()) {
        isQuoted = true;
        while (true) {
          c = read();
          if (c < 0) {
            throw new QuiverException(ErrorCode.MALFORMED_FILE, "file '" + file + "' line " + recordLine
                + ": a quoted field is not closed before the end of the file");
          }
          if (c == options.escape() && options.escape() != options.quote()) {
            int escaped = read();
            if (escaped >= 0) {
              field.append((char) escaped);
            }
            continue;
          }
          if (c == options.quote()) {
            int after = read();
            if (after == options.quote() && options.escape() == options.quote()) {
              field.append(options.quote());
              continue;
            }
            c = after;
            break;
          }
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        if (c >= 0 && c != options.delimiter() && c != '\n' && c != '\r') {
          throw new QuiverException(ErrorCode.MALFORMED_FILE, "file '" + file + "' line " + line
              + ": unexpected character '" + (char) c + "' after a quoted field");
        }
      } else {
        while (c >= 0 && c != options.delimiter() && c != '\n' && c != '\r') {
          field.append((char) c);
          c = read();
        }
      }
      fields.add(field.toString());
      quoted.add(isQuoted);
      if (c == options.delimiter()) {
        c = read();
        continue;
      }
      if (c == '\r') {
        int after = read();
        if (after != '\n' && after >= 0) {
          position--;
        }
      }
      if (c == '\n' || c == '\r') {
        line++;
      }
      return true;
    }
  }

  List<String> fields() {
    return fields;
  }

  boolean isQuoted(int index) {
    return quoted.get(index);
  }

  /** The line the current record starts on, 1-based. */
  long recordLine() {
    return recordLine;
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
