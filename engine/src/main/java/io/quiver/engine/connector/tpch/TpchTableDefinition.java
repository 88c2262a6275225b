package io.quiver.engine.connector.tpch;

import io.quiver.exec.type.Column;
import io.quiver.exec.type.RowSchema;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A TPC-H table as Quiver serves it: the generator that makes its rows, its columns, its size and its
 * primary key.
 *
 * @param name the SQL table name
 * @param generator the tpch library's table, whose generator makes the rows
 * @param columns the columns in table order
 * @param rowsAtScaleOne rows at scale factor 1 (an estimate for lineitem, whose row count is random)
 * @param scaled false for nation and region, whose size does not depend on the scale factor
 * @param primaryKey the ordinals of the primary key columns
 */
record TpchTableDefinition<E extends TpchEntity>(String name, TpchTable<E> generator,
    List<TpchColumnDefinition<E>> columns, long rowsAtScaleOne, boolean scaled, List<Integer> primaryKey) {

  TpchTableDefinition {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  /** Rows at {@code scaleFactor}: exact except for lineitem (about four lines per order). */
  long estimatedRowCount(double scaleFactor) {
    return scaled ? (long) (rowsAtScaleOne * scaleFactor) : rowsAtScaleOne;
  }

  RowSchema rowSchema() {
    List<Column> result = new ArrayList<>(columns.size());
    for (TpchColumnDefinition<E> column : columns) {
      result.add(new Column(column.name(), column.type(), false));
    }
    return new RowSchema(result);
  }

  int columnIndex(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + columnName + " in " + name);
  }
}
