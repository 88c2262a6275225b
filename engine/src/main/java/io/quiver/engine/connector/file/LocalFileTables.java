package io.quiver.engine.connector.file;

import io.quiver.engine.connector.file.csv.ColumnListParser;
import io.quiver.engine.connector.file.csv.CsvOptions;
import io.quiver.engine.connector.file.csv.CsvSchemaInference;
import io.quiver.engine.connector.file.layout.DatasetLayout;
import io.quiver.engine.connector.file.layout.LocationWrite;
import io.quiver.engine.connector.file.layout.WriteOwner;
import io.quiver.engine.connector.file.layout.WriteTarget;
import io.quiver.engine.connector.file.write.FileTableWriter;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.planner.PlannedStatement;
import io.quiver.sql.catalog.ConnectorTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The file connector: opens Parquet, CSV and Arrow IPC files as tables and writes query results
 * into them, confined to the data directories.
 *
 * <p>Writes never destroy what Quiver did not make ({@link WriteTarget}): a directory is written as
 * a dataset of immutable versions behind a pointer that one rename swaps ({@link DatasetLayout}), a
 * single file is replaced by one rename and carries a marker. Writes are journaled and staged in
 * hidden directories; a failed or cancelled write deletes its staging directory and leaves the old
 * data intact, and what a crashed engine left is removed when an engine next starts on the data
 * directory ({@link WriteOwner}).
 */
public final class LocalFileTables implements FileTables, AutoCloseable {

  /** The write property that lets a write go where Quiver would otherwise refuse (see {@link WriteTarget}). */
  public static final String OVERWRITE = "overwrite";

  private final DataDirectories directories;
  private final BufferAllocator allocator;
  private final WriteOwner owner;

  /** @param allocator the parent of the writers' allocators (batches move into it while written) */
  public LocalFileTables(DataDirectories directories, BufferAllocator allocator) {
    this(directories, allocator, WriteOwner.configuredRetention());
  }

  /**
   * @param retention how long a superseded version is kept after a reader last touched it
   */
  public LocalFileTables(DataDirectories directories, BufferAllocator allocator, Duration retention) {
    this.directories = directories;
    this.allocator = allocator;
    this.owner = new WriteOwner(directories.directories(), retention);
  }

  public DataDirectories directories() {
    return directories;
  }

