package io.quiver.engine.connector.file.scan;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Copies a vector a file reader produced into a vector of Quiver's Arrow type for the column, in
 * the task's allocator: a copy of the buffers when the types already agree (the usual case, and
 * always for files Quiver wrote), a converting copy for the types Quiver represents differently (other time units,
 * unsigned or 64-bit-offset variants).
 */
final class VectorConversion {

  private VectorConversion() {
  }

  static FieldVector moveOrConvert(FieldVector from, Field target, DataType type, BufferAllocator allocator,
      Path file) {
    if (from.getField().getType().equals(target.getType())) {
      return copyBuffers(from, target, allocator);
    }
    FieldVector to = target.createVector(allocator);
    try {
      convert(from, to, type, file);
      return to;
    } catch (RuntimeException e) {
      to.close();
      throw e;
    }
  }

  /**
   * A copy of a flat vector into another allocator (another root), buffer by buffer: a memory copy,
   * not a loop over values.
   */
  static FieldVector copyBuffers(FieldVector from, Field target, BufferAllocator allocator) {
    FieldVector to = target.createVector(allocator);
    List<ArrowBuf> copies = new ArrayList<>();
    try {
      for (ArrowBuf buffer : from.getFieldBuffers()) {
        long length = buffer == null ? 0 : buffer.writerIndex();
        ArrowBuf copy = allocator.buffer(Math.max(length, 1));
        if (length > 0) {
          copy.setBytes(0, buffer, 0, length);
        }
        copy.writerIndex(length);
        copies.add(copy);
      }
      to.loadFieldBuffers(new ArrowFieldNode(from.getValueCount(), from.getNullCount()), copies);
      return to;
    } catch (RuntimeException e) {
      to.close();
      throw e;
    } finally {
      for (ArrowBuf copy : copies) {
        copy.getReferenceManager().release();
      }
    }
  }

  /** A copy of a vector already read (a column the scan outputs twice). */
  static FieldVector copy(FieldVector from, Field target, BufferAllocator allocator) {
    FieldVector to = target.createVector(allocator);
    TransferPair copy = from.makeTransferPair(to);
    for (int i = 0; i < from.getValueCount(); i++) {
      copy.copyValueSafe(i, i);
    }
    to.setValueCount(from.getValueCount());
    return to;
  }

  private static void convert(FieldVector from, FieldVector to, DataType type, Path file) {
    int rows = from.getValueCount();
    ArrowType source = from.getField().getType();
    switch (type.kind()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        if (from instanceof BaseIntVector integers) {
          setIntegers(integers, to, rows);
          return;
        }
        break;
      case CHAR:
      case VARCHAR:
      case VARBINARY:
        if (to instanceof VarCharVector || to instanceof VarBinaryVector) {
          org.apache.arrow.vector.BaseVariableWidthVector target =
              (org.apache.arrow.vector.BaseVariableWidthVector) to;
          target.allocateNew(rows);
          for (int i = 0; i < rows; i++) {
            if (!from.isNull(i)) {
              Object value = from.getObject(i);
              byte[] bytes = value instanceof byte[] array ? array : value.toString()
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
              target.setSafe(i, bytes);
            }
          }
          target.setValueCount(rows);
          return;
        }
        break;
      case DATE:
        if (from instanceof DateMilliVector millis) {
          DateDayVector days = (DateDayVector) to;
          days.allocateNew(rows);
          for (int i = 0; i < rows; i++) {
            if (!millis.isNull(i)) {
              days.set(i, (int) Math.floorDiv(millis.get(i), 86_400_000L));
            }
          }
          days.setValueCount(rows);
          return;
        }
        break;
      case TIME:
        if (source instanceof ArrowType.Time time) {
          long factor = microsPer(time.getUnit());
          TimeMicroVector micros = (TimeMicroVector) to;
          micros.allocateNew(rows);
          for (int i = 0; i < rows; i++) {
            if (!from.isNull(i)) {
              long value = from instanceof TimeSecVector seconds ? seconds.get(i)
                  : from instanceof TimeMilliVector millis ? millis.get(i)
                  : from instanceof TimeNanoVector nanos ? nanos.get(i) : ((TimeMicroVector) from).get(i);
              micros.set(i, factor > 0 ? value * factor : value / 1000);
            }
          }
          micros.setValueCount(rows);
          return;
        }
        break;
      case TIMESTAMP:
        if (from instanceof TimeStampVector timestamps && source instanceof ArrowType.Timestamp stamp) {
          long factor = microsPer(stamp.getUnit());
          BaseFixedWidthVector target = (BaseFixedWidthVector) to;
          target.allocateNew(rows);
          for (int i = 0; i < rows; i++) {
            if (!timestamps.isNull(i)) {
              long value = timestamps.get(i);
              target.getDataBuffer().setLong(8L * i, factor > 0 ? value * factor : Math.floorDiv(value, 1000));
              target.setIndexDefined(i);
            }
          }
          target.setValueCount(rows);
          return;
        }
        break;
      default:
        break;
    }
    throw new QuiverException(ErrorCode.TYPE_MISMATCH, "column '" + from.getField().getName() + "' of file '"
        + file + "' has type " + source + ", which cannot be read as " + type);
  }

  /** Micros per unit, or -1 for nanoseconds (divide by 1000). */
  private static long microsPer(TimeUnit unit) {
    switch (unit) {
      case SECOND:
        return 1_000_000L;
      case MILLISECOND:
        return 1_000L;
      case MICROSECOND:
        return 1L;
      default:
        return -1L;
    }
  }

  private static void setIntegers(BaseIntVector from, FieldVector to, int rows) {
    ((BaseFixedWidthVector) to).allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      if (from.isNull(i)) {
        continue;
      }
      long value = from.getValueAsLong(i);
      if (to instanceof BigIntVector big) {
        big.set(i, value);
      } else if (to instanceof IntVector integer) {
        integer.set(i, (int) value);
      } else if (to instanceof SmallIntVector small) {
        small.set(i, (short) value);
      } else if (to instanceof TinyIntVector tiny) {
        tiny.set(i, (byte) value);
      }
    }
    to.setValueCount(rows);
  }
}
