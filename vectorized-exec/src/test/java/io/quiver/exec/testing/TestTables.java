package io.quiver.exec.testing;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A small table DSL for tests: schemas from (name, type) pairs, batches from rows of Java values,
 * and rows back out of batches. Values: Long/Integer for integer kinds, Double for REAL/DOUBLE,
 * BigDecimal for DECIMAL, String for text, LocalDate for DATE, Boolean, null for NULL. Rows read
 * back normalize integer kinds to Long and REAL to Double.
 */
public final class TestTables {

  private TestTables() {
  }

  public static Column column(String name, DataType type) {
    return new Column(name, type, true);
  }

  /** A schema from alternating names and types: {@code schema("k", BIGINT, "v", DOUBLE)}. */
  public static RowSchema schema(Object... namesAndTypes) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      columns.add(column((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1]));
    }
    return new RowSchema(columns);
  }

  public static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  public static VectorSchemaRoot batch(BufferAllocator allocator, RowSchema schema, List<List<Object>> rows) {
    VectorSchemaRoot batch = Batches.create(schema, allocator);
    try {
      for (FieldVector vector : batch.getFieldVectors()) {
        vector.setInitialCapacity(Math.max(rows.size(), 1));
        vector.allocateNew();
      }
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < schema.size(); c++) {
          set(batch.getVector(c), r, rows.get(r).get(c));
        }
      }
      batch.setRowCount(rows.size());
      return batch;
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    }
  }

  public static VectorSchemaRoot batch(BufferAllocator allocator, RowSchema schema, Object[]... rows) {
    List<List<Object>> list = new ArrayList<>();
    for (Object[] row : rows) {
      list.add(Arrays.asList(row));
    }
    return batch(allocator, schema, list);
  }

  /** Cuts {@code rows} into batches of at most {@code batchSize} rows. */
  public static List<VectorSchemaRoot> batches(BufferAllocator allocator, RowSchema schema, List<List<Object>> rows,
      int batchSize) {
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += batchSize) {
      batches.add(batch(allocator, schema, rows.subList(from, Math.min(rows.size(), from + batchSize))));
    }
    return batches;
  }

  private static void set(FieldVector vector, int index, Object value) {
    if (vector instanceof NullVector) {
      return;
    }
    if (value == null) {
      vector.setNull(index);
    } else if (vector instanceof BigIntVector v) {
      v.setSafe(index, ((Number) value).longValue());
    } else if (vector instanceof IntVector v) {
      v.setSafe(index, ((Number) value).intValue());
    } else if (vector instanceof SmallIntVector v) {
      v.setSafe(index, ((Number) value).shortValue());
    } else if (vector instanceof TinyIntVector v) {
      v.setSafe(index, ((Number) value).byteValue());
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(index, ((Number) value).doubleValue());
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(index, ((Number) value).floatValue());
    } else if (vector instanceof DecimalVector v) {
      v.setSafe(index, ((BigDecimal) value).setScale(v.getScale()));
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(index, (byte[]) value);
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(index, (int) ((LocalDate) value).toEpochDay());
    } else if (vector instanceof BitVector v) {
      v.setSafe(index, ((Boolean) value) ? 1 : 0);
    } else {
      throw new IllegalArgumentException("unsupported vector " + vector.getField());
    }
  }

  /** The rows of a batch as Java values (see class comment); the batch is left as is. */
  public static List<List<Object>> rows(VectorSchemaRoot batch) {
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < batch.getRowCount(); r++) {
      List<Object> row = new ArrayList<>();
      for (FieldVector vector : batch.getFieldVectors()) {
        row.add(value(vector, r));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The rows of all batches, which are closed. */
  public static List<List<Object>> drain(List<VectorSchemaRoot> batches) {
    List<List<Object>> rows = new ArrayList<>();
    for (VectorSchemaRoot batch : batches) {
      rows.addAll(rows(batch));
      batch.close();
    }
    return rows;
  }

  private static Object value(FieldVector vector, int index) {
    if (vector instanceof NullVector || vector.isNull(index)) {
      return null;
    }
    if (vector instanceof DateDayVector v) {
      return LocalDate.ofEpochDay(v.get(index));
    }
    if (vector instanceof VarCharVector v) {
      return new String(v.get(index), StandardCharsets.UTF_8);
    }
    if (vector instanceof BitVector v) {
      return v.get(index) != 0;
    }
    Object value = vector.getObject(index);
    if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }
}
