package io.quiver.engine.connector.file.scan;

import io.quiver.engine.connector.file.DataDirectories;
import io.quiver.engine.connector.file.FileFormatKind;
import io.quiver.engine.connector.file.FileTableProperties;
import io.quiver.engine.connector.file.layout.DatasetLayout;
import io.quiver.engine.connector.file.FileTables;
import io.quiver.engine.connector.file.csv.CsvFileReader;
import io.quiver.engine.connector.file.csv.CsvOptions;
import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads file tables on an executor. Split {@code s} of {@code n} reads the files at positions
 * {@code s, s + n, ...} of the list the driver planned, one after another. The driver checked the
 * files against its data directories when it planned the scan; this reader checks each again
 * against the directories of the process it runs in (an executor process has its own
 * {@code --data-dir}), so a fragment naming a file outside them reads nothing. Thread-safe.
 */
public final class FileDataSource implements TableDataSource {

  private final DataDirectories directories;

  /** @param directories the data directories of this process: every file read must lie inside one */
  public FileDataSource(DataDirectories directories) {
    this.directories = directories;
  }

  @Override
  public String connectorName() {
    return FileTables.CONNECTOR_NAME;
  }

  @Override
  public SplitReader open(TableHandle table, List<Integer> columns, RowSchema schema, int split, int splitCount,
      BufferAllocator allocator, int batchSize) {
    Map<String, String> properties = table.properties();
    FileFormatKind format = FileFormatKind.of(properties.get(FileTableProperties.FORMAT));
    List<Path> all = FileTableProperties.filesOf(properties);
    List<String> tableColumns = FileTableProperties.columnNamesOf(properties);
    if (splitCount < 1 || split < 0 || split >= splitCount) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "split " + split + " of " + splitCount
          + " does not exist for " + table);
    }
    List<Path> files = new ArrayList<>();
    for (int i = split; i < all.size(); i += splitCount) {
      Path file = all.get(i);
      directories.checkInside(file.toString(), file);
      files.add(file);
    }
    List<String> names = new ArrayList<>();
    for (int column : columns) {
      if (column < 0 || column >= tableColumns.size()) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "no column " + column + " in " + table);
      }
      names.add(tableColumns.get(column));
    }
    List<OutputComparison> comparisons = List.of();
    String filter = properties.get(FileTableProperties.PUSHED_FILTER);
    if (filter != null && format != FileFormatKind.CSV) {
      List<DataType> types = new ArrayList<>();
      for (Column column : schema.columns()) {
        types.add(column.type());
      }
      comparisons = PushedFilters.comparisons(FragmentCodec.decodeExpression(filter), types);
    }
    CsvOptions csv = format == FileFormatKind.CSV
        ? CsvOptions.of(FileTableProperties.optionsOf(properties)) : null;
    List<OutputComparison> pushed = comparisons;
    Path version = FileTableProperties.versionOf(properties);
    return new SplitReader() {
      private int next;
      private DatasetFileReader dataset;
      private CsvFileReader text;

      @Override
      public VectorSchemaRoot next() {
        while (true) {
          if (dataset == null && text == null) {
            if (next == files.size()) {
              return null;
            }
            Path file = files.get(next++);
            if (version != null) {
              DatasetLayout.touch(version);
            }
            if (format == FileFormatKind.CSV) {
              text = new CsvFileReader(file, csv, tableColumns.size(), columns, tableColumns, schema, allocator,
                  batchSize);
            } else {
              dataset = new DatasetFileReader(file, format.datasetFormat(), names, schema, pushed, allocator,
                  batchSize);
            }
          }
          VectorSchemaRoot batch = dataset != null ? dataset.next() : text.next();
          if (batch != null) {
            return batch;
          }
          closeFile();
        }
      }

      private void closeFile() {
        try {
          if (dataset != null) {
            dataset.close();
          }
          if (text != null) {
            text.close();
          }
        } finally {
          dataset = null;
          text = null;
        }
      }

      @Override
      public void close() {
        closeFile();
      }
    };
  }
}
