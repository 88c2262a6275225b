package io.quiver.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads what {@code io.trino.tpch:tpch} generates (the data behind Quiver's {@code tpch} catalog)
 * into DuckDB through its Appender, with the types of SEMANTICS.md: identifiers BIGINT, money,
 * quantities, discounts and taxes DECIMAL(15,2) (exact, in cents), dates DATE, text VARCHAR
 * (CHAR(1) columns too: Quiver stores CHAR without padding).
 */
public final class DuckDbTpchLoader {

  private DuckDbTpchLoader() {}

  /** Loads every column of every table into {@code schema} (created in the current database). */
  public static void loadAll(Connection connection, String schema, double scaleFactor) throws SQLException {
    for (TpchTable<?> table : TpchTable.getTables()) {
      load(connection, schema, scaleFactor, table, Set.of());
    }
  }

  /**
   * Loads one table into {@code schema}; when {@code onlyColumns} is not empty, only those columns
   * are created and filled (to keep a large scale factor cheap).
   */
  public static <E extends TpchEntity> void load(Connection connection, String schema, double scaleFactor,
      TpchTable<E> table, Set<String> onlyColumns) throws SQLException {
    List<TpchColumn<E>> columns = table.getColumns().stream()
        .filter(column -> onlyColumns.isEmpty() || onlyColumns.contains(column.getColumnName()))
        .toList();
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("no column of " + table.getTableName() + " among " + onlyColumns);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      statement.execute("CREATE TABLE " + schema + "." + table.getTableName() + " (" + columns.stream()
          .map(column -> column.getColumnName() + " " + duckDbType(column))
          .collect(Collectors.joining(", ")) + ")");
    }
    DuckDBConnection duckDb = connection.unwrap(DuckDBConnection.class);
    try (DuckDBAppender appender = duckDb.createAppender(schema, table.getTableName())) {
      for (E row : table.createGenerator(scaleFactor, 1, 1)) {
        appender.beginRow();
        for (TpchColumn<E> column : columns) {
          switch (column.getType().getBase()) {
            case IDENTIFIER -> appender.append(column.getIdentifier(row));
            case INTEGER -> appender.append(column.getInteger(row));
            case DATE -> appender.appendEpochDays(column.getDate(row));
            // DECIMAL(15,2) from its unscaled value, the cents the generator holds.
            case DOUBLE -> appender.appendDecimal(Math.round(column.getDouble(row) * 100));
            case VARCHAR -> appender.append(column.getString(row));
            default -> throw new IllegalStateException("unknown tpch type " + column.getType());
          }
        }
        appender.endRow();
      }
    }
  }

  private static String duckDbType(TpchColumn<?> column) {
    return switch (column.getType().getBase()) {
      case IDENTIFIER -> "BIGINT";
      case INTEGER -> "INTEGER";
      case DATE -> "DATE";
      case DOUBLE -> "DECIMAL(15,2)";
      case VARCHAR -> "VARCHAR";
    };
  }
}
