package io.quiver.engine.connector.file.write;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes a Parquet file with Arrow C++ (the dataset writer, through JNI). The native writer pulls
 * batches from a reader, so it runs on its own thread, fed through a small queue; {@link #write}
 * blocks when the writer falls behind.
 */
final class ParquetPartWriter implements PartWriter {

  private static final Object END = new Object();

  private final Path directory;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
  private final Thread thread;
  private volatile Throwable failure;
  private volatile boolean aborted;
  private final BufferAllocator allocator;
  private final Schema schema;
  private long rows;

  /**
   * @param directory an empty directory of its own; the file is {@code directory/part-0.parquet}
   */
  ParquetPartWriter(Path directory, Schema schema, BufferAllocator parent) {
    this.directory = directory;
    this.schema = schema;
    // Arrow C++ releases the last exported batches on its own threads just after the write returns:
    // an allocator of its own lets close() wait for that before the buffers are accounted as leaked.
    this.allocator = parent.newChildAllocator("parquet " + directory.getFileName(), 0, parent.getLimit());
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot create '" + directory + "': " + e.getMessage(), e);
    }
    QueueReader reader = new QueueReader(this.allocator, schema);
    this.thread = new Thread(() -> {
      try (reader) {
        DatasetFileWriter.write(this.allocator, reader, FileFormat.PARQUET, directory.toUri().toString(), new String[0],
            1, "part-{i}.parquet");
      } catch (Throwable e) {
        failure = e;
        drain();
      }
    }, "parquet-writer-" + directory.getFileName());
    thread.setDaemon(true);
    thread.start();
  }

  /** The file this writer produces. */
  Path file() {
    return directory.resolve("part-0.parquet");
  }

  @Override
  public void write(VectorSchemaRoot batch) {
    rows += batch.getRowCount();
    put(moveHere(batch));
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void finish() {
    put(END);
    join();
    if (failure != null) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot write Parquet file in '" + directory + "': "
          + failure.getMessage(), failure);
    }
  }

  private VectorSchemaRoot moveHere(VectorSchemaRoot batch) {
    try (batch) {
      List<FieldVector> moved = new ArrayList<>();
      for (int i = 0; i < schema.getFields().size(); i++) {
        FieldVector target = schema.getFields().get(i).createVector(allocator);
        batch.getVector(i).makeTransferPair(target).transfer();
        moved.add(target);
      }
      return new VectorSchemaRoot(schema.getFields(), moved, batch.getRowCount());
    }
  }

  @Override
  public void close() {
    if (thread.isAlive()) {
      aborted = true;
      drain(); // makes room for END: the writer thread may be waiting for the next item
      queue.offer(END);
      join();
    }
    drain();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (allocator.getAllocatedMemory() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    allocator.close();
  }

  private void put(Object item) {
    try {
      while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        if (failure != null || !thread.isAlive()) {
          if (item instanceof VectorSchemaRoot batch) {
            batch.close();
          }
          throw new QuiverException(ErrorCode.IO_ERROR, "the Parquet writer for '" + directory + "' failed: "
              + (failure == null ? "it stopped" : failure.getMessage()), failure);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (item instanceof VectorSchemaRoot batch) {
        batch.close();
      }
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the write was interrupted", e);
    }
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    Object item;
    while ((item = queue.poll()) != null) {
      if (item instanceof VectorSchemaRoot batch) {
        batch.close();
      }
    }
  }

  /** Hands the queued batches to the native writer. */
  private final class QueueReader extends ArrowReader {

    private final Schema schema;

    QueueReader(BufferAllocator allocator, Schema schema) {
      super(allocator);
      this.schema = schema;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
      Object item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (item == END) {
        if (aborted) {
          throw new IOException("the write was cancelled");
        }
        return false;
      }
      VectorSchemaRoot root = getVectorSchemaRoot();
      try (VectorSchemaRoot batch = (VectorSchemaRoot) item) {
        for (int i = 0; i < root.getFieldVectors().size(); i++) {
          FieldVector target = root.getVector(i);
          target.clear();
          batch.getVector(i).makeTransferPair(target).transfer();
        }
        root.setRowCount(batch.getRowCount());
      }
      return true;
    }

    @Override
    public long bytesRead() {
      return 0;
    }

    @Override
    protected void closeReadSource() {
      drain();
    }

    @Override
    protected Schema readSchema() {
      return schema;
    }
  }
}
