package io.quiver.engine.connector.file.write;

import io.quiver.engine.connector.file.FileFormatKind;
import io.quiver.engine.connector.file.FileSchemas;
import io.quiver.engine.connector.file.csv.CsvOptions;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.type.Column;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Receives a query's result batches and writes them into a staging directory: each result task's
 * thread writes a file of its own, so the partitions are written in parallel (or, for a
 * single-file target, all threads append to one file in turn). {@link #finish} completes the files
 * and names them; {@link #abort} releases everything (the caller deletes the staging directory).
 */
public final class FileTableWriter implements ResultSink {

  private final FileFormatKind format;
  private final Path staging;
  private final List<Column> columns;
  private final Schema schema;
  private final CsvOptions csv;
  private final BufferAllocator allocator;
  private final boolean singleFile;
  /** A file is closed and the next one started after this many rows, so that scans have splits. */
  public static final long DEFAULT_ROWS_PER_FILE = 1L << 20;

  private final long rowsPerFile;
  private final Map<Thread, PartWriter> writers = new ConcurrentHashMap<>();
  private final Map<Thread, ColumnSketch[]> sketches = new ConcurrentHashMap<>();
  private final java.util.Set<PartWriter> finished = ConcurrentHashMap.newKeySet();
  private final List<PartWriter> all = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();
  private final AtomicInteger parts = new AtomicInteger();
  private volatile boolean ended;

  public FileTableWriter(FileFormatKind format, Path staging, List<Column> columns, Map<String, String> options,
      BufferAllocator allocator, boolean singleFile) {
    this(format, staging, columns, options, allocator, singleFile, DEFAULT_ROWS_PER_FILE);
  }

  /** @param rowsPerFile rows after which a writer thread starts a new file (not for a single-file target) */
  public FileTableWriter(FileFormatKind format, Path staging, List<Column> columns, Map<String, String> options,
      BufferAllocator allocator, boolean singleFile, long rowsPerFile) {
    this.rowsPerFile = rowsPerFile;
    this.format = format;
    this.staging = staging;
    this.columns = List.copyOf(columns);
    this.schema = FileSchemas.toArrowSchema(columns);
    this.csv = format == FileFormatKind.CSV ? CsvOptions.of(options) : null;
    this.allocator = allocator;
    this.singleFile = singleFile;
  }

  @Override
  public void accept(VectorSchemaRoot batch) {
    if (ended) {
      batch.close();
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the write into '" + staging.getParent() + "' has ended");
    }
    if (batch.getFieldVectors().size() != columns.size()) {
      batch.close();
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "a result batch has " + batch.getFieldVectors().size()
          + " columns, the target " + columns.size());
    }
    if (batch.getRowCount() == 0) {
      batch.close();
      return;
    }
    // The task's allocator closes when the task ends: the buffers move into the write's own now.
    batch = moveToWriteAllocator(batch);
    ColumnSketch[] threadSketches = sketches.computeIfAbsent(Thread.currentThread(), thread -> newSketches());
    for (int i = 0; i < threadSketches.length; i++) {
      threadSketches[i].addAll(batch.getVector(i));
    }
    PartWriter writer = singleFile ? shared() : writers.get(Thread.currentThread());
    if (writer == null) {
      writer = open();
      writers.put(Thread.currentThread(), writer);
    }
    if (singleFile) {
      synchronized (writer) {
        writer.write(batch);
      }
    } else {
      writer.write(batch);
      if (writer.rows() >= rowsPerFile) {
        writers.remove(Thread.currentThread());
        finished.add(writer);
        writer.finish();
      }
    }
  }

  private ColumnSketch[] newSketches() {
    ColumnSketch[] created = new ColumnSketch[columns.size()];
    for (int i = 0; i < created.length; i++) {
      created[i] = new ColumnSketch();
    }
    return created;
  }

  private VectorSchemaRoot moveToWriteAllocator(VectorSchemaRoot batch) {
    try (batch) {
      List<FieldVector> moved = new ArrayList<>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        FieldVector target = schema.getFields().get(i).createVector(allocator);
        batch.getVector(i).makeTransferPair(target).transfer();
        moved.add(target);
      }
      return new VectorSchemaRoot(schema.getFields(), moved, batch.getRowCount());
    }
  }

  private synchronized PartWriter shared() {
    PartWriter writer = all.isEmpty() ? null : all.get(0);
    return writer == null ? open() : writer;
  }

  private synchronized PartWriter open() {
    int part = parts.getAndIncrement();
    PartWriter writer;
    Path file;
    switch (format) {
      case PARQUET: {
        ParquetPartWriter parquet = new ParquetPartWriter(staging.resolve("w" + part), schema, allocator);
        file = parquet.file();
        writer = parquet;
        break;
      }
      case ARROW:
        file = staging.resolve("part-" + part + ".arrow");
        writer = new ArrowIpcPartWriter(file, schema, allocator);
        break;
      default:
        file = staging.resolve("part-" + part + ".csv");
        writer = new CsvPartWriter(file, columns, csv);
        break;
    }
    all.add(writer);
    files.add(file);
    return writer;
  }

  /** Completes every file; returns them with the rows written. */
  public synchronized Result finish() {
    ended = true;
    long rows = 0;
    try {
      for (PartWriter writer : all) {
        if (!finished.contains(writer)) {
          writer.finish();
        }
        rows += writer.rows();
      }
    } finally {
      closeAll();
    }
    ColumnSketch[] merged = newSketches();
    for (ColumnSketch[] threadSketches : sketches.values()) {
      for (int i = 0; i < merged.length; i++) {
        merged[i].merge(threadSketches[i]);
      }
    }
    List<Double> distinct = new ArrayList<>();
    for (ColumnSketch sketch : merged) {
      distinct.add(Math.min(sketch.estimate(), (double) rows));
    }
    return new Result(List.copyOf(files), rows, distinct);
  }

  /** Stops and releases every writer; the files are left for the caller to delete. */
  public synchronized void abort() {
    ended = true;
    closeAll();
  }

  private void closeAll() {
    for (PartWriter writer : all) {
      try {
        writer.close();
      } catch (RuntimeException e) {
        // keep releasing the others
      }
    }
  }

  /**
   * The files written (in the staging directory), their rows, and the estimated distinct non-null
   * values of each column.
   */
  public record Result(List<Path> files, long rows, List<Double> distinctCounts) {
  }
}
