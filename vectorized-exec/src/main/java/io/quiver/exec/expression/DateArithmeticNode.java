package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * DATE, TIMESTAMP or TIME plus or minus an interval. INTERVAL_YEAR_MONTH counts months and clamps
 * the day to the month's end (1995-01-31 + 1 month = 1995-02-28); INTERVAL_DAY_TIME counts
 * microseconds. The result type is the call's (DATE, TIMESTAMP or TIME). A TIME wraps around
 * midnight and ignores months, as in PostgreSQL ({@code TIME '23:00' + INTERVAL '2' HOUR} is 01:00).
 */
final class DateArithmeticNode extends BinaryNode {

  private final boolean subtract;
  private final boolean leftTimestamp;
  private final boolean leftTime;
  private final boolean months;
  private final boolean resultTimestamp;
  private final int intervalWidth;

  DateArithmeticNode(boolean subtract, ExpressionNode dateTime, ExpressionNode interval, DataType type,
      BufferAllocator allocator) {
    super(type, dateTime, interval, allocator);
    this.subtract = subtract;
    this.leftTimestamp = dateTime.type().kind() == TypeKind.TIMESTAMP;
    this.leftTime = dateTime.type().kind() == TypeKind.TIME;
    this.months = interval.type().kind() == TypeKind.INTERVAL_YEAR_MONTH;
    this.resultTimestamp = type.kind() == TypeKind.TIMESTAMP;
    this.intervalWidth = Vectors.exactWidth(interval.type());
  }

  @Override
  void compute(FieldVector leftVector, FieldVector rightVector, int rows, FieldVector result) {
    ArrowBuf leftData = leftVector == null ? null : leftVector.getDataBuffer();
    ArrowBuf rightData = rightVector == null ? null : rightVector.getDataBuffer();
    long leftValue = leftConstant ? (Long) ((ConstantNode) left).value : 0;
    long rightValue = rightConstant ? (Long) ((ConstantNode) right).value : 0;
    ArrowBuf out = result.getDataBuffer();
    ArrowBuf validity = result.getValidityBuffer();
    int leftWidth = leftTimestamp || leftTime ? 8 : 4;
    for (int i = Validity.nextSet(validity, 0, rows); i < rows; i = Validity.nextSet(validity, i + 1, rows)) {
      long value = leftData == null ? leftValue : Vectors.readExact(leftData, leftWidth, i);
      long interval = rightData == null ? rightValue : Vectors.readExact(rightData, intervalWidth, i);
      if (subtract) {
        interval = -interval;
      }
      long r;
      try {
        r = apply(value, interval);
      } catch (ArithmeticException e) {
        throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
            "Date arithmetic overflow: " + value + (subtract ? " - " : " + ") + Math.abs(interval));
      }
      if (resultTimestamp || leftTime) {
        out.setLong((long) i << 3, r);
      } else {
        if (r < Integer.MIN_VALUE || r > Integer.MAX_VALUE) {
          throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, "Date out of range: day " + r);
        }
        out.setInt((long) i << 2, (int) r);
      }
    }
  }

  private long apply(long value, long interval) {
    if (leftTime) {
      return months ? value : Math.floorMod(value + Math.floorMod(interval, ValueConversions.MICROS_PER_DAY),
          ValueConversions.MICROS_PER_DAY);
    }
    if (!leftTimestamp) {
      if (months) {
        long days = CalendarMath.plusMonths(value, interval);
        return resultTimestamp ? Math.multiplyExact(days, ValueConversions.MICROS_PER_DAY) : days;
      }
      if (resultTimestamp) {
        return Math.addExact(Math.multiplyExact(value, ValueConversions.MICROS_PER_DAY), interval);
      }
      return Math.addExact(value, Math.floorDiv(interval, ValueConversions.MICROS_PER_DAY));
    }
    long micros;
    if (months) {
      long day = Math.floorDiv(value, ValueConversions.MICROS_PER_DAY);
      long timeOfDay = Math.floorMod(value, ValueConversions.MICROS_PER_DAY);
      micros = Math.addExact(Math.multiplyExact(CalendarMath.plusMonths(day, interval),
          ValueConversions.MICROS_PER_DAY), timeOfDay);
    } else {
      micros = Math.addExact(value, interval);
    }
    return resultTimestamp ? micros : Math.floorDiv(micros, ValueConversions.MICROS_PER_DAY);
  }

  @Override
  public String toString() {
    return "(" + left + (subtract ? " - " : " + ") + right + ")";
  }
}
