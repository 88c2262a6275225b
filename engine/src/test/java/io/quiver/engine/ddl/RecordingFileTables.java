package io.quiver.engine.ddl;

import io.quiver.engine.connector.file.FileSource;
import io.quiver.engine.connector.file.FileTables;
import io.quiver.engine.connector.file.WriteMode;
import io.quiver.engine.connector.memory.SqlRows;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.planner.PlannedStatement;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A hand-written {@link FileTables} for tests: records every call, runs the queries it is asked to
 * write and keeps their rows as text (no files), and opens tables with the declared columns or the
 * columns last written to the location. Its tables cannot be scanned (no data source).
 */
final class RecordingFileTables implements FileTables {

  /** One call: open (mode null) or write. */
  record Call(String method, FileSource source, WriteMode mode, List<Column> columns, List<List<String>> rows) {
  }

  private final List<Call> calls = new ArrayList<>();
  private final Map<String, List<Column>> written = new HashMap<>();
  private QuiverException nextWriteFailure;

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized Call last() {
    return calls.get(calls.size() - 1);
  }

  synchronized void failNextWrite(QuiverException failure) {
    nextWriteFailure = failure;
  }

  @Override
  public synchronized ConnectorTable open(String schemaName, String tableName, FileSource source,
      List<Column> declaredColumns) {
    List<Column> columns = declaredColumns.isEmpty() ? written.get(source.location()) : declaredColumns;
    if (columns == null) {
      throw new QuiverException(ErrorCode.IO_ERROR, "no files at " + source.location());
    }
    calls.add(new Call("open", source, null, List.copyOf(columns), List.of()));
    return new FakeTable(schemaName, tableName, columns);
  }

  @Override
  public long write(FileSource target, PlannedStatement query, WriteMode mode, JobRunner jobs) {
    QuiverException failure;
    synchronized (this) {
      failure = nextWriteFailure;
      nextWriteFailure = null;
    }
    List<List<String>> rows = new ArrayList<>();
    jobs.run(query, batch -> {
      try (VectorSchemaRoot owned = batch) {
        synchronized (rows) {
          for (int row = 0; row < owned.getRowCount(); row++) {
            List<String> values = new ArrayList<>();
            for (FieldVector vector : owned.getFieldVectors()) {
              values.add(SqlRows.render(vector, row));
            }
            rows.add(values);
          }
        }
      }
    });
    if (failure != null) {
      throw failure; // after the query ran: as a commit that fails
    }
    synchronized (this) {
      calls.add(new Call("write", target, mode, query.resultSchema().columns(), rows));
      written.put(target.location(), query.resultSchema().columns());
    }
    return rows.size();
  }

  private static final class FakeTable extends AbstractTable implements ConnectorTable {
    private final String schema;
    private final String table;
    private final List<Column> columns;

    FakeTable(String schema, String table, List<Column> columns) {
      this.schema = schema;
      this.table = table;
      this.columns = columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      RelDataTypeFactory.Builder builder = typeFactory.builder();
      for (Column column : columns) {
        builder.add(column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
      }
      return builder.build();
    }

    @Override
    public String connectorName() {
      return FileTables.CONNECTOR_NAME;
    }

    @Override
    public String schemaName() {
      return schema;
    }

    @Override
    public String tableName() {
      return table;
    }

    @Override
    public Map<String, String> properties() {
      return Map.of();
    }

    @Override
    public int splitCount() {
      return 1;
    }
  }
}
