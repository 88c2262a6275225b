package io.quiver.exec.operator.join;

import io.quiver.exec.batch.ValueLayout;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One column of the sealed build rows, seen across all chunks: each chunk's buffers and whether it
 * has NULLs, looked up once, so that gathering rows in any order from any chunks is one tight loop
 * over the Arrow buffers (no per-chunk calls, no NULL counting per gather).
 */
final class BuildColumn {

  private final ValueLayout layout;
  private final int width;
  private final int chunkShift;
  private final int positionMask;
  private final ArrowBuf[] data;
  private final ArrowBuf[] validity;
  private final ArrowBuf[] offsets;
  private final boolean[] hasNulls;
  private final boolean anyNulls;

  BuildColumn(java.util.List<VectorSchemaRoot> chunks, int column, int chunkShift) {
    int count = chunks.size();
    this.chunkShift = chunkShift;
    this.positionMask = (1 << chunkShift) - 1;
    data = new ArrowBuf[count];
    validity = new ArrowBuf[count];
    offsets = new ArrowBuf[count];
    hasNulls = new boolean[count];
    ValueLayout kind = ValueLayout.NULL;
    int typeWidth = 0;
    boolean nulls = false;
    for (int c = 0; c < count; c++) {
      FieldVector vector = chunks.get(c).getVector(column);
      kind = ValueLayout.of(vector);
      if (kind == ValueLayout.NULL) {
        continue;
      }
      data[c] = vector.getDataBuffer();
      validity[c] = vector.getValidityBuffer();
      if (kind == ValueLayout.BYTES) {
        offsets[c] = vector.getOffsetBuffer();
      } else if (kind != ValueLayout.BOOLEAN) {
        typeWidth = ((BaseFixedWidthVector) vector).getTypeWidth();
      }
      hasNulls[c] = vector.getNullCount() > 0;
      nulls |= hasNulls[c];
    }
    this.layout = kind;
    this.width = typeWidth;
    this.anyNulls = nulls;
  }

  /** Writes build rows {@code rowIds[0..count)} into rows {@code 0..count)} of a fresh {@code target}. */
  void gather(int[] rowIds, int count, FieldVector target) {
    if (layout == ValueLayout.NULL || count == 0) {
      JoinOutput.appendNulls(target, 0, count);
      return;
    }
    if (layout == ValueLayout.BYTES) {
      gatherBytes(rowIds, count, (BaseVariableWidthVector) target);
    } else {
      ((BaseFixedWidthVector) target).allocateNew(count);
      ArrowBuf out = target.getDataBuffer();
      if (data.length == 1 && (width == 4 || width == 8 || width == 16) && layout != ValueLayout.BOOLEAN) {
        gatherFromOneChunk(rowIds, count, out);
      } else {
        gatherFixed(rowIds, count, out);
      }
      gatherValidity(rowIds, count, target.getValidityBuffer());
      target.setValueCount(count);
    }
  }

  /** The common case of a build side in one chunk: row ids are positions, the source is loop-invariant. */
  private void gatherFromOneChunk(int[] rowIds, int count, ArrowBuf out) {
    ArrowBuf source = data[0];
    switch (width) {
      case 4:
        for (int i = 0; i < count; i++) {
          out.setInt(i * 4L, source.getInt(rowIds[i] * 4L));
        }
        break;
      case 8:
        for (int i = 0; i < count; i++) {
          out.setLong(i * 8L, source.getLong(rowIds[i] * 8L));
        }
        break;
      default:
        for (int i = 0; i < count; i++) {
          long from = rowIds[i] * 16L;
          out.setLong(i * 16L, source.getLong(from));
          out.setLong(i * 16L + 8, source.getLong(from + 8));
        }
    }
  }

  private void gatherFixed(int[] rowIds, int count, ArrowBuf out) {
    {
      switch (layout == ValueLayout.BOOLEAN ? 0 : width) {
        case 0:
          for (int i = 0; i < count; i++) {
            int id = rowIds[i];
            int position = id & positionMask;
            if (((data[id >>> chunkShift].getByte(position >>> 3) >> (position & 7)) & 1) != 0) {
              out.setByte(i >>> 3, out.getByte(i >>> 3) | (1 << (i & 7)));
            }
          }
          break;
        case 1:
          for (int i = 0; i < count; i++) {
            int id = rowIds[i];
            out.setByte(i, data[id >>> chunkShift].getByte(id & positionMask));
          }
          break;
        case 2:
          for (int i = 0; i < count; i++) {
            int id = rowIds[i];
            out.setShort(i * 2L, data[id >>> chunkShift].getShort((id & positionMask) * 2L));
          }
          break;
        case 4:
          for (int i = 0; i < count; i++) {
            int id = rowIds[i];
            out.setInt(i * 4L, data[id >>> chunkShift].getInt((id & positionMask) * 4L));
          }
          break;
        case 8:
          for (int i = 0; i < count; i++) {
            int id = rowIds[i];
            out.setLong(i * 8L, data[id >>> chunkShift].getLong((id & positionMask) * 8L));
          }
          break;
        default:
          for (int i = 0; i < count; i++) {
            int id = rowIds[i];
            out.setBytes((long) i * width, data[id >>> chunkShift], (long) (id & positionMask) * width, width);
          }
      }
    }
  }

  private void gatherBytes(int[] rowIds, int count, BaseVariableWidthVector target) {
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      int id = rowIds[i];
      ArrowBuf chunkOffsets = offsets[id >>> chunkShift];
      long position = id & positionMask;
      bytes += chunkOffsets.getInt(position * 4 + 4) - chunkOffsets.getInt(position * 4);
    }
    target.allocateNew(Math.max(bytes, 1), count);
    ArrowBuf outData = target.getDataBuffer();
    ArrowBuf outOffsets = target.getOffsetBuffer();
    int cursor = 0;
    outOffsets.setInt(0, 0);
    for (int i = 0; i < count; i++) {
      int id = rowIds[i];
      int chunk = id >>> chunkShift;
      long position = id & positionMask;
      int start = offsets[chunk].getInt(position * 4);
      int length = offsets[chunk].getInt(position * 4 + 4) - start;
      if (length > 0) {
        outData.setBytes(cursor, data[chunk], start, length);
      }
      cursor += length;
      outOffsets.setInt((i + 1) * 4L, cursor);
    }
    gatherValidity(rowIds, count, target.getValidityBuffer());
    target.setLastSet(count - 1);
    target.setValueCount(count);
  }

  /** Validity of the gathered rows into a zeroed bitmap. */
  private void gatherValidity(int[] rowIds, int count, ArrowBuf out) {
    if (!anyNulls) {
      int fullBytes = count >>> 3;
      if (fullBytes > 0) {
        out.setOne(0, fullBytes);
      }
      for (int i = fullBytes << 3; i < count; i++) {
        out.setByte(i >>> 3, out.getByte(i >>> 3) | (1 << (i & 7)));
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      int id = rowIds[i];
      int chunk = id >>> chunkShift;
      int position = id & positionMask;
      if (!hasNulls[chunk] || ((validity[chunk].getByte(position >>> 3) >> (position & 7)) & 1) != 0) {
        out.setByte(i >>> 3, out.getByte(i >>> 3) | (1 << (i & 7)));
      }
    }
  }
}