  @Override
  public ConnectorTable open(String schemaName, String tableName, FileSource source, List<Column> declaredColumns) {
    FileFormatKind format = FileFormatKind.of(source.format());
    DataDirectories.Location location = directories.resolve(source.location());
    Map<String, String> options = new HashMap<>(source.options());
    // a write property (CREATE TABLE ... WITH (overwrite = true) AS ...): nothing to do when reading
    options.remove(OVERWRITE);
    List<Column> columns = declaredColumns;
    if (format == FileFormatKind.CSV) {
      CsvOptions csv = CsvOptions.of(options);
      if (columns.isEmpty() && csv.columns() != null) {
        columns = ColumnListParser.parse(csv.columns());
      }
      options.remove("columns");
    } else if (!options.isEmpty()) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "unknown option(s) " + options.keySet()
          + " for format '" + format.extension() + "'");
    }
    Path metadata = DatasetFiles.metadataDirectory(location);
    if (columns.isEmpty()) {
      List<Path> files = DatasetFiles.list(directories, location).files();
      if (files.isEmpty()) {
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "'" + source.location()
            + "' holds no files to take the columns from; declare the columns");
      }
      List<Column> written = writtenColumns(metadata);
      if (format == FileFormatKind.CSV) {
        columns = written != null ? written : CsvSchemaInference.infer(files.get(0), CsvOptions.of(options));
      } else {
        columns = refine(datasetColumns(files.get(0), format), written);
      }
    }
    return new FileConnectorTable(schemaName, tableName, format, directories, location, columns, options,
        writtenDistinctCounts(metadata));
  }

  private static List<Column> writtenColumns(Path directory) {
    Path file = directory == null ? null : directory.resolve(DatasetLayout.COLUMNS_FILE);
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      return ColumnListParser.parse(Files.readString(file).trim());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The file's columns, with the text types Quiver wrote where the format lost their length. */
  private static List<Column> refine(List<Column> fileColumns, List<Column> written) {
    if (written == null) {
      return fileColumns;
    }
    List<Column> refined = new ArrayList<>();
    for (Column column : fileColumns) {
      Column result = column;
      for (Column declared : written) {
        if (declared.name().equals(column.name()) && declared.type().isText() && column.type().isText()) {
          result = new Column(column.name(), declared.type(), column.nullable());
        }
      }
      refined.add(result);
    }
    return refined;
  }

  /** Distinct counts by column name from the statistics file beside the files, or an empty map. */
  static Map<String, Double> writtenDistinctCounts(Path directory) {
    Map<String, Double> counts = new HashMap<>();
    Path file = directory == null ? null : directory.resolve(DatasetLayout.STATISTICS_FILE);
    if (file == null || !Files.isRegularFile(file)) {
      return counts;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        int tab = line.lastIndexOf('\t');
        if (tab > 0) {
          counts.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
        }
      }
    } catch (IOException | RuntimeException e) {
      counts.clear();
    }
    return counts;
  }

  private List<Column> datasetColumns(Path file, FileFormatKind format) {
    try (FileSystemDatasetFactory factory = new FileSystemDatasetFactory(allocator, NativeMemoryPool.getDefault(),
        format.datasetFormat(), file.toUri().toString())) {
      return FileSchemas.toColumns(factory.inspect(), file.toString());
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new QuiverException(ErrorCode.MALFORMED_FILE, "cannot read " + format.extension() + " file '" + file
          + "': " + e.getMessage(), e);
    }
  }

  @Override
  public long write(FileSource target, PlannedStatement query, WriteMode mode, JobRunner jobs) {
    FileFormatKind format = FileFormatKind.of(target.format());
    DataDirectories.Location location = directories.resolve(target.location());
    if (location.isGlob()) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "cannot write to a glob: '" + target.location() + "'");
    }
    Map<String, String> options = new HashMap<>(target.options());
    boolean overwrite = overwrite(options.remove(OVERWRITE));
    if (format != FileFormatKind.CSV && !options.isEmpty()) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "unknown option(s) " + options.keySet()
          + " for format '" + format.extension() + "'");
    }
    Path path = location.path();
    if (path.getParent() == null) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "cannot write to '" + target.location() + "'");
    }
    Supplier<WriteTarget> check = () -> WriteTarget.check(path, target.location(), format.extension(), mode, overwrite);
    WriteTarget checked = check.get();
    // the staging directory goes beside the target
    directories.checkInside(target.location(), path.getParent());
    List<Column> columns = query.resultSchema().columns();
    try (LocationWrite write = owner.begin(directories.home(path), checked);
         BufferAllocator writeAllocator = allocator.newChildAllocator("write " + target.location(), 0,
             allocator.getLimit())) {
      FileTableWriter writer = new FileTableWriter(format, write.staging(), columns, options, writeAllocator,
          checked.singleFile());
      FileTableWriter.Result result;
      try {
        jobs.run(query, writer);
        result = writer.finish();
      } catch (RuntimeException | Error e) {
        writer.abort();
        throw e;
      }
      write.commit(new LocationWrite.Contents(result.files(), format.extension(), columnDeclarations(columns),
          statistics(columns, result.distinctCounts())), check);
      return result.rows();
    }
  }

  private static boolean overwrite(String value) {
    if (value == null) {
      return false;
    }
    switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "overwrite is true or false, not '" + value + "'");
    }
  }

  private static String columnDeclarations(List<Column> columns) {
    List<String> declarations = new ArrayList<>();
    for (Column column : columns) {
      declarations.add("\"" + column.name() + "\" " + column.type());
    }
    return String.join(", ", declarations);
  }

  private static String statistics(List<Column> columns, List<Double> distinctCounts) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      text.append(columns.get(i).name()).append('\t').append(Math.round(distinctCounts.get(i))).append('\n');
    }
    return text.toString();
  }

  /** Gives up this engine's ownership of its data directories (see {@link WriteOwner#close}). */
  @Override
  public void close() {
    owner.close();
  }

  public static void deleteQuietly(Path path) {
    DatasetLayout.deleteTree(path);
  }
}
