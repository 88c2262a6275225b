package io.quiver.engine.ddl;

import io.quiver.engine.connector.memory.CheckRule;
import io.quiver.engine.connector.memory.ForeignKeyRule;
import io.quiver.engine.connector.memory.MemoryTable;
import io.quiver.engine.connector.memory.SchemaObject;
import io.quiver.engine.connector.memory.TableRules;
import io.quiver.engine.connector.memory.UniqueKey;
import io.quiver.engine.driver.StatementContext;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import io.quiver.planner.error.SqlErrors;
import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.parser.QuiverSqlParser;
import io.quiver.sql.statement.CheckConstraint;
import io.quiver.sql.statement.ColumnDefault;
import io.quiver.sql.statement.ForeignKeyConstraint;
import io.quiver.sql.statement.TableClauses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The CHECK, FOREIGN KEY and DEFAULT clauses of CREATE TABLE as a memory table keeps them, checked
 * when the table is created:
 * <ul>
 *   <li>a CHECK condition is planned over a row of the table's columns: it must be BOOLEAN (42804)
 *       and may use no aggregate or window function (42803); named {@code t_c_check} on a column,
 *       {@code t_check} (then {@code t_check1}, ...) on the table, as PostgreSQL names them;</li>
 *   <li>a DEFAULT is planned alone (no column references) and must be assignable to its column
 *       (42804);</li>
 *   <li>a FOREIGN KEY references a memory table (itself included) and, by its columns or by
 *       omission, that table's PRIMARY KEY or a UNIQUE key (42830); named {@code t_c_fkey}.</li>
 * </ul>
 * The probes place the clause's text where it stood in the statement, so their errors point into it.
 */
final class DeclaredRules {

  private final StatementJobs jobs;
  private final Targets targets;

  DeclaredRules(StatementJobs jobs, Targets targets) {
    this.jobs = jobs;
    this.targets = targets;
  }

  TableRules of(TableClauses clauses, List<UniqueKey> keys, List<Column> columns, Targets.Target target,
      String schema, StatementContext context) {
    String table = target.name();
    String qualified = target.qualified(schema);
    Set<String> names = new HashSet<>();
    keys.forEach(key -> names.add(key.name().toLowerCase(Locale.ROOT)));
    Map<String, String> defaults = new LinkedHashMap<>();
    for (ColumnDefault declared : clauses.defaults()) {
      Column column = columns.get(KeyConstraints.column(columns, declared.column(), qualified));
      checkDefault(declared, column, qualified, context);
      defaults.put(column.name(), declared.expression());
    }
    List<CheckRule> checks = new ArrayList<>();
    for (CheckConstraint declared : clauses.checks()) {
      String name = declared.name();
      if (name == null) {
        String base = table + (declared.column() == null ? "" : "_" + declared.column()) + "_check";
        name = base;
        for (int i = 1; names.contains(name.toLowerCase(Locale.ROOT)); i++) {
          name = base + i;
        }
      }
      unique(names, name, qualified);
      checkCondition(declared, name, columns, table, qualified, context);
      checks.add(new CheckRule(name, declared.condition()));
    }
    List<ForeignKeyRule> foreignKeys = new ArrayList<>();
    for (ForeignKeyConstraint declared : clauses.foreignKeys()) {
      ForeignKeyRule rule = foreignKey(declared, keys, columns, target, schema, qualified, context);
      unique(names, rule.name(), qualified);
      foreignKeys.add(rule);
    }
    return new TableRules(keys, checks, foreignKeys, defaults);
  }

  private static void unique(Set<String> names, String name, String qualified) {
    if (!names.add(name.toLowerCase(Locale.ROOT))) {
      throw new QuiverException(ErrorCode.DUPLICATE_OBJECT, "constraint " + name + " of " + qualified
          + " is declared twice");
    }
  }

