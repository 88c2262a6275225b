package io.quiver.tpcds;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Copies tables from Quiver into DuckDB, value for value: the rows a Quiver query returns go
 * through DuckDB's Appender into a table of the same column types (BIGINT, INTEGER, DECIMAL(p,s),
 * DATE; text as VARCHAR, since Quiver stores CHAR without padding). This is how DuckDB gets exactly
 * the TPC-DS rows Quiver generated, without generating them a second time (the generator is slow).
 */
public final class QuiverToDuckDb {

  private QuiverToDuckDb() {}

  /**
   * Creates {@code duckDbTable} in DuckDB with the columns of {@code quiverTable} and fills it with
   * its rows.
   *
   * @return the rows copied
   */
  public static long copy(Session quiver, String quiverTable, Connection duckDb, String duckDbTable)
      throws SQLException {
    long rows = 0;
    try (QueryResult result = quiver.execute("SELECT * FROM " + quiverTable)) {
      List<Field> fields = result.root().getSchema().getFields();
      List<String> columns = new ArrayList<>();
      for (Field field : fields) {
        columns.add(field.getName() + " " + duckDbType(field));
      }
      try (Statement statement = duckDb.createStatement()) {
        statement.execute("CREATE TABLE " + duckDbTable + " (" + String.join(", ", columns) + ")");
      }
      int dot = duckDbTable.indexOf('.');
      String schema = dot < 0 ? "main" : duckDbTable.substring(0, dot);
      String table = dot < 0 ? duckDbTable : duckDbTable.substring(dot + 1);
      try (DuckDBAppender appender = duckDb.unwrap(DuckDBConnection.class).createAppender(schema, table)) {
        while (result.loadNextBatch()) {
          List<FieldVector> vectors = result.root().getFieldVectors();
          for (int row = 0; row < result.root().getRowCount(); row++) {
            appender.beginRow();
            for (FieldVector vector : vectors) {
              append(appender, vector, row);
            }
            appender.endRow();
            rows++;
          }
        }
      }
    }
    return rows;
  }

  private static void append(DuckDBAppender appender, FieldVector vector, int row) throws SQLException {
    boolean isNull = vector.isNull(row);
    if (vector instanceof BigIntVector longs) {
      appender.append(isNull ? null : (Long) longs.get(row));
    } else if (vector instanceof IntVector ints) {
      appender.append(isNull ? null : (Integer) ints.get(row));
    } else if (vector instanceof DecimalVector decimals) {
      appender.append(isNull ? null : decimals.getObject(row));
    } else if (vector instanceof DateDayVector dates) {
      appender.append(isNull ? null : java.time.LocalDate.ofEpochDay(dates.get(row)));
    } else if (vector instanceof VarCharVector texts) {
      appender.append(isNull ? null : texts.getObject(row).toString());
    } else {
      throw new IllegalArgumentException("cannot copy a " + vector.getField().getType() + " column to DuckDB");
    }
  }

  private static String duckDbType(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Int integer) {
      return integer.getBitWidth() == 64 ? "BIGINT" : "INTEGER";
    }
    if (type instanceof ArrowType.Decimal decimal) {
      return "DECIMAL(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
    }
    if (type instanceof ArrowType.Date) {
      return "DATE";
    }
    if (type instanceof ArrowType.Utf8) {
      return "VARCHAR";
    }
    throw new IllegalArgumentException("cannot copy column " + field.getName() + " of type " + type + " to DuckDB");
  }
}
