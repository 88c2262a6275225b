package io.quiver.engine.connector.file.csv;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads one CSV file into batches of the scan's columns. Only the wanted fields are parsed. A row
 * with the wrong number of fields, or a field that is not a value of its column's type, fails the
 * scan with the file, line and column in the message.
 */
public final class CsvFileReader implements AutoCloseable {

  private final Path file;
  private final CsvOptions options;
  private final int tableColumnCount;
  private final List<Integer> fieldIndexes;
  private final List<String> columnNames;
  private final RowSchema schema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final CsvRecordReader records;
  private boolean done;

  /**
   * @param tableColumnCount the fields every record must have
   * @param fieldIndexes the field each output column reads
   * @param columnNames the table's column names, for messages
   */
  public CsvFileReader(Path file, CsvOptions options, int tableColumnCount, List<Integer> fieldIndexes,
      List<String> columnNames, RowSchema schema, BufferAllocator allocator, int batchSize) {
    this.file = file;
    this.options = options;
    this.tableColumnCount = tableColumnCount;
    this.fieldIndexes = List.copyOf(fieldIndexes);
    this.columnNames = columnNames;
    this.schema = schema;
    this.allocator = allocator;
    this.batchSize = batchSize;
    try {
      Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      this.records = new CsvRecordReader(in, file, options);
      if (options.header() && !records.next()) {
        done = true;
      }
    } catch (NoSuchFileException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "file '" + file + "' does not exist", e);
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot read file '" + file + "': " + e.getMessage(), e);
    }
  }

  /** The next batch (owned by the caller), or null at the end of the file. */
  public VectorSchemaRoot next() {
    if (done) {
      return null;
    }
    VectorSchemaRoot batch = VectorSchemaRoot.create(schema.toArrowSchema(), allocator);
    try {
      List<FieldVector> vectors = batch.getFieldVectors();
      for (FieldVector vector : vectors) {
        vector.setInitialCapacity(batchSize);
        vector.allocateNew();
      }
      int rows = 0;
      while (rows < batchSize) {
        if (!records.next()) {
          done = true;
          break;
        }
        List<String> fields = records.fields();
        if (fields.size() != tableColumnCount) {
          throw wrongFieldCount(file, records.recordLine(), tableColumnCount, fields.size());
        }
        for (int i = 0; i < vectors.size(); i++) {
          int field = fieldIndexes.get(i);
          String text = fields.get(field);
          if (!records.isQuoted(field) && text.equals(options.nullString())) {
            continue;
          }
          DataType type = schema.column(i).type();
          try {
            CsvValueWriter.set(vectors.get(i), type, rows, text);
          } catch (RuntimeException e) {
            throw new QuiverException(ErrorCode.MALFORMED_FILE, "file '" + file + "' line " + records.recordLine()
                + " column '" + columnNames.get(field) + "': cannot read '" + text + "' as " + type);
          }
        }
        rows++;
      }
      if (rows == 0) {
        batch.close();
        return null;
      }
      for (FieldVector vector : vectors) {
        vector.setValueCount(rows);
      }
      batch.setRowCount(rows);
      return batch;
    } catch (IOException e) {
      batch.close();
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot read file '" + file + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    }
  }

  static QuiverException wrongFieldCount(Path file, long line, int expected, int found) {
    return new QuiverException(ErrorCode.MALFORMED_FILE, "file '" + file + "' line " + line + ": expected "
        + expected + " fields, found " + found);
  }

  @Override
  public void close() {
    try {
      records.close();
    } catch (IOException e) {
      // closing a file we only read cannot lose data
    }
  }
}
