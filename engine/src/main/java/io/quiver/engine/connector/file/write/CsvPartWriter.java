package io.quiver.engine.connector.file.write;

import io.quiver.engine.connector.file.csv.CsvOptions;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.TypeKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes CSV text: a header line (unless the options say no header), the delimiter between fields,
 * quotes around fields that hold the delimiter, a quote, a line break or look like the NULL marker,
 * and the NULL marker (by default the empty string) for NULL.
 */
final class CsvPartWriter implements PartWriter {

  private final Path file;
  private final List<Column> columns;
  private final CsvOptions options;
  private final Writer out;
  private long rows;

  CsvPartWriter(Path file, List<Column> columns, CsvOptions options) {
    this.file = file;
    this.columns = columns;
    this.options = options;
    try {
      this.out = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16);
      if (options.header()) {
        for (int i = 0; i < columns.size(); i++) {
          if (i > 0) {
            out.write(options.delimiter());
          }
          field(columns.get(i).name(), true);
        }
        out.write('\n');
      }
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot write file '" + file + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void write(VectorSchemaRoot batch) {
    try (batch) {
      int count = batch.getRowCount();
      List<FieldVector> vectors = batch.getFieldVectors();
      for (int row = 0; row < count; row++) {
        for (int i = 0; i < vectors.size(); i++) {
          if (i > 0) {
            out.write(options.delimiter());
          }
          FieldVector vector = vectors.get(i);
          if (vector.isNull(row)) {
            out.write(options.nullString());
          } else {
            TypeKind kind = columns.get(i).type().kind();
            field(text(vector, row, kind), kind == TypeKind.CHAR || kind == TypeKind.VARCHAR);
          }
        }
        out.write('\n');
      }
      rows += count;
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot write file '" + file + "': " + e.getMessage(), e);
    }
  }

  private static String text(FieldVector vector, int row, TypeKind kind) {
    Object value = vector.getObject(row);
    switch (kind) {
      case DECIMAL:
        return ((BigDecimal) value).toPlainString();
      case DATE:
        return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
      case TIME:
        return LocalTime.ofNanoOfDay(((org.apache.arrow.vector.TimeMicroVector) vector).get(row) * 1000L).toString();
      case TIMESTAMP: {
        long micros = ((org.apache.arrow.vector.TimeStampVector) vector).get(row);
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return time.toString().replace('T', ' ');
      }
      case VARBINARY:
        return new String((byte[]) value, StandardCharsets.UTF_8);
      default:
        return value.toString();
    }
  }

  private void field(String text, boolean isText) throws IOException {
    boolean quote = text.indexOf(options.delimiter()) >= 0 || text.indexOf(options.quote()) >= 0
        || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || (isText && text.equals(options.nullString()));
    if (!quote) {
      out.write(text);
      return;
    }
    out.write(options.quote());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == options.quote()) {
        out.write(options.escape());
      }
      out.write(c);
    }
    out.write(options.quote());
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void finish() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot write file '" + file + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      // a failed close after finish() cannot lose data that finish() flushed
    }
  }
}
