package io.quiver.engine.connector.file.scan;

import io.quiver.engine.connector.file.FileSchemas;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads one Parquet or Arrow IPC file through Arrow's dataset module (Arrow C++ over JNI): only the
 * wanted columns, and with a pushed filter that lets Arrow skip the Parquet row groups whose
 * statistics rule it out. Each batch Arrow returns is moved (not copied) into a new batch of the
 * scan's schema, converting the few Arrow types that differ from Quiver's.
 */
final class DatasetFileReader implements AutoCloseable {

  /**
   * The root of the buffers Arrow's native reader hands over. It is apart from the engine's root
   * because Arrow releases read-ahead batches on its own threads, sometimes after the scan closes,
   * and its importer keeps a small buffer of a batch the filter emptied: the engine's leak checks
   * must not see those. Batches are copied (buffer by buffer) into the task's allocator.
   */
  private static final BufferAllocator NATIVE_SCANS = new RootAllocator(Long.MAX_VALUE);

  private final Path file;
  private final RowSchema schema;
  private final BufferAllocator allocator;
  private final BufferAllocator scanAllocator;
  private final List<Integer> projectedIndex = new ArrayList<>();
  private FileSystemDatasetFactory factory;
  private Dataset dataset;
  private Scanner scanner;
  private ArrowReader reader;
  private boolean scanAllocatorClosed;

  /**
   * @param columnNames the file column each output column reads, by name
   * @param comparisons conjuncts over output columns to push into the scan
   */
  DatasetFileReader(Path file, FileFormat format, List<String> columnNames, RowSchema schema,
      List<OutputComparison> comparisons, BufferAllocator allocator, int batchSize) {
    this.file = file;
    this.schema = schema;
    this.allocator = allocator;
    this.scanAllocator = NATIVE_SCANS.newChildAllocator("file scan " + file, 0, Long.MAX_VALUE);
    try {
      factory = new FileSystemDatasetFactory(scanAllocator, NativeMemoryPool.getDefault(), format,
          file.toUri().toString());
      Schema fileSchema = factory.inspect();
      Map<String, Integer> projected = new LinkedHashMap<>();
      for (String name : columnNames) {
        Field field = field(fileSchema, name);
        projected.putIfAbsent(field.getName(), projected.size());
        projectedIndex.add(projected.get(field.getName()));
      }
      dataset = factory.finish();
      ScanOptions.Builder options = new ScanOptions.Builder(batchSize)
          .columns(Optional.of(projected.keySet().toArray(new String[0])));
      ByteBuffer filter = filter(fileSchema, columnNames, comparisons);
      if (filter != null) {
        options.substraitFilter(filter);
      }
      scanner = dataset.newScan(options.build());
      reader = scanner.scanBatches();
    } catch (QuiverException e) {
      close();
      throw e;
    } catch (RuntimeException e) {
      close();
      throw FileReadErrors.wrap(file, e);
    }
  }

  /** The next batch (owned by the caller), or null at the end of the file. */
  VectorSchemaRoot next() {
    try {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot source = reader.getVectorSchemaRoot();
        int rows = source.getRowCount();
        if (rows == 0) {
          continue;
        }
        List<FieldVector> vectors = new ArrayList<>(schema.size());
        try {
          boolean[] moved = new boolean[source.getFieldVectors().size()];
          for (int i = 0; i < schema.size(); i++) {
            int index = projectedIndex.get(i);
            FieldVector from = source.getVector(index);
            DataType type = schema.column(i).type();
            if (moved[index]) {
              vectors.add(VectorConversion.copy(vectors.get(projectedIndex.indexOf(index)), schema.column(i)
                  .toArrowField(), allocator));
            } else {
              vectors.add(VectorConversion.moveOrConvert(from, schema.column(i).toArrowField(), type, allocator,
                  file));
              from.clear();
              moved[index] = true;
            }
          }
        } catch (RuntimeException e) {
          vectors.forEach(FieldVector::close);
          throw e;
        }
        return new VectorSchemaRoot(schema.toArrowSchema().getFields(), vectors, rows);
      }
      return null;
    } catch (IOException | RuntimeException e) {
      if (e instanceof QuiverException quiver) {
        throw quiver;
      }
      throw FileReadErrors.wrap(file, e);
    }
  }

  private Field field(Schema fileSchema, String name) {
    for (Field field : fileSchema.getFields()) {
      if (field.getName().equals(name)) {
        return field;
      }
    }
    for (Field field : fileSchema.getFields()) {
      if (field.getName().equalsIgnoreCase(name)) {
        return field;
      }
    }
    throw new QuiverException(ErrorCode.COLUMN_NOT_FOUND, "file '" + file + "' has no column '" + name + "'");
  }

  /** The Substrait filter for the comparisons whose column has exactly Quiver's type in the file. */
  private ByteBuffer filter(Schema fileSchema, List<String> columnNames, List<OutputComparison> comparisons) {
    if (comparisons.isEmpty()) {
      return null;
    }
    List<DataType> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Field field : fileSchema.getFields()) {
      DataType type;
      try {
        type = FileSchemas.toDataType(field, file.toString());
      } catch (QuiverException e) {
        return null;
      }
      if (!type.toArrowType().equals(field.getType())) {
        // Arrow binds the filter to the file's types; a column Quiver converts is left out
        type = null;
      }
      types.add(type);
      names.add(field.getName());
    }
    List<PushedComparison> pushed = new ArrayList<>();
    for (OutputComparison comparison : comparisons) {
      String name = field(fileSchema, columnNames.get(comparison.outputColumn())).getName();
      int index = names.indexOf(name);
      DataType type = types.get(index);
      if (type != null && type.equals(schema.column(comparison.outputColumn()).type())) {
        pushed.add(new PushedComparison(index, comparison.operator(), comparison.value()));
      }
    }
    if (pushed.isEmpty() || types.contains(null)) {
      return null;
    }
    return SubstraitFilter.encode(types, names, pushed);
  }

  private void releaseScanAllocator() {
    if (scanAllocatorClosed) {
      return;
    }
    scanAllocatorClosed = true;
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(200);
    while (scanAllocator.getAllocatedMemory() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (scanAllocator.getAllocatedMemory() == 0) {
      scanAllocator.close();
    }
    // else: the few bytes Arrow still holds stay with this allocator (see NATIVE_SCANS)
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable resource : new AutoCloseable[] {reader, scanner, dataset, factory}) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = FileReadErrors.wrap(file, e);
        }
      }
    }
    reader = null;
    scanner = null;
    dataset = null;
    factory = null;
    releaseScanAllocator();
    if (failure != null) {
      throw failure;
    }
  }
}
