package io.quiver.engine.connector.system;

import io.quiver.engine.access.AccessControl;
import io.quiver.engine.access.PlanningSubject;
import io.quiver.engine.access.Subject;
import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads the tables of the system catalog (information_schema and runtime): the rows are made when the split opens (the catalogs as they
 * are then) and handed out in batches of at most batchSize rows. Metadata is small, so building
 * them row by row is fine here. Split 0 holds every row.
 */
final class InformationSchemaDataSource implements TableDataSource {

  private final InformationSchemaRows rows;
  private final RuntimeRows runtimeRows;
  private final AccessControl access;

  InformationSchemaDataSource(InformationSchemaRows rows, RuntimeRows runtimeRows, AccessControl access) {
    this.rows = rows;
    this.runtimeRows = runtimeRows;
    this.access = access;
  }

  /** The user whose statement planned the scan (the handle says, see {@link PlanningSubject}). */
  private Subject subject(TableHandle handle) {
    String user = handle.properties().get(PlanningSubject.USER_PROPERTY);
    if (user == null || Boolean.parseBoolean(handle.properties().get(PlanningSubject.EVERY_RIGHT_PROPERTY))) {
      return Subject.ENGINE;
    }
    Subject subject = access.subject(user);
    return new Subject(subject.user(), subject.roles(), subject.everyRight() && access.enforced());
  }

  @Override
  public String connectorName() {
    return SystemConnector.NAME;
  }

  @Override
  public SplitReader open(TableHandle handle, List<Integer> columns, RowSchema schema, int split, int splitCount,
      BufferAllocator allocator, int batchSize) {
    if (batchSize < 1) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "batch size must be at least 1, was " + batchSize);
    }
    Subject subject = subject(handle);
    List<Object[]> all = split != 0 ? List.of()
        : RuntimeTable.SCHEMA_NAME.equals(handle.schema()) ? runtimeRows.rows(runtimeTable(handle), subject)
        : io.quiver.engine.connector.memory.TemporaryScope.with(handle.properties().get(
            PlanningSubject.SESSION_PROPERTY),
            () -> rows.rows(table(handle), object -> access.visible(subject, object)));
    return new SplitReader() {
      private int next;

      @Override
      public VectorSchemaRoot next() {
        if (next >= all.size()) {
          return null;
        }
        int count = Math.min(batchSize, all.size() - next);
        VectorSchemaRoot batch = VectorSchemaRoot.create(schema.toArrowSchema(), allocator);
        try {
          List<FieldVector> vectors = batch.getFieldVectors();
          for (int c = 0; c < columns.size(); c++) {
            fill(vectors.get(c), all, next, count, columns.get(c));
          }
          batch.setRowCount(count);
        } catch (RuntimeException | Error e) {
          batch.close();
          throw e;
        }
        next += count;
        return batch;
      }

      @Override
      public void close() {
        next = all.size();
      }
    };
  }

  private static void fill(FieldVector vector, List<Object[]> rows, int from, int count, int column) {
    vector.allocateNew();
    for (int i = 0; i < count; i++) {
      Object value = rows.get(from + i)[column];
      if (vector instanceof VarCharVector text) {
        if (value == null) {
          text.setNull(i);
        } else {
          text.setSafe(i, value.toString().getBytes(StandardCharsets.UTF_8));
        }
      } else if (vector instanceof IntVector ints) {
        if (value == null) {
          ints.setNull(i);
        } else {
          ints.setSafe(i, (Integer) value);
        }
      } else if (vector instanceof BigIntVector longs) {
        if (value == null) {
          longs.setNull(i);
        } else {
          longs.setSafe(i, ((Number) value).longValue());
        }
      } else if (vector instanceof TimeStampMicroVector times) {
        if (value == null) {
          times.setNull(i);
        } else {
          LocalDateTime time = (LocalDateTime) value;
          times.setSafe(i, time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1_000);
        }
      } else {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the system catalog has no column of type "
            + vector.getField().getType());
      }
    }
    vector.setValueCount(count);
  }

  private static RuntimeTable runtimeTable(TableHandle handle) {
    for (RuntimeTable table : RuntimeTable.values()) {
      if (table.tableName().equals(handle.table())) {
        return table;
      }
    }
    throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "system.runtime has no table " + handle.table());
  }

  private static InformationSchemaTable table(TableHandle handle) {
    for (InformationSchemaTable table : InformationSchemaTable.values()) {
      if (table.tableName().equals(handle.table())) {
        return table;
      }
    }
    throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "information_schema has no table " + handle.table());
  }
}
