package io.quiver.engine.connector.file;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.Locale;
import org.apache.arrow.dataset.file.FileFormat;

/** The file formats Quiver reads and writes. */
public enum FileFormatKind {
  PARQUET("parquet", FileFormat.PARQUET),
  CSV("csv", null),
  ARROW("arrow", FileFormat.ARROW_IPC);

  private final String extension;
  private final FileFormat datasetFormat;

  FileFormatKind(String extension, FileFormat datasetFormat) {
    this.extension = extension;
    this.datasetFormat = datasetFormat;
  }

  /** The file name ending, without the dot. */
  public String extension() {
    return extension;
  }

  /** Arrow's dataset format for the formats read through Arrow C++; null for CSV (read in Java). */
  public FileFormat datasetFormat() {
    return datasetFormat;
  }

  /** The format named in a statement: parquet, csv, arrow (also ipc, feather). */
  public static FileFormatKind of(String name) {
    switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "parquet":
        return PARQUET;
      case "csv":
        return CSV;
      case "arrow":
      case "ipc":
      case "feather":
        return ARROW;
      default:
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "unknown file format '" + name
            + "': expected parquet, csv or arrow");
    }
  }
}
