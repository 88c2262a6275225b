package io.quiver.exec.shuffle.spill;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the record batches of one reduce partition from a spill file, one at a time: only the batch
 * being returned is in memory. Not thread-safe.
 */
public final class SpillFileReader implements AutoCloseable {

  private final Path path;
  private final Schema schema;
  private final List<ArrowBlock> blocks;
  private final BufferAllocator allocator;
  private SeekableReadChannel channel;
  private int next;
  private boolean closed;

  SpillFileReader(Path path, Schema schema, List<ArrowBlock> blocks, BufferAllocator allocator) {
    this.path = path;
    this.schema = schema;
    this.blocks = blocks;
    this.allocator = allocator;
  }

  /** The next batch, owned by the caller, or null after the last one. */
  public VectorSchemaRoot next() {
    if (closed) {
      throw new IllegalStateException("spill file reader of " + path + " is closed");
    }
    if (next >= blocks.size()) {
      closeChannel();
      return null;
    }
    ArrowBlock block = blocks.get(next++);
    try {
      if (channel == null) {
        channel = new SeekableReadChannel(FileChannel.open(path, StandardOpenOption.READ));
      }
      channel.setPosition(block.getOffset());
      VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
      try (ArrowRecordBatch recordBatch = MessageSerializer.deserializeRecordBatch(channel, block, allocator)) {
        if (recordBatch == null) {
          throw new IOException("no record batch at offset " + block.getOffset());
        }
        new VectorLoader(batch).load(recordBatch);
        return batch;
      } catch (IOException | RuntimeException e) {
        batch.close();
        throw e;
      }
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "could not read spill file " + path + " at batch "
          + (next - 1) + ": " + e.getMessage(), e);
    }
  }

  /** Closes the file. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeChannel();
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was held but the descriptor
      }
      channel = null;
    }
  }
}
