package io.quiver.engine.connector.file;

import java.util.Map;
import java.util.Objects;

/**
 * Where a file table's data is and how it is encoded, as a statement gave it: {@code WITH (format =
 * 'parquet', location = 'dir', ...)} on CREATE TABLE or COPY, or the arguments of a table function
 * such as {@code read_csv('x.csv', delimiter => '|')}.
 *
 * @param format {@code parquet}, {@code csv} or {@code arrow}, lower case
 * @param location a file, a directory or a glob, as written (not yet resolved or checked)
 * @param options the other properties in lower-case keys (for CSV: header, delimiter, quote, null ...)
 */
public record FileSource(String format, String location, Map<String, String> options) {

  public FileSource {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(location, "location");
    options = Map.copyOf(options);
  }
}
