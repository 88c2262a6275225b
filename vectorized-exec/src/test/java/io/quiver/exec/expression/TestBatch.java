package io.quiver.exec.expression;

import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Test data built with Arrow's own typed setters (independent of the code under test), and results
 * read back with Arrow's typed getters. Values: integer kinds and intervals Long, DECIMAL
 * BigDecimal, REAL Float, DOUBLE Double, BOOLEAN Boolean, text String, DATE LocalDate, TIMESTAMP
 * LocalDateTime, TIME Long micros, NULL null.
 */
final class TestBatch {

  private final BufferAllocator allocator;
  private final int rows;
  private final List<FieldVector> vectors = new ArrayList<>();
  private final List<Field> fields = new ArrayList<>();

  TestBatch(BufferAllocator allocator, int rows) {
    this.allocator = allocator;
    this.rows = rows;
  }

  TestBatch column(DataType type, Object... values) {
    return column(type, java.util.Arrays.asList(values));
  }

  TestBatch column(DataType type, List<?> values) {
    if (values.size() != rows) {
      throw new IllegalArgumentException("expected " + rows + " values, got " + values.size());
    }
    Field field = new Field("c" + vectors.size(), FieldType.nullable(type.toArrowType()), null);
    FieldVector vector = field.createVector(allocator);
    vectors.add(vector);
    fields.add(field);
    vector.allocateNew();
    for (int i = 0; i < rows; i++) {
      Object value = values.get(i);
      if (value == null) {
        if (!(vector instanceof NullVector)) {
          vector.setNull(i);
        }
        continue;
      }
      set(vector, type, i, value);
    }
    vector.setValueCount(rows);
    return this;
  }

  private static void set(FieldVector vector, DataType type, int i, Object value) {
    switch (type.kind()) {
      case BOOLEAN:
        ((BitVector) vector).setSafe(i, (Boolean) value ? 1 : 0);
        break;
      case TINYINT:
        ((TinyIntVector) vector).setSafe(i, ((Number) value).byteValue());
        break;
      case SMALLINT:
        ((SmallIntVector) vector).setSafe(i, ((Number) value).shortValue());
        break;
      case INTEGER:
      case INTERVAL_YEAR_MONTH:
        ((IntVector) vector).setSafe(i, ((Number) value).intValue());
        break;
      case BIGINT:
      case INTERVAL_DAY_TIME:
        ((BigIntVector) vector).setSafe(i, ((Number) value).longValue());
        break;
      case REAL:
        ((Float4Vector) vector).setSafe(i, ((Number) value).floatValue());
        break;
      case DOUBLE:
        ((Float8Vector) vector).setSafe(i, ((Number) value).doubleValue());
        break;
      case DECIMAL:
        ((DecimalVector) vector).setSafe(i, ((BigDecimal) value).setScale(type.scale(), RoundingMode.UNNECESSARY));
        break;
      case CHAR:
      case VARCHAR:
        ((VarCharVector) vector).setSafe(i, ((String) value).getBytes(StandardCharsets.UTF_8));
        break;
      case VARBINARY:
        ((VarBinaryVector) vector).setSafe(i, (byte[]) value);
        break;
      case DATE:
        ((DateDayVector) vector).setSafe(i, (int) ((LocalDate) value).toEpochDay());
        break;
      case TIMESTAMP:
        ((TimeStampMicroVector) vector).setSafe(i, micros((LocalDateTime) value));
        break;
      case TIME:
        ((TimeMicroVector) vector).setSafe(i, ((Number) value).longValue());
        break;
      default:
        throw new IllegalArgumentException("unsupported test type " + type);
    }
  }

  static long micros(LocalDateTime value) {
    return value.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + value.getNano() / 1000;
  }

  VectorSchemaRoot root() {
    return new VectorSchemaRoot(fields, vectors, rows);
  }

  /** Reads value {@code i} of a result vector of {@code type} into the test value forms. */
  static Object read(FieldVector vector, DataType type, int i) {
    if (vector instanceof NullVector || vector.isNull(i)) {
      return null;
    }
    switch (type.kind()) {
      case BOOLEAN:
        return ((BitVector) vector).get(i) == 1;
      case TINYINT:
        return (long) ((TinyIntVector) vector).get(i);
      case SMALLINT:
        return (long) ((SmallIntVector) vector).get(i);
      case INTEGER:
      case INTERVAL_YEAR_MONTH:
        return (long) ((IntVector) vector).get(i);
      case BIGINT:
      case INTERVAL_DAY_TIME:
        return ((BigIntVector) vector).get(i);
      case REAL:
        return ((Float4Vector) vector).get(i);
      case DOUBLE:
        return ((Float8Vector) vector).get(i);
      case DECIMAL:
        return ((DecimalVector) vector).getObject(i);
      case CHAR:
      case VARCHAR:
        return new String(((VarCharVector) vector).get(i), StandardCharsets.UTF_8);
      case VARBINARY:
        return ((VarBinaryVector) vector).get(i);
      case DATE:
        return LocalDate.ofEpochDay(((DateDayVector) vector).get(i));
      case TIMESTAMP: {
        long micros = ((TimeStampMicroVector) vector).get(i);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
      }
      case TIME:
        return ((TimeMicroVector) vector).get(i);
      default:
        throw new IllegalArgumentException("unsupported result type " + type);
    }
  }

  /** Compiles and evaluates {@code expression} over {@code root}, closing everything it made. */
  static List<Object> evaluate(Expression expression, VectorSchemaRoot root, BufferAllocator allocator) {
    try (VectorExpression compiled = ExpressionCompiler.compile(expression, allocator);
        FieldVector result = compiled.evaluate(root)) {
      if (result.getValueCount() != root.getRowCount()) {
        throw new AssertionError("result has " + result.getValueCount() + " values for " + root.getRowCount() + " rows");
      }
      if (!result.getField().getType().equals(expression.type().toArrowType())) {
        throw new AssertionError("result type " + result.getField().getType() + " for " + expression.type());
      }
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < root.getRowCount(); i++) {
        values.add(read(result, expression.type(), i));
      }
      return values;
    }
  }

  // ---- expression builders -------------------------------------------------------------------

  static InputReference column(int index, DataType type) {
    return new InputReference(index, type);
  }

  static Literal integer(long value) {
    return Literal.ofLong(value, DataType.INTEGER);
  }

  static Literal bigint(long value) {
    return Literal.ofLong(value, DataType.BIGINT);
  }

  static Literal decimal(String value, int precision, int scale) {
    return Literal.ofDecimal(new BigDecimal(value), DataType.decimal(precision, scale));
  }

  static Literal text(String value) {
    return Literal.ofString(value, DataType.VARCHAR);
  }

  static Literal date(String value) {
    return Literal.ofDate(LocalDate.parse(value));
  }

  static Literal nullOf(DataType type) {
    return Literal.nullOf(type);
  }

  static Call call(ScalarFunction function, DataType type, Expression... arguments) {
    return Call.of(function, type, arguments);
  }

  static Call bool(ScalarFunction function, Expression... arguments) {
    return Call.of(function, DataType.BOOLEAN, arguments);
  }
}
