package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * EXTRACT(field FROM date-or-timestamp) as BIGINT, computed with integer calendar arithmetic over
 * the value buffer. DOW counts Sunday as 0 (PostgreSQL); WEEK is the ISO week; SECOND is whole
 * seconds; time fields of a DATE are 0.
 */
final class ExtractNode extends ExpressionNode {

  enum Field { YEAR, QUARTER, MONTH, WEEK, DAY, DOW, DOY, HOUR, MINUTE, SECOND }

  private final Field field;
  private final ExpressionNode value;
  private final boolean timestamp;

  ExtractNode(String unit, ExpressionNode value, BufferAllocator allocator) {
    super(DataType.BIGINT, allocator, List.of(value));
    this.field = parse(unit);
    this.value = value;
    TypeKind kind = value.type().kind();
    if (kind != TypeKind.DATE && kind != TypeKind.TIMESTAMP) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "EXTRACT(" + unit + ") is not supported on " + value.type());
    }
    this.timestamp = kind == TypeKind.TIMESTAMP;
  }

  private static Field parse(String unit) {
    String name = unit.trim().toUpperCase(Locale.ROOT);
    switch (name) {
      case "DAYOFWEEK":
        return Field.DOW;
      case "DAYOFYEAR":
        return Field.DOY;
      case "DAYOFMONTH":
        return Field.DAY;
      default:
        try {
          return Field.valueOf(name);
        } catch (IllegalArgumentException e) {
          throw new QuiverException(ErrorCode.NOT_SUPPORTED, "EXTRACT does not support the field '" + unit + "'");
        }
    }
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector input = value.evaluate(batch);
    FieldVector result = null;
    try {
      result = Vectors.allocate(DataType.BIGINT, rows, allocator);
      ArrowBuf validity = result.getValidityBuffer();
      for (int w = 0; w < Validity.wordCount(rows); w++) {
        Validity.writeWord(validity, w, Validity.validWord(input, w) & Validity.rowMask(w, rows));
      }
      ArrowBuf in = input.getDataBuffer();
      ArrowBuf out = result.getDataBuffer();
      for (int i = 0; i < rows; i++) {
        if (!Validity.isSet(validity, i)) {
          continue;
        }
        long day;
        long microsOfDay;
        if (timestamp) {
          long micros = in.getLong((long) i << 3);
          day = Math.floorDiv(micros, ValueConversions.MICROS_PER_DAY);
          microsOfDay = Math.floorMod(micros, ValueConversions.MICROS_PER_DAY);
        } else {
          day = in.getInt((long) i << 2);
          microsOfDay = 0;
        }
        out.setLong((long) i << 3, extract(field, day, microsOfDay));
      }
      result.setValueCount(rows);
      FieldVector done = result;
      result = null;
      return done;
    } finally {
      if (result != null) {
        result.close();
      }
      value.release(input);
    }
  }

  static long extract(Field field, long day, long microsOfDay) {
    switch (field) {
      case YEAR:
        return CalendarMath.year(CalendarMath.civilFromDays(day));
      case QUARTER:
        return (CalendarMath.month(CalendarMath.civilFromDays(day)) + 2) / 3;
      case MONTH:
        return CalendarMath.month(CalendarMath.civilFromDays(day));
      case DAY:
        return CalendarMath.day(CalendarMath.civilFromDays(day));
      case DOW:
        return Math.floorMod(day + 4, 7);
      case DOY: {
        long year = CalendarMath.year(CalendarMath.civilFromDays(day));
        return day - CalendarMath.daysFromCivil(year, 1, 1) + 1;
      }
      case WEEK:
        return LocalDate.ofEpochDay(day).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case HOUR:
        return microsOfDay / 3_600_000_000L;
      case MINUTE:
        return microsOfDay / 60_000_000L % 60;
      default:
        return microsOfDay / 1_000_000L % 60;
    }
  }

  @Override
  public String toString() {
    return "EXTRACT(" + field + " FROM " + value + ")";
  }
}
