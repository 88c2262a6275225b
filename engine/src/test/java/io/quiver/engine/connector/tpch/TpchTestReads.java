package io.quiver.engine.connector.tpch;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads TPC-H splits into plain rows for assertions. */
final class TpchTestReads {

  private TpchTestReads() {
  }

  static TableHandle handle(String schema, String table, double scaleFactor) {
    return new TableHandle(TpchConnector.NAME, schema, table,
        Map.of(TpchConnectorTable.SCALE_FACTOR_PROPERTY, Double.toString(scaleFactor)));
  }

  static List<Integer> allColumns(TpchTableDefinition<?> table) {
    return IntStream.range(0, table.columns().size()).boxed().toList();
  }

  static RowSchema schemaOf(TpchTableDefinition<?> table, List<Integer> columns) {
    List<Column> result = new ArrayList<>();
    for (int column : columns) {
      result.add(table.rowSchema().column(column));
    }
    return new RowSchema(result);
  }

  /** Every row of one split, each value rendered as text (decimals plain, dates ISO). */
  static List<List<String>> readSplit(BufferAllocator allocator, TpchTableDefinition<?> table, double scaleFactor,
      List<Integer> columns, int split, int splitCount, int batchSize) {
    RowSchema schema = schemaOf(table, columns);
    List<List<String>> rows = new ArrayList<>();
    try (SplitReader reader = new TpchDataSource().open(handle("test", table.name(), scaleFactor), columns, schema,
        split, splitCount, allocator, batchSize)) {
      VectorSchemaRoot batch;
      while ((batch = reader.next()) != null) {
        try (VectorSchemaRoot owned = batch) {
          for (int row = 0; row < owned.getRowCount(); row++) {
            List<String> values = new ArrayList<>();
            for (int column = 0; column < schema.size(); column++) {
              values.add(render(owned.getVector(column), row, schema.column(column).type()));
            }
            rows.add(values);
          }
        }
      }
    }
    return rows;
  }

  static List<List<String>> readAll(BufferAllocator allocator, TpchTableDefinition<?> table, double scaleFactor,
      int splitCount, int batchSize) {
    List<List<String>> rows = new ArrayList<>();
    for (int split = 0; split < splitCount; split++) {
      rows.addAll(readSplit(allocator, table, scaleFactor, allColumns(table), split, splitCount, batchSize));
    }
    return rows;
  }

  static String render(FieldVector vector, int row, DataType type) {
    Object value = vector.getObject(row);
    if (value == null) {
      return "NULL";
    }
    if (type.kind() == TypeKind.DATE) {
      return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
    }
    if (type.kind() == TypeKind.DECIMAL) {
      return ((BigDecimal) value).toPlainString();
    }
    return value.toString();
  }
}
