package io.quiver.engine.connector.file.csv;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a CSV file's columns: names from the header (or column0, column1, ...), types from the
 * first {@value #SAMPLE_ROWS} records, each the narrowest of BOOLEAN, BIGINT, DOUBLE, DATE,
 * TIMESTAMP, VARCHAR that reads every non-null value of the sample.
 */
public final class CsvSchemaInference {

  static final int SAMPLE_ROWS = 2048;
  private static final DataType[] CANDIDATES = {DataType.BOOLEAN, DataType.BIGINT, DataType.DOUBLE, DataType.DATE,
      DataType.TIMESTAMP, DataType.VARCHAR};

  private CsvSchemaInference() {
  }

  public static List<Column> infer(Path file, CsvOptions options) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvRecordReader records = new CsvRecordReader(in, file, options)) {
      List<String> names = new ArrayList<>();
      int[] candidate = null;
      int sampled = 0;
      if (options.header()) {
        if (!records.next()) {
          throw new QuiverException(ErrorCode.MALFORMED_FILE, "CSV file '" + file + "' is empty: no header");
        }
        names.addAll(records.fields());
      }
      while (sampled < SAMPLE_ROWS && records.next()) {
        List<String> fields = records.fields();
        if (candidate == null) {
          if (names.isEmpty()) {
            for (int i = 0; i < fields.size(); i++) {
              names.add("column" + i);
            }
          }
          candidate = new int[names.size()];
        }
        if (fields.size() != names.size()) {
          throw CsvFileReader.wrongFieldCount(file, records.recordLine(), names.size(), fields.size());
        }
        for (int i = 0; i < fields.size(); i++) {
          String text = fields.get(i);
          if (!records.isQuoted(i) && text.equals(options.nullString())) {
            continue;
          }
          while (!fits(text, CANDIDATES[candidate[i]])) {
            candidate[i]++;
          }
        }
        sampled++;
      }
      List<Column> columns = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        columns.add(new Column(names.get(i), candidate == null ? DataType.VARCHAR : CANDIDATES[candidate[i]], true));
      }
      if (columns.isEmpty()) {
        throw new QuiverException(ErrorCode.MALFORMED_FILE, "CSV file '" + file + "' is empty");
      }
      return columns;
    } catch (NoSuchFileException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "file '" + file + "' does not exist", e);
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot read file '" + file + "': " + e.getMessage(), e);
    }
  }

  private static boolean fits(String text, DataType type) {
    try {
      switch (type.kind()) {
        case BOOLEAN:
          CsvValueWriter.parseBoolean(text);
          return true;
        case BIGINT:
          Long.parseLong(text.trim());
          return true;
        case DOUBLE:
          Double.parseDouble(text.trim());
          return !text.trim().isEmpty() && Character.isDigit(text.trim().charAt(text.trim().length() - 1));
        case DATE:
          LocalDate.parse(text.trim());
          return true;
        case TIMESTAMP:
          CsvValueWriter.parseTimestamp(text);
          return true;
        default:
          return true;
      }
    } catch (RuntimeException e) {
      return false;
    }
  }
}
