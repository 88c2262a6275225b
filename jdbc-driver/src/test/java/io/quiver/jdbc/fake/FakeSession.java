package io.quiver.jdbc.fake;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The fake engine's session. Statements it understands:
 * <ul>
 *   <li>{@code types}: one row of every type, then one row of NULLs;
 *   <li>{@code range N batch B}: BIGINT 0..N-1 in batches of B rows, made as they are read;
 *   <li>{@code fail after N}: N rows, then DIVISION_BY_ZERO from the next batch;
 *   <li>{@code block}: a result whose first batch waits until the query is cancelled;
 *   <li>{@code create ...}: a statement without rows;
 *   <li>anything else: SYNTAX_ERROR at line 1, column 1.
 * </ul>
 */
final class FakeSession implements Session {

  private static final Pattern RANGE = Pattern.compile("range (\\d+) batch (\\d+)");
  private static final Pattern FAIL = Pattern.compile("fail after (\\d+)");

  private final FakeQuiver engine;
  private String catalog = "tpch";
  private String schema = "tiny";

  FakeSession(FakeQuiver engine) {
    this.engine = engine;
  }

  @Override
  public String id() {
    return "fake";
  }

  @Override
  public QueryResult execute(String sql) {
    String text = sql.trim().toLowerCase(Locale.ROOT);
    if (text.equals("types")) {
      return new FakeResult(engine, typesSchema(), 2, 2, (root, first, count) -> fillTypes(root));
    }
    Matcher range = RANGE.matcher(text);
    if (range.matches()) {
      long rows = Long.parseLong(range.group(1));
      int batch = Integer.parseInt(range.group(2));
      return new FakeResult(engine, longSchema(), rows, batch, FakeSession::fillRange);
    }
    Matcher fail = FAIL.matcher(text);
    if (fail.matches()) {
      long rows = Long.parseLong(fail.group(1));
      return new FakeResult(engine, longSchema(), rows, (int) Math.max(1, rows), FakeSession::fillRange) {
        @Override
        public boolean loadNextBatch() {
          if (produced() >= rows) {
            throw new QuiverException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
          }
          return super.loadNextBatch();
        }
      };
    }
    if (text.equals("block")) {
      CountDownLatch cancelled = new CountDownLatch(1);
      return new FakeResult(engine, longSchema(), 1, 1, FakeSession::fillRange) {
        @Override
        public boolean loadNextBatch() {
          try {
            if (!cancelled.await(30, TimeUnit.SECONDS)) {
              throw new IllegalStateException("never cancelled");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new QuiverException(ErrorCode.QUERY_CANCELLED, "query was cancelled");
        }

        @Override
        public void cancel() {
          cancelled.countDown();
        }
      };
    }
    if (text.startsWith("create")) {
      return new FakeResult(engine, new RowSchema(List.of()), 0, 1, (root, first, count) -> { }) {
        @Override
        public boolean isRowResult() {
          return false;
        }

        @Override
        public long updateCount() {
          return 0;
        }
      };
    }
    throw new QuiverException(ErrorCode.SYNTAX_ERROR, "Non-query expression encountered in illegal context",
        null, 1, 1);
  }

  private static RowSchema longSchema() {
    return new RowSchema(List.of(new Column("n", DataType.BIGINT, false)));
  }

  private static void fillRange(VectorSchemaRoot root, long first, int count) {
    BigIntVector vector = (BigIntVector) root.getVector(0);
    vector.allocateNew(count);
    for (int i = 0; i < count; i++) {
      vector.set(i, first + i);
    }
    vector.setValueCount(count);
  }

  static RowSchema typesSchema() {
    return new RowSchema(List.of(
        new Column("c_boolean", DataType.BOOLEAN, true),
        new Column("c_tinyint", DataType.TINYINT, true),
        new Column("c_smallint", DataType.SMALLINT, true),
        new Column("c_integer", DataType.INTEGER, true),
        new Column("c_bigint", DataType.BIGINT, true),
        new Column("c_real", DataType.REAL, true),
        new Column("c_double", DataType.DOUBLE, true),
        new Column("c_decimal", DataType.decimal(15, 2), true),
        new Column("c_char", DataType.character(5), true),
        new Column("c_varchar", DataType.varchar(25), true),
        new Column("c_date", DataType.DATE, true),
        new Column("c_time", DataType.TIME, true),
        new Column("c_timestamp", DataType.TIMESTAMP, true)));
  }

  /** Row 0: values; row 1: NULLs. */
  private static void fillTypes(VectorSchemaRoot root) {
    root.allocateNew();
    ((BitVector) root.getVector(0)).setSafe(0, 1);
    ((TinyIntVector) root.getVector(1)).setSafe(0, -7);
    ((SmallIntVector) root.getVector(2)).setSafe(0, 300);
    ((IntVector) root.getVector(3)).setSafe(0, 123456);
    ((BigIntVector) root.getVector(4)).setSafe(0, 9_000_000_000L);
    ((Float4Vector) root.getVector(5)).setSafe(0, 1.5f);
    ((Float8Vector) root.getVector(6)).setSafe(0, 2.25);
    ((DecimalVector) root.getVector(7)).setSafe(0, new BigDecimal("1234.50"));
    ((VarCharVector) root.getVector(8)).setSafe(0, "ab".getBytes(StandardCharsets.UTF_8));
    ((VarCharVector) root.getVector(9)).setSafe(0, "héllo".getBytes(StandardCharsets.UTF_8));
    ((DateDayVector) root.getVector(10)).setSafe(0, 9204); // 1995-03-15
    ((TimeMicroVector) root.getVector(11)).setSafe(0, (13 * 3600 + 45 * 60 + 30) * 1_000_000L + 250_000L);
    // 1995-03-15 13:45:30.250
    ((TimeStampMicroVector) root.getVector(12)).setSafe(0,
        9204L * 86_400_000_000L + (13 * 3600 + 45 * 60 + 30) * 1_000_000L + 250_000L);
    for (int column = 0; column < root.getFieldVectors().size(); column++) {
      root.getVector(column).setNull(1);
    }
    root.setRowCount(2);
  }

  @Override
  public String currentCatalog() {
    return catalog;
  }

  @Override
  public String currentSchema() {
    return schema;
  }

  @Override
  public void setCatalog(String catalog) {
    if (!engine.metadata().catalogs().contains(catalog)) {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "Catalog '" + catalog + "' not found");
    }
    this.catalog = catalog;
  }

  @Override
  public void setSchema(String name) {
    String[] parts = name.split("\\.");
    String newCatalog = parts.length == 2 ? parts[0] : catalog;
    String newSchema = parts[parts.length - 1];
    if (!engine.metadata().catalogs().contains(newCatalog)
        || !engine.metadata().schemas(newCatalog).contains(newSchema)) {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + name + "' not found");
    }
    catalog = newCatalog;
    schema = newSchema;
  }

  @Override
  public void close() {
  }
}
