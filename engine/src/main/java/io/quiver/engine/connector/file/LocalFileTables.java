package io.quiver.engine.connector.file;

import io.quiver.engine.connector.file.csv.ColumnListParser;
import io.quiver.engine.connector.file.csv.CsvOptions;
import io.quiver.engine.connector.file.csv.CsvSchemaInference;
import io.quiver.engine.connector.file.write.FileTableWriter;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.planner.PlannedStatement;
import io.quiver.sql.catalog.ConnectorTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The file connector: opens Parquet, CSV and Arrow IPC files as tables and writes query results
 * into them, confined to the data directories.
 *
 * <p>Writes are staged in a hidden directory ({@code .quiver-write-*}, which readers skip) and
 * committed by renames: CREATE and APPEND move each new file in under a fresh name; REPLACE writes a
 * whole new sibling directory and swaps it for the old one with two renames, then deletes the old
 * one. A failed or cancelled write deletes its staging directory and leaves the old files intact.
 */
public final class LocalFileTables implements FileTables {

  private static final String STAGING_PREFIX = ".quiver-write-";
  /**
   * Beside the data files of a directory Quiver wrote: the SQL column types, for what the formats
   * cannot say (CHAR(n), VARCHAR(n) in Parquet, every type in CSV). Readers skip names starting
   * with an underscore.
   */
  static final String COLUMNS_FILE = "_quiver_columns";
  /** Beside the data files: the estimated distinct values per column when the files were written. */
  static final String STATISTICS_FILE = "_quiver_statistics";

  private final DataDirectories directories;
  private final BufferAllocator allocator;

  /** @param allocator the parent of the writers' allocators (batches move into it while written) */
  public LocalFileTables(DataDirectories directories, BufferAllocator allocator) {
    this.directories = directories;
    this.allocator = allocator;
  }

  public DataDirectories directories() {
    return directories;
  }

