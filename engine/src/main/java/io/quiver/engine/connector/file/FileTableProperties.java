package io.quiver.engine.connector.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table handle properties of a file table scan: everything an executor needs to read it. The
 * files are listed (and checked against the data directories) on the driver when the scan is
 * planned; the executor reads exactly those.
 */
public final class FileTableProperties {

  public static final String FORMAT = "format";
  /** The files to read, one absolute path per line. */
  public static final String FILES = "files";
  /** The table's column names, one per line, in table order. */
  public static final String COLUMN_NAMES = "columnNames";
  /** Tells the planner it may add {@link #PUSHED_FILTER}. */
  public static final String ACCEPTS_FILTER = "acceptsFilter";
  /** A fragment expression (JSON) over the scan's output columns that rows must satisfy; a hint. */
  public static final String PUSHED_FILTER = "pushedFilter";
  /**
   * For a dataset Quiver wrote: the version directory the files belong to, which readers touch so
   * that it is kept while they read ({@code DatasetLayout#touch}).
   */
  public static final String VERSION = "version";
  /** Format options (CSV header, delimiter, quote, null) are carried with this prefix. */
  public static final String OPTION_PREFIX = "option.";

  private FileTableProperties() {
  }

  public static Map<String, String> of(FileFormatKind format, List<Path> files, List<String> columnNames,
      Map<String, String> options) {
    return of(format, files, columnNames, options, null);
  }

  /** @param version the dataset version the files belong to; null for files outside a dataset */
  public static Map<String, String> of(FileFormatKind format, List<Path> files, List<String> columnNames,
      Map<String, String> options, Path version) {
    Map<String, String> properties = new HashMap<>();
    properties.put(FORMAT, format.extension());
    List<String> paths = new ArrayList<>();
    for (Path file : files) {
      paths.add(file.toString());
    }
    properties.put(FILES, String.join("\n", paths));
    properties.put(COLUMN_NAMES, String.join("\n", columnNames));
    properties.put(ACCEPTS_FILTER, "true");
    if (version != null) {
      properties.put(VERSION, version.toString());
    }
    for (Map.Entry<String, String> option : options.entrySet()) {
      properties.put(OPTION_PREFIX + option.getKey(), option.getValue());
    }
    return properties;
  }

  public static List<Path> filesOf(Map<String, String> properties) {
    String files = properties.getOrDefault(FILES, "");
    List<Path> result = new ArrayList<>();
    if (!files.isEmpty()) {
      for (String file : files.split("\n")) {
        result.add(Path.of(file));
      }
    }
    return result;
  }

  /** The version directory the files belong to; null outside a dataset. */
  public static Path versionOf(Map<String, String> properties) {
    String version = properties.get(VERSION);
    return version == null || version.isEmpty() ? null : Path.of(version);
  }

  public static List<String> columnNamesOf(Map<String, String> properties) {
    String names = properties.getOrDefault(COLUMN_NAMES, "");
    return names.isEmpty() ? List.of() : List.of(names.split("\n", -1));
  }

  public static Map<String, String> optionsOf(Map<String, String> properties) {
    Map<String, String> options = new HashMap<>();
    for (Map.Entry<String, String> property : properties.entrySet()) {
      if (property.getKey().startsWith(OPTION_PREFIX)) {
        options.put(property.getKey().substring(OPTION_PREFIX.length()), property.getValue());
      }
    }
    return options;
  }
}
