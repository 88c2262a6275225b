package io.quiver.slt;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads the tables of {@code tpch.tiny} (what {@code io.trino.tpch} generates at scale factor
 * 0.01) into a DuckDB connection as catalog {@code tpch}, schema {@code tiny}, and makes that the
 * default schema, as it is in a Quiver session. Used only when the .slt files are run against
 * DuckDB to review expectations ({@code -Dquiver.slt.url=jdbc:duckdb:}).
 */
final class DuckDbTpchTiny {

  private DuckDbTpchTiny() {}

  static void load(Connection connection) throws SQLException {
    DuckDBConnection duckDb = connection.unwrap(DuckDBConnection.class);
    try (Statement statement = connection.createStatement()) {
      statement.execute("ATTACH ':memory:' AS tpch");
      statement.execute("CREATE SCHEMA tpch.tiny");
      for (TpchTable<?> table : TpchTable.getTables()) {
        statement.execute("CREATE TABLE tpch.tiny." + table.getTableName() + " (" + table.getColumns().stream()
            .map(column -> column.getColumnName() + " " + duckDbType(column))
            .collect(Collectors.joining(", ")) + ")");
        append(duckDb, table);
      }
      statement.execute("USE tpch.tiny");
    }
  }

  private static <E extends TpchEntity> void append(DuckDBConnection connection, TpchTable<E> table) throws SQLException {
    try (DuckDBAppender appender = connection.createAppender("tpch", "tiny", table.getTableName())) {
      for (E row : table.createGenerator(0.01, 1, 1)) {
        appender.beginRow();
        for (TpchColumn<E> column : table.getColumns()) {
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
