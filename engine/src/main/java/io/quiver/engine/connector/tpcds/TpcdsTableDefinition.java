package io.quiver.engine.connector.tpcds;

import io.quiver.exec.type.Column;
import io.quiver.exec.type.RowSchema;
import io.trino.tpcds.Scaling;
import io.trino.tpcds.Table;
import java.util.List;

/**
 * A TPC-DS table as Quiver serves it: the generator's table, its columns, its primary key, how its
 * size follows the scale factor and whether it may be cut into splits.
 *
 * @param generator the library's table, whose row generator makes the rows
 * @param columns the columns in table order
 * @param primaryKey the ordinals of the primary key's columns (the specification's keys)
 * @param rowsPerGeneratorRow rows the table gets per row the generator counts: 1 for most tables;
 *     for the sales and returns tables the generator counts orders (tickets) and makes several
 *     lines (or a return for some lines) per order, so their row count is an estimate
 * @param splittable true when any range of generator rows can be generated on its own with the
 *     same result as in one pass; false for the tables that keep history (item, store, call_center,
 *     web_page, web_site: a row's values depend on the row before it)
 */
record TpcdsTableDefinition(Table generator, List<TpcdsColumnDefinition> columns, List<Integer> primaryKey,
    double rowsPerGeneratorRow, boolean splittable) {

  TpcdsTableDefinition {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  /** The SQL table name. */
  String name() {
    return generator.getName();
  }

  /** Rows the generator counts at {@code scaleFactor} (orders for the sales and returns tables). */
  long generatorRows(double scaleFactor) {
    return new Scaling(scaleFactor).getRowCount(generator);
  }

  /** Rows of the table at {@code scaleFactor}: exact except for the sales and returns tables. */
  long estimatedRowCount(double scaleFactor) {
    return Math.round(generatorRows(scaleFactor) * rowsPerGeneratorRow);
  }

  RowSchema rowSchema() {
    return new RowSchema(columns.stream().map(column -> new Column(column.name(), column.type(), column.nullable()))
        .toList());
  }
}
