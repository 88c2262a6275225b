package io.quiver.engine.ddl;

import io.quiver.engine.connector.file.FileTables;
import io.quiver.engine.connector.file.WriteMode;
import io.quiver.engine.connector.memory.FileTableEntry;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.memory.MemoryTable;
import io.quiver.engine.connector.memory.MemoryTableWriter;
import io.quiver.engine.connector.memory.SchemaObject;
import io.quiver.engine.connector.memory.StoredView;
import io.quiver.engine.connector.memory.TableRules;
import io.quiver.engine.driver.StatementContext;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.PlannedStatement;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.planner.error.SqlErrors;
import io.quiver.sql.analyze.SqlAnalyzer;
import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.parser.QuiverSqlParser;
import io.quiver.sql.statement.InsertStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Runs {@code INSERT INTO table [(columns)] query}: into an in-memory table all rows or none (the
 * rows are written aside and appended in one step when the query has succeeded; readers see the
 * table before or after, never between), into a table over files through the file connector
 * (append mode). Returns the number of rows inserted.
 *
 * <p>How the values become the columns' types: the query is planned once as written, so that its
 * own errors point into the text the user wrote. Its result types are then checked against the
 * target columns by {@link AssignmentRules} (arity: 42601; types: 42804; each naming the column),
 * and, unless the values already are the columns in order and of their types, the query is planned
 * a second time wrapped in a SELECT that casts each value to its column's type and fills unlisted
 * columns with typed NULLs (the statement is parsed again for that: the validator rewrites the
 * nodes it validates). This rather than Calcite's INSERT validation
 * (TableModify): Calcite's assignment rules and messages differ from Quiver's (it would cast text
 * to numbers, truncate text to the column's length and name no column in its errors), and the
 * planner would need a TableModify convention for one statement. NOT NULL and text lengths are
 * checked on the rows as they are stored ({@link InsertChecks}).
 */
final class InsertExecutor {

  /** The name the wrapper gives the inserted query; its columns are v1, v2, ... */
  private static final String SOURCE_ALIAS = "quiver_insert_source";

  private final StatementJobs jobs;
  private final Targets targets;
  private final FileTables fileTables;
  private final RowChangeExecutor rowChanges;

  InsertExecutor(StatementJobs jobs, Targets targets, FileTables fileTables, RowChangeExecutor rowChanges) {
    this.rowChanges = rowChanges;
    this.jobs = jobs;
    this.targets = targets;
    this.fileTables = fileTables;
  }

  long insert(InsertStatement statement, String sql, StatementContext context, String queryId) {
    Targets.Target target = targets.resolveExisting(statement.name(), context);
    String schema = target.existingSchema();
    String qualified = target.qualified(schema);
    SchemaObject object = target.object(schema).orElseThrow(() -> Targets.tableNotFound(qualified));
    if (object instanceof StoredView) {
      throw new QuiverException(ErrorCode.WRONG_OBJECT_TYPE, "cannot insert into view " + qualified
          + "; insert into the tables it reads");
    }
    if (object instanceof MemoryTable) {
      // One statement at a time changes a table's rows (UPDATE, DELETE and MERGE replace them).
      try (RowChangeExecutor.LockedTable locked = rowChanges.lock(statement.name(), context, "INSERT INTO")) {
        return insert(statement, sql, context, queryId, target, schema, qualified, locked.table());
      }
    }
    return insert(statement, sql, context, queryId, target, schema, qualified, object);
  }

  private long insert(InsertStatement statement, String sql, StatementContext context, String queryId,
      Targets.Target target, String schema, String qualified, SchemaObject object) {
    RowSchema columns = columnsOf(object);
    int[] sourceOf = sourceColumns(statement.columns(), columns, qualified);
    int listed = statement.columns().isEmpty() ? columns.size() : statement.columns().size();
    TableRules rules = object instanceof MemoryTable memoryTable ? memoryTable.rules() : TableRules.NONE;

    PlannedStatement source = jobs.plan(query(statement, columns, sourceOf, rules), context, "INSERT");
    RowSchema values = source.resultSchema();
    if (values.size() != listed) {
      throw new QuiverException(ErrorCode.SYNTAX_ERROR, "INSERT INTO " + qualified + " has " + listed
          + " target column" + (listed == 1 ? "" : "s") + " but the query gives " + values.size()
          + " value" + (values.size() == 1 ? "" : "s") + " per row");
    }
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.column(c);
      if (sourceOf[c] < 0) {
        if (!column.nullable() && !rules.defaults().containsKey(column.name())) {
          throw new QuiverException(ErrorCode.NOT_NULL_VIOLATION, "column " + column.name() + " of " + qualified
              + " is NOT NULL and the INSERT gives it no value");
        }
        continue;
      }
      DataType given = values.column(sourceOf[c]).type();
      if (!AssignmentRules.canAssign(given, column.type())) {
        throw new QuiverException(ErrorCode.TYPE_MISMATCH, "column " + column.name() + " of " + qualified + " is "
            + column.type() + " but value " + (sourceOf[c] + 1) + " of the query is " + given);
      }
    }
    PlannedStatement converted = source;
    // File writers name their columns after the query's: those must be the table's.
    // CHECK conditions name the table's columns: the values get those names first.
    if (object instanceof FileTableEntry || needsConversion(columns, sourceOf, values) || !rules.checks().isEmpty()) {
      String table = object instanceof MemoryTable memoryTable ? memoryTable.tableName() : SOURCE_ALIAS;
      converted = jobs.plan(CheckQueries.withFlags(wrap(query(reparse(sql), columns, sourceOf, rules), columns,
          sourceOf, values, rules), rules.checks(), table), context, "INSERT");
    }
    checkConverted(converted.resultSchema(), columns, rules.checks().size(), qualified);

    if (object instanceof FileTableEntry files) {
      return fileTables.write(files.source(), converted, WriteMode.APPEND,
          (query, sink) -> jobs.run(queryId, sql, query, new InsertChecks(sink, qualified, columns), context));
    }
    MemoryTable table = (MemoryTable) object;
    MemoryConnector memory = target.memory();
    MemoryTableWriter writer = memory.newTableWriter(schema, table.tableName(), table.rowSchema());
    try {
      jobs.run(queryId, sql, converted, CheckQueries.sink(new InsertChecks(writer, qualified, columns),
          rules.checks(), qualified, columnNames(columns)), context);
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    long rows = writer.rows();
    memory.appendRows(schema, table.tableName(), table.id(), writer);
    return rows;
  }

  /** The statement's query with its DEFAULTs filled in (for DEFAULT VALUES, a row of them). */
  private static SqlNode query(InsertStatement statement, RowSchema columns, int[] sourceOf, TableRules rules) {
    SqlNode query = statement.query() != null ? statement.query() : ColumnDefaults.defaultRow(columns.size());
    return ColumnDefaults.fill(query, columns, sourceOf, rules.defaults());
  }

  static List<String> columnNames(RowSchema columns) {
    List<String> names = new ArrayList<>();
    columns.columns().forEach(column -> names.add(column.name()));
    return names;
  }

  static RowSchema columnsOf(SchemaObject object) {
    if (object instanceof MemoryTable table) {
      return table.rowSchema();
    }
    return TypeMapping.toRowSchema(object.table().getRowType(SqlAnalyzer.newTypeFactory()));
  }

  /** Per table column: which value of the query fills it, or -1 for none (NULL). */
  static int[] sourceColumns(List<String> listed, RowSchema columns, String qualified) {
    int[] sourceOf = new int[columns.size()];
    if (listed.isEmpty()) {
      for (int c = 0; c < sourceOf.length; c++) {
        sourceOf[c] = c;
      }
      return sourceOf;
    }
    Arrays.fill(sourceOf, -1);
    for (int i = 0; i < listed.size(); i++) {
      int column = find(columns, listed.get(i));
      if (column < 0) {
        throw new QuiverException(ErrorCode.COLUMN_NOT_FOUND, "column " + listed.get(i) + " does not exist in "
            + qualified);
      }
      if (sourceOf[column] >= 0) {
        throw new QuiverException(ErrorCode.SYNTAX_ERROR, "column " + columns.column(column).name()
            + " of " + qualified + " is listed twice");
      }
      sourceOf[column] = i;
    }
    return sourceOf;
  }

  private static int find(RowSchema columns, String name) {
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

  /** False if the query's values are the columns, in order, of the columns' types (no second planning). */
  private static boolean needsConversion(RowSchema columns, int[] sourceOf, RowSchema values) {
    for (int c = 0; c < columns.size(); c++) {
      if (sourceOf[c] != c || AssignmentRules.needsCast(values.column(c).type(), columns.column(c).type())) {
        return true;
      }
    }
    return false;
  }

  /** The INSERT once more, with query nodes no validator has seen. */
  private static InsertStatement reparse(String sql) {
    try {
      return (InsertStatement) QuiverSqlParser.parse(sql);
    } catch (SqlFrontendException e) {
      throw SqlErrors.toQuiverException(e);
    }
  }

  /**
   * {@code SELECT CAST(v1 AS type) AS "a", ..., CAST(NULL AS type) AS "b" FROM (query) AS
   * source(v1, ...)}; the query keeps its positions.
   */
  private static SqlNode wrap(SqlNode query, RowSchema columns, int[] sourceOf, RowSchema values,
      TableRules rules) {
    List<String> valueNames = new ArrayList<>(values.size());
    for (int v = 0; v < values.size(); v++) {
      valueNames.add("v" + (v + 1));
    }
    SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.column(c);
      SqlNode value;
      if (sourceOf[c] < 0) {
        value = ColumnDefaults.value(column, rules.defaults());
      } else {
        value = QueryNodes.column(valueNames.get(sourceOf[c]));
        if (AssignmentRules.needsCast(values.column(sourceOf[c]).type(), column.type())) {
          value = QueryNodes.cast(value, column.type());
        }
      }
      items.add(QueryNodes.as(value, column.name()));
    }
    return QueryNodes.select(items, QueryNodes.derivedTable(query, SOURCE_ALIAS, valueNames), null);
  }

  /** The wrapped query's columns must be the table's (text kinds may differ: stored alike). */
  private static void checkConverted(RowSchema converted, RowSchema columns, int flags, String qualified) {
    List<String> problems = new ArrayList<>();
    if (converted.size() != columns.size() + flags) {
      problems.add(converted.size() + " columns");
    } else {
      for (int c = 0; c < columns.size(); c++) {
        DataType made = converted.column(c).type();
        DataType wanted = columns.column(c).type();
        boolean same = made.equals(wanted) || (made.isText() && wanted.isText())
            || (made.kind() == wanted.kind() && made.kind() != io.quiver.exec.type.TypeKind.DECIMAL);
        if (!same) {
          problems.add(columns.column(c).name() + " " + made + " instead of " + wanted);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the values converted for " + qualified + " have "
          + String.join(", ", problems));
    }
  }
}