  @Override
  public ConnectorTable open(String schemaName, String tableName, FileSource source, List<Column> declaredColumns) {
    FileFormatKind format = FileFormatKind.of(source.format());
    DataDirectories.Location location = directories.resolve(source.location());
    Map<String, String> options = new HashMap<>(source.options());
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
    if (columns.isEmpty()) {
      List<Path> files = directories.list(location);
      if (files.isEmpty()) {
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "'" + source.location()
            + "' holds no files to take the columns from; declare the columns");
      }
      List<Column> written = writtenColumns(location);
      if (format == FileFormatKind.CSV) {
        columns = written != null ? written : CsvSchemaInference.infer(files.get(0), CsvOptions.of(options));
      } else {
        columns = refine(datasetColumns(files.get(0), format), written);
      }
    }
    return new FileConnectorTable(schemaName, tableName, format, directories, location, columns, options,
        writtenDistinctCounts(location));
  }

  private static List<Column> writtenColumns(DataDirectories.Location location) {
    Path file = location.path().resolve(COLUMNS_FILE);
    if (location.isGlob() || !Files.isRegularFile(file)) {
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

  private static void writeColumnsFile(Path directory, List<Column> columns) throws IOException {
    Path file = directory.resolve(COLUMNS_FILE);
    if (Files.exists(file)) {
      return;
    }
    List<String> declarations = new ArrayList<>();
    for (Column column : columns) {
      declarations.add("\"" + column.name() + "\" " + column.type());
    }
    Path temporary = directory.resolve(STAGING_PREFIX + UUID.randomUUID());
    Files.writeString(temporary, String.join(", ", declarations) + "\n");
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeStatisticsFile(Path directory, List<Column> columns, List<Double> distinctCounts)
      throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      text.append(columns.get(i).name()).append('\t').append(Math.round(distinctCounts.get(i))).append('\n');
    }
    Path temporary = directory.resolve(STAGING_PREFIX + UUID.randomUUID());
    Files.writeString(temporary, text);
    Files.move(temporary, directory.resolve(STATISTICS_FILE), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Distinct counts by column name from the statistics file beside the files, or an empty map. */
  static Map<String, Double> writtenDistinctCounts(DataDirectories.Location location) {
    Map<String, Double> counts = new HashMap<>();
    Path file = location.path().resolve(STATISTICS_FILE);
    if (location.isGlob() || !Files.isRegularFile(file)) {
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
    if (format != FileFormatKind.CSV && !options.isEmpty()) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "unknown option(s) " + options.keySet()
          + " for format '" + format.extension() + "'");
    }
    Path path = location.path();
    boolean singleFile = path.getFileName() != null
        && path.getFileName().toString().endsWith("." + format.extension()) && !Files.isDirectory(path);
    if (mode == WriteMode.CREATE && hasData(path)) {
      throw new QuiverException(ErrorCode.DUPLICATE_OBJECT, "'" + target.location() + "' already holds data");
    }
    if (singleFile && mode == WriteMode.APPEND) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "cannot append to the single file '" + target.location()
          + "'; use a directory");
    }
    Path parent = singleFile || mode == WriteMode.REPLACE ? path.toAbsolutePath().getParent() : path;
    Path staging = parent.resolve(STAGING_PREFIX + UUID.randomUUID());
    directories.checkInside(target.location(), staging);
    List<Column> columns = query.resultSchema().columns();
    try (BufferAllocator writeAllocator = allocator.newChildAllocator("write " + target.location(), 0,
        allocator.getLimit())) {
      Files.createDirectories(staging);
      FileTableWriter writer = new FileTableWriter(format, staging, columns, options, writeAllocator, singleFile);
      FileTableWriter.Result result;
      try {
        jobs.run(query, writer);
        result = writer.finish();
      } catch (RuntimeException | Error e) {
        writer.abort();
        throw e;
      }
      commit(result, staging, path, format, mode, singleFile, columns);
      return result.rows();
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot write '" + target.location() + "': " + e.getMessage(), e);
    } finally {
      deleteQuietly(staging);
    }
  }

  private static boolean hasData(Path path) {
    if (Files.isRegularFile(path)) {
      return true;
    }
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> children = Files.list(path)) {
      return children.anyMatch(child -> !child.getFileName().toString().startsWith(".")
          && !child.getFileName().toString().startsWith("_"));
    } catch (IOException e) {
      return true;
    }
  }

  private void commit(FileTableWriter.Result result, Path staging, Path path, FileFormatKind format,
      WriteMode mode, boolean singleFile, List<Column> columns) throws IOException {
    List<Path> files = result.files();
    String batchId = UUID.randomUUID().toString().substring(0, 8);
    if (singleFile) {
      if (files.isEmpty()) {
        // an empty result still makes a file a reader can open: write none, keep the target absent
        Files.deleteIfExists(path);
        return;
      }
      Files.move(files.get(0), path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    if (mode == WriteMode.REPLACE) {
      Path fresh = staging.resolve("table");
      Files.createDirectories(fresh);
      moveAll(files, fresh, format, batchId);
      writeColumnsFile(fresh, columns);
      writeStatisticsFile(fresh, columns, result.distinctCounts());
      Path old = path.toAbsolutePath().getParent().resolve(STAGING_PREFIX + "old-" + batchId);
      boolean existed = Files.exists(path);
      if (existed) {
        Files.move(path, old, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(fresh, path, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (existed) {
          Files.move(old, path, StandardCopyOption.ATOMIC_MOVE);
        }
        throw e;
      }
      deleteQuietly(old);
      return;
    }
    Files.createDirectories(path);
    writeColumnsFile(path, columns);
    if (mode == WriteMode.CREATE) {
      writeStatisticsFile(path, columns, result.distinctCounts());
    } else {
      // appended rows make the counts stale; unknown is better than wrong
      Files.deleteIfExists(path.resolve(STATISTICS_FILE));
    }
    moveAll(files, path, format, batchId);
  }

  private static void moveAll(List<Path> files, Path directory, FileFormatKind format, String batchId)
      throws IOException {
    List<Path> sorted = new ArrayList<>(files);
    for (int i = 0; i < sorted.size(); i++) {
      Path name = directory.resolve(String.format("part-%s-%05d.%s", batchId, i, format.extension()));
      Files.move(sorted.get(i), name, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  public static void deleteQuietly(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(file -> {
        try {
          Files.delete(file);
        } catch (IOException e) {
          // best effort: a hidden staging directory left behind is invisible to readers
        }
      });
    } catch (IOException e) {
      // as above
    }
  }
}
