package io.quiver.engine.ddl;

import io.quiver.engine.connector.memory.FileTableEntry;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.memory.MemoryTable;
import io.quiver.engine.connector.memory.MemoryTableWriter;
import io.quiver.engine.connector.memory.SchemaObject;
import io.quiver.engine.connector.memory.StoredView;
import io.quiver.engine.driver.StatementContext;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.PlannedStatement;
import io.quiver.planner.error.SqlErrors;
import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.parser.QuiverSqlParser;
import io.quiver.sql.statement.Assignment;
import io.quiver.sql.statement.DeleteStatement;
import io.quiver.sql.statement.MergeStatement;
import io.quiver.sql.statement.ObjectName;
import io.quiver.sql.statement.Statement;
import io.quiver.sql.statement.TruncateStatement;
import io.quiver.sql.statement.UpdateStatement;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Runs UPDATE, DELETE, MERGE and TRUNCATE on in-memory tables. Each computes the table's whole next
 * version as one distributed query over the current version ({@link RowChangeQueries}), stores
 * its rows aside and makes them the table's data in one step
 * ({@link MemoryConnector#replaceRows}): readers see the old rows or the new ones, never a mix,
 * and a statement that fails changes nothing. Statements that change one table's rows (these and
 * INSERT) take the table's write lock for their whole run, so they apply one after the other.
 * The query side is the same for any table kind; only the commit is the memory catalog's.
 *
 * <p>The user's expressions are type-checked first by a probe query that selects them (so their
 * errors point into the statement's text), then placed, cast to their columns' types where
 * needed, into the query that computes the new rows. The statement is parsed again for each
 * query (the validator rewrites the nodes it validates).
 */
final class RowChangeExecutor {

  private final StatementJobs jobs;
  private final Targets targets;

  RowChangeExecutor(StatementJobs jobs, Targets targets) {
    this.jobs = jobs;
    this.targets = targets;
  }

  /** The table a statement changes, locked for writing until closed. */
  record LockedTable(MemoryConnector memory, String schema, String name, String qualified, MemoryTable table,
      AutoCloseable lock) implements AutoCloseable {

    List<String> qualifiedName() {
      return List.of(MemoryConnector.NAME, schema, name);
    }

    @Override
    public void close() {
      try {
        lock.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Resolves the in-memory table a statement changes and takes its write lock: views are refused
   * (42809), tables over files and other catalogs' tables are read-only (0A000).
   */
  LockedTable lock(ObjectName name, StatementContext context, String verb) {
    Targets.Target target = targets.resolveExisting(name, context);
    String schema = target.existingSchema();
    String qualified = target.qualified(schema);
    SchemaObject object = target.object(schema).orElseThrow(() -> Targets.tableNotFound(qualified));
    if (object instanceof StoredView) {
      throw new QuiverException(ErrorCode.WRONG_OBJECT_TYPE, "cannot " + verb + " view " + qualified
          + "; change the tables it reads");
    }
    if (object instanceof FileTableEntry) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, verb + " of " + qualified + ", a table over files, is not "
          + "supported; its rows change by INSERT (append) and COPY (replace)");
    }
    MemoryTable table = (MemoryTable) object;
    MemoryConnector memory = target.memory();
    AutoCloseable lock = memory.lockForWrite(table.id());
    MemoryTable current = memory.table(schema, table.tableName()).orElse(null);
    if (current == null || current.id() != table.id()) {
      try {
        lock.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + qualified + " was dropped meanwhile");
    }
    return new LockedTable(memory, schema, table.tableName(), qualified, current, lock);
  }

  long update(UpdateStatement statement, String sql, StatementContext context, String queryId) {
    try (LockedTable locked = lock(statement.name(), context, "UPDATE")) {
      RowSchema columns = locked.table().rowSchema();
      Map<String, String> defaults = locked.table().rules().defaults();
      statement = ColumnDefaults.fill(statement, columns, defaults);
      int[] targetColumns = columnsOf(statement.assignments(), columns, locked.qualified());
      String alias = alias(statement.alias(), statement.name());
      UpdateStatement probe = ColumnDefaults.fill((UpdateStatement) reparse(sql), columns, defaults);
      SqlNodeList values = new SqlNodeList(org.apache.calcite.sql.parser.SqlParserPos.ZERO);
      probe.assignments().forEach(assignment -> values.add(assignment.value()));
      RowSchema types = jobs.plan(QueryNodes.select(values, QueryNodes.table(locked.qualifiedName(), alias),
          probe.condition()), context, "UPDATE").resultSchema();
      DataType[] valueTypes = new DataType[statement.assignments().size()];
      for (int i = 0; i < valueTypes.length; i++) {
        valueTypes[i] = checkAssignable(types.column(i).type(), columns.column(targetColumns[i]),
            locked.qualified(), "SET " + statement.assignments().get(i).column());
      }
      UpdateStatement fresh = ColumnDefaults.fill((UpdateStatement) reparse(sql), columns, defaults);
      SqlNode query = RowChangeQueries.update(locked.qualifiedName(), alias, columns, targetColumns,
          fresh.assignments(), valueTypes, fresh.condition());
      ChangeKindSink[] sink = new ChangeKindSink[1];
      commit(locked, queryId, sql, jobs.plan(withChecks(query, locked), context, "UPDATE"), context,
          writer -> checked(sink[0] = new ChangeKindSink(new InsertChecks(writer, locked.qualified(), columns)),
              locked));
      return sink[0].count(ChangeKindSink.CHANGED);
    }
  }

  long delete(DeleteStatement statement, String sql, StatementContext context, String queryId) {
    try (LockedTable locked = lock(statement.name(), context, "DELETE FROM")) {
      String alias = alias(statement.alias(), statement.name());
      long before = locked.table().rowCount();
      SqlNode condition = null;
      if (statement.condition() != null) {
        DeleteStatement probe = (DeleteStatement) reparse(sql);
        jobs.plan(QueryNodes.select(SqlNodeList.of(QueryNodes.literal(1)),
            QueryNodes.table(locked.qualifiedName(), alias), probe.condition()), context, "DELETE");
        condition = QueryNodes.isNotTrue(((DeleteStatement) reparse(sql)).condition());
      } else {
        condition = QueryNodes.literal(false);
      }
      SqlNode query = QueryNodes.select(SqlNodeList.of(QueryNodes.star(alias)),
          QueryNodes.table(locked.qualifiedName(), alias), condition);
      MemoryTable after = commit(locked, queryId, sql, jobs.plan(query, context, "DELETE"), context, writer -> writer);
      return before - after.rowCount();
    }
  }

  long truncate(TruncateStatement statement, StatementContext context) {
    try (LockedTable locked = lock(statement.name(), context, "TRUNCATE")) {
      MemoryTableWriter writer = locked.memory().newTableWriter(locked.schema(), locked.name(),
          locked.table().rowSchema());
      locked.memory().replaceRows(locked.schema(), locked.name(), locked.table(), writer);
      return 0;
    }
  }

  long merge(MergeStatement statement, String sql, StatementContext context, String queryId) {
    try (LockedTable locked = lock(statement.name(), context, "MERGE INTO")) {
      RowSchema targetColumns = locked.table().rowSchema();
      Map<String, String> defaults = locked.table().rules().defaults();
      MergePlan plan = MergePlan.of(ColumnDefaults.fill(statement, targetColumns, defaults),
          () -> ColumnDefaults.fill((MergeStatement) reparse(sql), targetColumns, defaults), locked,
          alias(statement.alias(), statement.name()), (query, what) -> jobs.plan(query, context, what));
      ChangeKindSink[] sink = new ChangeKindSink[1];
      RowSchema columns = locked.table().rowSchema();
      long[] actingPairs = new long[1];
      commit(locked, queryId, sql, jobs.plan(withChecks(plan.newRows(), locked), context, "MERGE"), context,
          writer -> checked(sink[0] = new ChangeKindSink(new InsertChecks(writer, locked.qualified(), columns)),
              locked),
          () -> {
            actingPairs[0] = count(queryId, sql, jobs.plan(plan.actingPairs(), context, "MERGE"), context);
            long acted = locked.table().rowCount() - sink[0].count(ChangeKindSink.KEPT);
            if (actingPairs[0] > acted) {
              throw new QuiverException(ErrorCode.CARDINALITY_VIOLATION, "MERGE INTO " + locked.qualified()
                  + " would change a row more than once: " + actingPairs[0] + " source rows act on " + acted
                  + " target rows; make the ON condition match each target row at most once");
            }
          });
      return actingPairs[0] + sink[0].count(ChangeKindSink.INSERTED);
    }
  }

  /** The query of a table's next rows with the flags of its CHECK constraints. */
  private static SqlNode withChecks(SqlNode query, LockedTable locked) {
    return CheckQueries.withFlags(query, locked.table().rules().checks(), locked.name());
  }

  /** The sink that refuses rows violating the table's CHECK constraints, in front of {@code target}. */
  private static ResultSink checked(ResultSink target, LockedTable locked) {
    return CheckQueries.sink(target, locked.table().rules().checks(), locked.qualified(),
        InsertExecutor.columnNames(locked.table().rowSchema()));
  }

  /** A filter on what a statement wrote into the table's writer. */
  interface SinkFactory {
    ResultSink wrap(MemoryTableWriter writer);
  }

  private MemoryTable commit(LockedTable locked, String queryId, String sql, PlannedStatement planned,
      StatementContext context, SinkFactory sinks) {
    return commit(locked, queryId, sql, planned, context, sinks, () -> { });
  }

  /**
   * Runs the query of the table's new rows into a writer, runs {@code beforeCommit} (checks that
   * may still refuse the change), and makes the rows the table's data.
   */
  private MemoryTable commit(LockedTable locked, String queryId, String sql, PlannedStatement planned,
      StatementContext context, SinkFactory sinks, Runnable beforeCommit) {
    MemoryTableWriter writer = locked.memory().newTableWriter(locked.schema(), locked.name(),
        locked.table().rowSchema());
    try {
      jobs.run(queryId, sql, planned, sinks.wrap(writer), context);
      beforeCommit.run();
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    return locked.memory().replaceRows(locked.schema(), locked.name(), locked.table(), writer);
  }

  /** Runs a query of one BIGINT (a count) and returns it. */
  private long count(String queryId, String sql, PlannedStatement planned, StatementContext context) {
    long[] total = new long[1];
    jobs.run(queryId, sql, planned, batch -> {
      try (batch) {
        org.apache.arrow.vector.BigIntVector counts = (org.apache.arrow.vector.BigIntVector) batch.getVector(0);
        for (int row = 0; row < batch.getRowCount(); row++) {
          synchronized (total) {
            total[0] += counts.get(row);
          }
        }
      }
    }, context);
    return total[0];
  }

  /** The alias the statement gave its table, else the table's own name as written. */
  static String alias(String alias, ObjectName name) {
    return alias != null ? alias : name.last();
  }

  /** Per assignment, the index of its column in the table; 42703 for a column the table lacks. */
  static int[] columnsOf(List<Assignment> assignments, RowSchema columns, String qualified) {
    int[] indexes = new int[assignments.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = find(columns, assignments.get(i).column());
      if (indexes[i] < 0) {
        throw new QuiverException(ErrorCode.COLUMN_NOT_FOUND, "column " + assignments.get(i).column()
            + " of " + qualified + " does not exist");
      }
    }
    return indexes;
  }

  static int find(RowSchema columns, String name) {
    for (int c = 0; c < columns.size(); c++) {
      if (columns.column(c).name().equals(name)) {
        return c;
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      if (columns.column(c).name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return -1;
  }

  /** The value's type if the column can store it (store assignment, as INSERT), else 42804. */
  static DataType checkAssignable(DataType given, Column column, String qualified, String where) {
    if (!AssignmentRules.canAssign(given, column.type())) {
      throw new QuiverException(ErrorCode.TYPE_MISMATCH, "column " + column.name() + " of " + qualified + " is "
          + column.type() + " but the value of " + where + " is " + given);
    }
    return given;
  }

  /** The statement once more, with nodes no validator has seen. */
  static Statement reparse(String sql) {
    try {
      return QuiverSqlParser.parse(sql);
    } catch (SqlFrontendException e) {
      throw SqlErrors.toQuiverException(e);
    }
  }
}
