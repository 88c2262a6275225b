package io.quiver.exec.batch;

import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/** Small helpers over whole batches: create, measure, slice, rename, move between allocators. */
public final class Batches {

  private Batches() {
  }

  /** An empty batch (no buffers allocated yet) of the given schema. */
  public static VectorSchemaRoot create(RowSchema schema, BufferAllocator allocator) {
    return VectorSchemaRoot.create(schema.toArrowSchema(), allocator);
  }

  /** Bytes held by the batch's buffers. */
  public static long sizeInBytes(VectorSchemaRoot batch) {
    long bytes = 0;
    for (FieldVector vector : batch.getFieldVectors()) {
      bytes += vector.getBufferSize();
    }
    return bytes;
  }

  /** Bytes the batch's buffers have allocated (their capacity, at least {@link #sizeInBytes}). */
  public static long allocatedBytes(VectorSchemaRoot batch) {
    long bytes = 0;
    for (FieldVector vector : batch.getFieldVectors()) {
      for (org.apache.arrow.memory.ArrowBuf buffer : vector.getBuffers(false)) {
        bytes += buffer.capacity();
      }
    }
    return bytes;
  }

  /** Rows {@code start..start+length)} of {@code batch} as a new batch; {@code batch} is left as is. */
  public static VectorSchemaRoot slice(VectorSchemaRoot batch, int start, int length, BufferAllocator allocator) {
    return RowCopier.copyRows(batch, null, start, length, allocator);
  }

  /**
   * Moves the vectors of {@code batch} (which is closed, and so empty, afterwards) into a new batch
   * whose fields are {@code fields}: renames without copying.
   */
  public static VectorSchemaRoot withFields(VectorSchemaRoot batch, List<Field> fields, BufferAllocator allocator) {
    int rows = batch.getRowCount();
    List<FieldVector> vectors = new ArrayList<>(fields.size());
    try {
      for (int i = 0; i < fields.size(); i++) {
        prepareTransfer(batch.getVector(i));
        TransferPair transfer = batch.getVector(i).getTransferPair(fields.get(i), allocator);
        transfer.transfer();
        vectors.add((FieldVector) transfer.getTo());
      }
    } catch (RuntimeException | Error e) {
      vectors.forEach(FieldVector::close);
      throw e;
    } finally {
      batch.close();
    }
    return new VectorSchemaRoot(fields, vectors, rows);
  }

  /**
   * Makes a fully set vector safe to transfer. Arrow's variable-width transfer re-runs
   * {@code setValueCount}, which rewrites the offsets of every row after {@code lastSet} as empty;
   * a vector whose writer filled its buffers directly may not have kept {@code lastSet} up to date.
   * Its value count says all rows are set, so {@code lastSet} is brought in line with it.
   */
  public static void prepareTransfer(FieldVector vector) {
    if (vector instanceof BaseVariableWidthVector variable && variable.getValueCount() > 0) {
      variable.setLastSet(variable.getValueCount() - 1);
    }
  }

  /**
   * Moves {@code batch} into {@code target}: an ownership transfer when both allocators share a root
   * (no copy), a copy otherwise. {@code batch} is closed either way.
   */
  public static VectorSchemaRoot moveTo(VectorSchemaRoot batch, BufferAllocator target) {
    if (!batch.getFieldVectors().isEmpty() && sharesRoot(batch, target)) {
      return withFields(batch, batch.getSchema().getFields(), target);
    }
    try {
      return copyTo(batch, target);
    } finally {
      batch.close();
    }
  }

  /**
   * Whether every vector of {@code batch} that owns buffers was allocated under {@code target}'s
   * root. A column of SQL type NULL is a {@code NullVector}, which has no allocator (and no buffers).
   */
  private static boolean sharesRoot(VectorSchemaRoot batch, BufferAllocator target) {
    for (FieldVector vector : batch.getFieldVectors()) {
      BufferAllocator owner = vector.getAllocator();
      if (owner != null && owner.getRoot() != target.getRoot()) {
        return false;
      }
    }
    return true;
  }

  /** A copy of {@code batch} with every buffer allocated from {@code target}; {@code batch} is left as is. */
  public static VectorSchemaRoot copyTo(VectorSchemaRoot batch, BufferAllocator target) {
    Schema schema = batch.getSchema();
    VectorSchemaRoot copy = VectorSchemaRoot.create(schema, target);
    try (ArrowRecordBatch source = new VectorUnloader(batch).getRecordBatch()) {
      List<ArrowBuf> copies = new ArrayList<>(source.getBuffers().size());
      try {
        for (ArrowBuf buffer : source.getBuffers()) {
          long length = buffer.writerIndex();
          ArrowBuf copied = target.buffer(length);
          if (length > 0) {
            copied.setBytes(0, buffer, 0, length);
          }
          copied.writerIndex(length);
          copies.add(copied);
        }
        try (ArrowRecordBatch copied = new ArrowRecordBatch(source.getLength(), source.getNodes(), copies)) {
          new VectorLoader(copy).load(copied);
        }
      } finally {
        copies.forEach(ArrowBuf::close);
      }
      return copy;
    } catch (RuntimeException | Error e) {
      copy.close();
      throw e;
    }
  }
}