  private void checkDefault(ColumnDefault declared, Column column, String qualified, StatementContext context) {
    SqlNode expression = parseAt(declared.expression(), declared.pos());
    DataType type = jobs.plan(QueryNodes.select(SqlNodeList.of(expression), null, null), context, "DEFAULT")
        .resultSchema().column(0).type();
    if (type.kind() != TypeKind.NULL && !AssignmentRules.canAssign(type, column.type())) {
      throw new QuiverException(ErrorCode.TYPE_MISMATCH, "column " + column.name() + " of " + qualified + " is "
          + column.type() + " but its DEFAULT " + declared.expression() + " is " + type, null,
          declared.pos().getLineNum(), declared.pos().getColumnNum());
    }
  }

  private void checkCondition(CheckConstraint declared, String name, List<Column> columns, String table,
      String qualified, StatementContext context) {
    SqlNode row = nullRow(columns, table);
    DataType type = jobs.plan(QueryNodes.select(SqlNodeList.of(parseAt(declared.condition(), declared.pos())), row,
        null), context, "CHECK").resultSchema().column(0).type();
    if (type.kind() != TypeKind.BOOLEAN) {
      throw new QuiverException(ErrorCode.TYPE_MISMATCH, "the condition of CHECK constraint " + name + " of "
          + qualified + " must be BOOLEAN, not " + type, null, declared.pos().getLineNum(),
          declared.pos().getColumnNum());
    }
    try {
      // Aggregates and window functions are refused in WHERE: the same condition there tells them apart.
      jobs.plan(QueryNodes.select(SqlNodeList.of(QueryNodes.literal(1)), nullRow(columns, table),
          parseAt(declared.condition(), declared.pos())), context, "CHECK");
    } catch (QuiverException e) {
      throw new QuiverException(ErrorCode.GROUPING_ERROR, "CHECK constraint " + name + " of " + qualified
          + " cannot use aggregate or window functions", null, declared.pos().getLineNum(),
          declared.pos().getColumnNum());
    }
  }

  /** {@code (SELECT CAST(NULL AS type) AS column, ...) AS table}: a row of the table's columns. */
  static SqlNode nullRow(List<Column> columns, String table) {
    SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
    for (Column column : columns) {
      items.add(QueryNodes.as(QueryNodes.cast(null, column.type()), column.name()));
    }
    return QueryNodes.derivedTable(QueryNodes.select(items, null, null), table, List.of());
  }

