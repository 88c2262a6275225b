package io.quiver.exec.batch;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Copies chosen rows of one vector to the end of another of the same type, working on the Arrow
 * buffers directly (one type switch per call, a tight loop per type).
 */
public final class RowCopier {

  private RowCopier() {
  }

  /**
   * Copies {@code batch}'s rows {@code positions[0..count)} into a new batch of the same schema
   * allocated from {@code allocator}.
   */
  public static VectorSchemaRoot copyRows(VectorSchemaRoot batch, int[] positions, int from, int count,
      BufferAllocator allocator) {
    VectorSchemaRoot out = VectorSchemaRoot.create(batch.getSchema(), allocator);
    try {
      for (int column = 0; column < out.getFieldVectors().size(); column++) {
        append(batch.getVector(column), positions, from, count, out.getVector(column), 0);
      }
      out.setRowCount(count);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  /** Appends all rows of {@code batch} to {@code target} (same column types) after its first {@code targetRows}. */
  public static void appendBatch(VectorSchemaRoot batch, VectorSchemaRoot target, int targetRows) {
    int count = batch.getRowCount();
    for (int column = 0; column < target.getFieldVectors().size(); column++) {
      append(batch.getVector(column), null, 0, count, target.getVector(column), targetRows);
    }
    target.setRowCount(targetRows + count);
  }

  /**
   * Copies source rows {@code positions[from..from+count)} (or, when {@code positions} is null, the
   * rows {@code from..from+count)}) into {@code target} at rows {@code targetStart..}, growing the
   * target as needed, and sets the target's value count to {@code targetStart + count}.
   */
  public static void append(FieldVector source, int[] positions, int from, int count, FieldVector target,
      int targetStart) {
    int needed = targetStart + count;
    if (count == 0 || target instanceof NullVector) {
      target.setValueCount(needed);
      return;
    }
    if (target instanceof BitVector) {
      appendBits((BitVector) source, positions, from, count, (BitVector) target, targetStart);
    } else if (target instanceof BaseFixedWidthVector) {
      appendFixed((BaseFixedWidthVector) source, positions, from, count, (BaseFixedWidthVector) target,
          targetStart);
    } else if (target instanceof BaseVariableWidthVector) {
      appendVariable((BaseVariableWidthVector) source, positions, from, count,
          (BaseVariableWidthVector) target, targetStart);
    } else {
      for (int i = 0; i < count; i++) {
        int position = positions == null ? from + i : positions[from + i];
        target.copyFromSafe(position, targetStart + i, source);
      }
    }
    target.setValueCount(needed);
  }

  /**
   * Appends {@code count} NULLs to {@code target} at rows {@code targetStart..} and sets its value
   * count to {@code targetStart + count} (outer-join rows without a partner).
   */
  public static void appendNulls(FieldVector target, int targetStart, int count) {
    int needed = targetStart + count;
    if (count == 0 || target instanceof NullVector) {
      target.setValueCount(needed);
      return;
    }
    if (target instanceof BaseFixedWidthVector fixed) {
      ensureFixedCapacity(fixed, needed);
    } else if (target instanceof BaseVariableWidthVector variable) {
      if (variable.getValueCapacity() < needed) {
        if (variable.getValueCapacity() == 0) {
          variable.allocateNew(64, Math.max(needed, 16));
        }
        while (variable.getValueCapacity() < needed) {
          variable.reallocValidityAndOffsetBuffers();
        }
      }
      ArrowBuf offsets = variable.getOffsetBuffer();
      int end = targetStart == 0 ? 0 : offsets.getInt(targetStart * 4L);
      for (int i = targetStart; i <= needed; i++) {
        offsets.setInt(i * 4L, end);
      }
      variable.setLastSet(needed - 1);
    } else {
      throw new IllegalArgumentException("cannot append NULLs to " + target.getField());
    }
    ArrowBuf validity = target.getValidityBuffer();
    for (int i = targetStart; i < needed; i++) {
      setBit(validity, i, false);
    }
    target.setValueCount(needed);
  }

  private static void ensureFixedCapacity(BaseFixedWidthVector target, int needed) {
    if (target.getValueCapacity() >= needed) {
      return;
    }
    if (target.getValueCapacity() == 0) {
      target.allocateNew(Math.max(needed, 16));
      return;
    }
    while (target.getValueCapacity() < needed) {
      target.reAlloc();
    }
  }

  private static void appendBits(BitVector source, int[] positions, int from, int count, BitVector target,
      int targetStart) {
    ensureFixedCapacity(target, targetStart + count);
    ArrowBuf sourceData = source.getDataBuffer();
    ArrowBuf targetData = target.getDataBuffer();
    for (int i = 0; i < count; i++) {
      int position = positions == null ? from + i : positions[from + i];
      setBit(targetData, targetStart + i, ColumnReader.isValid(sourceData, position));
    }
    copyValidity(source, positions, from, count, target.getValidityBuffer(), targetStart);
  }

  private static void appendFixed(BaseFixedWidthVector source, int[] positions, int from, int count,
      BaseFixedWidthVector target, int targetStart) {
    ensureFixedCapacity(target, targetStart + count);
    ArrowBuf sourceData = source.getDataBuffer();
    ArrowBuf targetData = target.getDataBuffer();
    long base = targetStart;
    int typeWidth = target.getTypeWidth();
    if (positions == null || isDense(positions, from, count)) {
      // contiguous source rows move as one block each
      int i = 0;
      while (i < count) {
        int start = positions == null ? from : positions[from + i];
        int run = positions == null ? count : runLength(positions, from + i, count - i);
        targetData.setBytes((base + i) * typeWidth, sourceData, (long) start * typeWidth, (long) run * typeWidth);
        i += run;
      }
      copyValidity(source, positions, from, count, target.getValidityBuffer(), targetStart);
      return;
    }
    switch (typeWidth) {
      case 1:
        for (int i = 0; i < count; i++) {
          int position = positions == null ? from + i : positions[from + i];
          targetData.setByte(base + i, sourceData.getByte(position));
        }
        break;
      case 2:
        for (int i = 0; i < count; i++) {
          int position = positions == null ? from + i : positions[from + i];
          targetData.setShort((base + i) * 2, sourceData.getShort(position * 2L));
        }
        break;
      case 4:
        for (int i = 0; i < count; i++) {
          int position = positions == null ? from + i : positions[from + i];
          targetData.setInt((base + i) * 4, sourceData.getInt(position * 4L));
        }
        break;
      case 8:
        for (int i = 0; i < count; i++) {
          int position = positions == null ? from + i : positions[from + i];
          targetData.setLong((base + i) * 8, sourceData.getLong(position * 8L));
        }
        break;
      case 16:
        for (int i = 0; i < count; i++) {
          int position = positions == null ? from + i : positions[from + i];
          targetData.setLong((base + i) * 16, sourceData.getLong(position * 16L));
          targetData.setLong((base + i) * 16 + 8, sourceData.getLong(position * 16L + 8));
        }
        break;
      default:
        int width = target.getTypeWidth();
        for (int i = 0; i < count; i++) {
          int position = positions == null ? from + i : positions[from + i];
          targetData.setBytes((base + i) * width, sourceData, (long) position * width, width);
        }
    }
    copyValidity(source, positions, from, count, target.getValidityBuffer(), targetStart);
  }

  private static void appendVariable(BaseVariableWidthVector source, int[] positions, int from, int count,
      BaseVariableWidthVector target, int targetStart) {
    int needed = targetStart + count;
    ArrowBuf sourceOffsets = source.getOffsetBuffer();
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      int position = positions == null ? from + i : positions[from + i];
      bytes += sourceOffsets.getInt((position + 1) * 4L) - sourceOffsets.getInt(position * 4L);
    }
    if (target.getValueCapacity() < needed) {
      if (target.getValueCapacity() == 0) {
        target.allocateNew(Math.max(bytes, 64), Math.max(needed, 16));
      }
      while (target.getValueCapacity() < needed) {
        target.reallocValidityAndOffsetBuffers();
      }
    }
    int targetDataStart = targetStart == 0 ? 0 : target.getOffsetBuffer().getInt(targetStart * 4L);
    long neededBytes = targetDataStart + bytes;
    if (target.getDataBuffer().capacity() < neededBytes) {
      target.reallocDataBuffer(neededBytes);
    }
    ArrowBuf sourceData = source.getDataBuffer();
    ArrowBuf targetData = target.getDataBuffer();
    ArrowBuf targetOffsets = target.getOffsetBuffer();
    int cursor = targetDataStart;
    targetOffsets.setInt(targetStart * 4L, cursor);
    if (positions == null || isDense(positions, from, count)) {
      int i = 0;
      while (i < count) {
        int first = positions == null ? from : positions[from + i];
        int run = positions == null ? count : runLength(positions, from + i, count - i);
        int start = sourceOffsets.getInt(first * 4L);
        int end = sourceOffsets.getInt((long) (first + run) * 4L);
        if (end > start) {
          targetData.setBytes(cursor, sourceData, start, end - start);
        }
        int shift = cursor - start;
        for (int k = 1; k <= run; k++) {
          targetOffsets.setInt((long) (targetStart + i + k) * 4L, sourceOffsets.getInt((long) (first + k) * 4L) + shift);
        }
        cursor += end - start;
        i += run;
      }
      copyValidity(source, positions, from, count, target.getValidityBuffer(), targetStart);
      target.setLastSet(needed - 1);
      return;
    }
    for (int i = 0; i < count; i++) {
      int position = positions == null ? from + i : positions[from + i];
      int start = sourceOffsets.getInt(position * 4L);
      int length = sourceOffsets.getInt((position + 1) * 4L) - start;
      if (length > 0) {
        targetData.setBytes(cursor, sourceData, start, length);
      }
      cursor += length;
      targetOffsets.setInt((targetStart + i + 1) * 4L, cursor);
    }
    copyValidity(source, positions, from, count, target.getValidityBuffer(), targetStart);
    target.setLastSet(needed - 1);
  }

  /** True when the selected rows are mostly consecutive, so copying runs of them pays off. */
  private static boolean isDense(int[] positions, int from, int count) {
    if (count < 16) {
      return false;
    }
    long span = (long) positions[from + count - 1] - positions[from] + 1;
    return span > 0 && span <= count + (count >>> 3);
  }

  /** How many positions from {@code index} on (at most {@code limit}) are consecutive rows. */
  private static int runLength(int[] positions, int index, int limit) {
    int start = positions[index];
    int run = 1;
    while (run < limit && positions[index + run] == start + run) {
      run++;
    }
    return run;
  }

  private static void copyValidity(FieldVector source, int[] positions, int from, int count, ArrowBuf target,
      int targetStart) {
    if (source.getNullCount() == 0) {
      setBits(target, targetStart, count);
      return;
    }
    ArrowBuf validity = source.getValidityBuffer();
    for (int i = 0; i < count; i++) {
      int position = positions == null ? from + i : positions[from + i];
      setBit(target, targetStart + i, ColumnReader.isValid(validity, position));
    }
  }

  /** Sets bits {@code from..from+count)} to 1: whole bytes at a time where the range allows. */
  static void setBits(ArrowBuf buffer, int from, int count) {
    int index = from;
    int end = from + count;
    while (index < end && (index & 7) != 0) {
      buffer.setByte(index >>> 3, buffer.getByte(index >>> 3) | (1 << (index & 7)));
      index++;
    }
    int fullBytes = (end - index) >>> 3;
    if (fullBytes > 0) {
      buffer.setOne((long) (index >>> 3), (long) fullBytes);
      index += fullBytes << 3;
    }
    while (index < end) {
      buffer.setByte(index >>> 3, buffer.getByte(index >>> 3) | (1 << (index & 7)));
      index++;
    }
  }

  static void setBit(ArrowBuf buffer, int index, boolean value) {
    int current = buffer.getByte(index >>> 3);
    int mask = 1 << (index & 7);
    buffer.setByte(index >>> 3, value ? current | mask : current & ~mask);
  }
}
