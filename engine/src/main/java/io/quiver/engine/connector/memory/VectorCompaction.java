package io.quiver.engine.connector.memory;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies a text or binary vector whose data buffer is far larger than its values into a right-sized
 * one. Producers size such buffers for the widest values (a VARCHAR(44) column gets 44 bytes a row);
 * a table keeps its batches for long, so the slack would be held for as long as the table lives.
 */
final class VectorCompaction {

  /** Compact only when the data buffer holds at least this many bytes more than its values need... */
  private static final long MIN_SLACK_BYTES = 16 * 1024;
  /** ...and at least this many times what they need. */
  private static final long MIN_SLACK_FACTOR = 2;

  private VectorCompaction() {
  }

  /**
   * {@code vector} itself if it is tight enough, or a right-sized copy in {@code allocator}; the
   * caller closes {@code vector} if a copy came back.
   */
  static FieldVector compact(FieldVector vector, BufferAllocator allocator) {
    if (!(vector instanceof BaseVariableWidthVector variable)) {
      return vector;
    }
    int rows = variable.getValueCount();
    if (rows == 0) {
      return vector;
    }
    long first = variable.getOffsetBuffer().getInt(0);
    long end = variable.getOffsetBuffer().getInt((long) rows * BaseVariableWidthVector.OFFSET_WIDTH);
    long used = end - first;
    long capacity = variable.getDataBuffer().capacity();
    if (first != 0 || capacity - used < MIN_SLACK_BYTES || capacity < MIN_SLACK_FACTOR * used) {
      return vector;
    }
    BaseVariableWidthVector copy = (BaseVariableWidthVector) variable.getField().createVector(allocator);
    try {
      copy.allocateNew(Math.max(1, used), rows);
      copy.getValidityBuffer().setBytes(0, variable.getValidityBuffer(), 0,
          BitVectorHelper.getValidityBufferSize(rows));
      copy.getOffsetBuffer().setBytes(0, variable.getOffsetBuffer(), 0,
          (long) (rows + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
      copy.getDataBuffer().setBytes(0, variable.getDataBuffer(), 0, used);
      copy.setLastSet(rows - 1);
      copy.setValueCount(rows);
    } catch (RuntimeException | Error e) {
      copy.close();
      throw e;
    }
    return copy;
  }
}