  private ForeignKeyRule foreignKey(ForeignKeyConstraint declared, List<UniqueKey> ownKeys, List<Column> columns,
      Targets.Target target, String schema, String qualified, StatementContext context) {
    List<String> referencing = new ArrayList<>();
    for (String column : declared.columns()) {
      referencing.add(columns.get(KeyConstraints.column(columns, column, qualified)).name());
    }
    String name = declared.name() != null ? declared.name()
        : target.name() + "_" + String.join("_", referencing) + "_fkey";
    boolean self = declared.referenced().parts().size() == 1 && declared.referenced().last().equals(target.name());
    Targets.Target referencedTarget = self ? target : referencedTarget(declared, name, qualified, context);
    String referencedSchema = self ? schema : referencedTarget.schema().orElseThrow(
        () -> Targets.schemaNotFound(referencedTarget.schemaAsWritten()));
    self |= referencedTarget.memory() == target.memory() && referencedSchema.equals(schema)
        && referencedTarget.name().equals(target.name());
    List<Column> referencedColumns;
    List<UniqueKey> referencedKeys;
    String referencedName;
    if (self) {
      referencedColumns = columns;
      referencedKeys = ownKeys;
      referencedName = target.name();
    } else {
      String shown = referencedTarget.qualified(referencedSchema);
      SchemaObject object = referencedTarget.object(referencedSchema).orElseThrow(() -> Targets.tableNotFound(shown));
      if (!(object instanceof MemoryTable table)) {
        throw new QuiverException(ErrorCode.WRONG_OBJECT_TYPE, "FOREIGN KEY " + name + " of " + qualified
            + " references " + shown + ", which is not a table of catalog memory");
      }
      referencedColumns = table.rowSchema().columns();
      referencedKeys = table.rules().uniqueKeys();
      referencedName = table.tableName();
    }
    String shown = "memory." + referencedSchema + "." + referencedName;
    List<String> wanted = new ArrayList<>();
    if (declared.referencedColumns().isEmpty()) {
      UniqueKey primary = referencedKeys.stream().filter(UniqueKey::primary).findFirst().orElseThrow(
          () -> new QuiverException(ErrorCode.INVALID_FOREIGN_KEY, "there is no primary key for referenced table "
              + shown + " (FOREIGN KEY " + name + " of " + qualified + ")"));
      wanted.addAll(primary.columnNames());
    } else {
      for (String column : declared.referencedColumns()) {
        wanted.add(referencedColumns.get(KeyConstraints.column(referencedColumns, column, shown)).name());
      }
    }
    if (wanted.size() != referencing.size()) {
      throw new QuiverException(ErrorCode.INVALID_FOREIGN_KEY, "FOREIGN KEY " + name + " of " + qualified + " has "
          + referencing.size() + " columns but references " + wanted.size());
    }
    UniqueKey matched = null;
    for (UniqueKey key : referencedKeys) {
      if (new HashSet<>(key.columnNames()).equals(new HashSet<>(wanted)) && key.columnNames().size() == wanted.size()) {
        matched = key;
        break;
      }
    }
    if (matched == null) {
      throw new QuiverException(ErrorCode.INVALID_FOREIGN_KEY, "there is no unique constraint matching given keys "
          + "for referenced table " + shown + ": (" + String.join(", ", wanted) + ") is no PRIMARY KEY or UNIQUE key "
          + "there (FOREIGN KEY " + name + " of " + qualified + ")");
    }
    for (int i = 0; i < wanted.size(); i++) {
      DataType from = columns.get(KeyConstraints.column(columns, referencing.get(i), qualified)).type();
      DataType to = referencedColumns.get(KeyConstraints.column(referencedColumns, wanted.get(i), shown)).type();
      if (!AssignmentRules.canAssign(from, to) || from.isText() != to.isText()) {
        throw new QuiverException(ErrorCode.TYPE_MISMATCH, "FOREIGN KEY " + name + " of " + qualified + ": column "
            + referencing.get(i) + " is " + from + " but " + shown + "." + wanted.get(i) + " is " + to);
      }
    }
    List<Integer> positions = new ArrayList<>();
    for (String column : wanted) {
      positions.add(matched.columnNames().indexOf(column) + 1);
    }
    return new ForeignKeyRule(name, referencing, List.of("memory", referencedSchema, referencedName), wanted,
        matched.name(), positions, declared.onUpdate(), declared.onDelete());
  }

  /** Where a FOREIGN KEY's referenced name points; a table of another catalog is refused (42809). */
  private Targets.Target referencedTarget(ForeignKeyConstraint declared, String name, String qualified,
      StatementContext context) {
    try {
      return targets.resolveExisting(declared.referenced(), context);
    } catch (QuiverException e) {
      if (e.errorCode() != ErrorCode.NOT_SUPPORTED) {
        throw e;
      }
      throw new QuiverException(ErrorCode.WRONG_OBJECT_TYPE, "FOREIGN KEY " + name + " of " + qualified
          + " references " + declared.referenced() + ", which is not a table of catalog memory");
    }
  }

  /**
   * Parses a clause's text as an expression, placed at its position in the statement (blank lines
   * and columns before it), so that errors of its planning point where it was written.
   */
  static SqlNode parseAt(String text, SqlParserPos pos) {
    StringBuilder padded = new StringBuilder();
    padded.append("\n".repeat(Math.max(0, pos.getLineNum() - 1)));
    padded.append(" ".repeat(Math.max(0, pos.getColumnNum() - 1)));
    return parse(padded + text);
  }

  /** Parses a stored clause's text as an expression. */
  static SqlNode parse(String text) {
    try {
      return QuiverSqlParser.parseExpression(text);
    } catch (SqlFrontendException e) {
      throw SqlErrors.toQuiverException(e);
    }
  }
}
