package io.quiver.engine.connector.memory;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;

/**
 * Copies a vector whose buffers are much larger than its values into right-sized buffers. A table
 * keeps its batches for long, and producers' buffers carry slack: Arrow allocates a fixed-width
 * vector's validity and values as one block rounded up to a power of two (8192 BIGINTs take 128 KiB
 * for 65 KiB of data), and text buffers are sized for the widest values. Each buffer is allocated on
 * its own here, so a power-of-two value buffer stays its own size.
 */
final class VectorCompaction {

  /** Compact when the buffers hold more than this many bytes per byte of values. */
  private static final double MAX_SLACK = 1.25;

  private VectorCompaction() {
  }

  /**
   * {@code vector} itself if it is tight enough, or a right-sized copy in {@code allocator}; the
   * caller closes {@code vector} if a copy came back. The vector's value count must be set.
   */
  static FieldVector compact(FieldVector vector, BufferAllocator allocator) {
    int rows = vector.getValueCount();
    if (rows == 0) {
      return vector;
    }
    // getFieldBuffers() sets each buffer's writer index to the bytes its values use.
    List<ArrowBuf> buffers = vector.getFieldBuffers();
    long used = 0;
    long capacity = 0;
    for (ArrowBuf buffer : buffers) {
      used += buffer.writerIndex();
      capacity += buffer.capacity();
    }
    if (capacity <= MAX_SLACK * used) {
      return vector;
    }
    List<ArrowBuf> copies = new ArrayList<>(buffers.size());
    FieldVector copy = vector.getField().createVector(allocator);
    try {
      for (ArrowBuf buffer : buffers) {
        long size = buffer.writerIndex();
        ArrowBuf target = allocator.buffer(Math.max(1, size));
        copies.add(target);
        target.setBytes(0, buffer, 0, size);
        target.writerIndex(size);
      }
      // The vector takes its own reference to each copy; ours are released below.
      copy.loadFieldBuffers(new ArrowFieldNode(rows, vector.getNullCount()), copies);
    } catch (RuntimeException | Error e) {
      copy.close();
      throw e;
    } finally {
      copies.forEach(ArrowBuf::close);
    }
    return copy;
  }
}
