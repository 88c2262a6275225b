package io.quiver.exec.shuffle.spill;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes one map task's output to an Arrow IPC file, batch by batch, and remembers which record
 * batches belong to which reduce partition, so that a reader of one partition seeks to its own
 * batches only. The file is a standard Arrow IPC file (schema, record batches, footer); the
 * per-partition index lives in memory, in the {@link SpillFile} that {@link #finish} returns. Not
 * thread-safe: one map task writes it.
 */
public final class SpillFileWriter implements AutoCloseable {

  private final Path path;
  private final Schema schema;
  private final VectorSchemaRoot schemaHolder;
  private final BlockWriter writer;
  private final List<List<ArrowBlock>> blocks;
  private boolean finished;
  private boolean closed;

  /** Exposes the record batch writing that {@code ArrowFileWriter} keeps to itself. */
  private static final class BlockWriter extends org.apache.arrow.vector.ipc.ArrowFileWriter {
    BlockWriter(VectorSchemaRoot root, OutputStream out) {
      super(root, null, Channels.newChannel(out));
    }

    ArrowBlock append(ArrowRecordBatch batch) throws IOException {
      return writeRecordBatch(batch);
    }
  }

  /**
   * Creates the file.
   *
   * @param allocator only for an empty root that carries the schema; nothing is allocated from it
   */
  public SpillFileWriter(Path path, Schema schema, int reducePartitionCount, BufferAllocator allocator) {
    this.path = path;
    this.schema = schema;
    this.blocks = new ArrayList<>(reducePartitionCount);
    for (int i = 0; i < reducePartitionCount; i++) {
      blocks.add(new ArrayList<>());
    }
    this.schemaHolder = VectorSchemaRoot.create(schema, allocator);
    OutputStream out = null;
    try {
      out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), 1 << 20);
      this.writer = new BlockWriter(schemaHolder, out);
      writer.start();
    } catch (IOException | RuntimeException e) {
      schemaHolder.close();
      closeQuietly(out);
      deleteQuietly(path);
      throw e instanceof IOException io ? ioError("create", io) : (RuntimeException) e;
    }
  }

  /** Appends {@code batch} to reduce partition {@code reducePartition}; the caller keeps the batch. */
  public void write(int reducePartition, VectorSchemaRoot batch) {
    if (finished || closed) {
      throw new IllegalStateException("spill file " + path + " is " + (closed ? "closed" : "finished"));
    }
    if (!batch.getSchema().equals(schema)) {
      throw new IllegalArgumentException("batch schema " + batch.getSchema() + " is not the spill file's " + schema);
    }
    try (ArrowRecordBatch recordBatch = new VectorUnloader(batch).getRecordBatch()) {
      blocks.get(reducePartition).add(writer.append(recordBatch));
    } catch (IOException e) {
      throw ioError("write to", e);
    }
  }

  /** Writes the footer, closes the file and hands it over; this writer then owns nothing. */
  public SpillFile finish() {
    if (finished || closed) {
      throw new IllegalStateException("spill file " + path + " is already " + (closed ? "closed" : "finished"));
    }
    try {
      writer.end();
      writer.close();
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof IOException io ? ioError("finish", io) : (RuntimeException) e;
    } finally {
      schemaHolder.close();
    }
    finished = true;
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      deleteQuietly(path);
      throw ioError("measure", e);
    }
    return new SpillFile(path, schema, blocks, size);
  }

  /** Closes and deletes the file unless {@link #finish} handed it over. Idempotent. */
  @Override
  public void close() {
    if (closed || finished) {
      return;
    }
    closed = true;
    try {
      writer.close();
    } catch (RuntimeException e) {
      // the file is deleted below whatever state the stream is in
    } finally {
      schemaHolder.close();
      deleteQuietly(path);
    }
  }

  private QuiverException ioError(String what, IOException e) {
    return new QuiverException(ErrorCode.IO_ERROR, "could not " + what + " spill file " + path + ": "
        + e.getMessage(), e);
  }

  private static void closeQuietly(OutputStream out) {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the file is deleted next
      }
    }
  }

  static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // the spill directory is deleted with the engine
    }
  }
}
