package io.quiver.engine.connector.file.write;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/** Writes an Arrow IPC file (the random-access "file" format) with Arrow Java. */
final class ArrowIpcPartWriter implements PartWriter {

  private final Path file;
  private final VectorSchemaRoot root;
  private final FileChannel channel;
  private final ArrowFileWriter writer;
  private long rows;

  ArrowIpcPartWriter(Path file, Schema schema, BufferAllocator allocator) {
    this.file = file;
    try {
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot create file '" + file + "': " + e.getMessage(), e);
    }
    this.root = VectorSchemaRoot.create(schema, allocator);
    this.writer = new ArrowFileWriter(root, null, channel);
    try {
      writer.start();
    } catch (IOException e) {
      close();
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot write file '" + file + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void write(VectorSchemaRoot batch) {
    try (batch) {
      for (int i = 0; i < root.getFieldVectors().size(); i++) {
        FieldVector target = root.getVector(i);
        target.clear();
        batch.getVector(i).makeTransferPair(target).transfer();
      }
      root.setRowCount(batch.getRowCount());
      writer.writeBatch();
      rows += batch.getRowCount();
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot write file '" + file + "': " + e.getMessage(), e);
    } finally {
      root.clear();
    }
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void finish() {
    try {
      writer.end();
      channel.force(true);
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot finish file '" + file + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (RuntimeException e) {
      // the channel below is closed anyway
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to release
    }
    root.close();
  }
}
