package io.quiver.engine.ddl;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.PlannedStatement;
import io.quiver.sql.statement.Assignment;
import io.quiver.sql.statement.MergeClause;
import io.quiver.sql.statement.MergeStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The queries of one MERGE, over target {@code T} (the table as alias A) and source {@code S}:
 * <ul>
 *   <li>the new rows, the UNION ALL of: the target rows no source row acts on, as they are (kind
 *       0); {@code T JOIN S ON on} where the first WHEN MATCHED clause whose condition holds is an
 *       UPDATE, updated (kind 1); the source rows without a matching target row for which a WHEN
 *       NOT MATCHED clause holds, inserted (kind 2). Rows a DELETE clause acts on are left out.
 *   <li>the acting pairs: {@code count(*)} of {@code T JOIN S ON on} where some WHEN MATCHED clause
 *       holds. With no target row acted on twice that is the number of target rows acted on
 *       (the target's rows less the kept ones); more means a target row has several source rows
 *       that act on it: 21000, as in the standard and PostgreSQL.
 * </ul>
 * Target rows need no identity for that: the check compares two counts. The user's expressions
 * are checked first by probe queries that select them (errors point into the statement).
 */
final class MergePlan {

  private final Supplier<MergeStatement> fresh;
  private final List<String> table;
  private final String alias;
  private final RowSchema columns;
  /** Per clause: for UPDATE the types of its SET values, for INSERT of its VALUES; null for DELETE. */
  private final List<DataType[]> valueTypes;
  /** Per clause: UPDATE the target column of each SET, INSERT the VALUES entry of each column (or -1). */
  private final List<int[]> columnMaps;
  /** The table's column defaults, for columns an INSERT clause does not list. */
  private final java.util.Map<String, String> defaults;

  private MergePlan(Supplier<MergeStatement> fresh, List<String> table, String alias, RowSchema columns,
      List<DataType[]> valueTypes, List<int[]> columnMaps, java.util.Map<String, String> defaults) {
    this.defaults = defaults;
    this.fresh = fresh;
    this.table = table;
    this.alias = alias;
    this.columns = columns;
    this.valueTypes = valueTypes;
    this.columnMaps = columnMaps;
  }

  /**
   * Checks the statement against the table (columns, arity, NOT NULL, value types) and returns its
   * queries.
   *
   * @param fresh parses the statement again (each query needs nodes of its own)
   * @param planner plans a query; used for the probes
   */
  static MergePlan of(MergeStatement statement, Supplier<MergeStatement> fresh, RowChangeExecutor.LockedTable target,
      String alias, BiFunction<SqlNode, String, PlannedStatement> planner) {
    RowSchema columns = target.table().rowSchema();
    String qualified = target.qualified();
    List<int[]> columnMaps = new ArrayList<>();
    for (MergeClause clause : statement.clauses()) {
      if (clause instanceof MergeClause.Update update) {
        columnMaps.add(RowChangeExecutor.columnsOf(update.assignments(), columns, qualified));
      } else if (clause instanceof MergeClause.Insert insert) {
        int[] sourceOf = InsertExecutor.sourceColumns(insert.columns(), columns, qualified);
        int listed = insert.columns().isEmpty() ? columns.size() : insert.columns().size();
        if (insert.values().size() != listed) {
          throw new QuiverException(ErrorCode.SYNTAX_ERROR, "MERGE INTO " + qualified + " inserts " + listed
              + " column" + (listed == 1 ? "" : "s") + " but gives " + insert.values().size() + " value"
              + (insert.values().size() == 1 ? "" : "s"));
        }
        for (int c = 0; c < columns.size(); c++) {
          if (sourceOf[c] < 0 && !columns.column(c).nullable()
              && !target.table().rules().defaults().containsKey(columns.column(c).name())) {
            throw new QuiverException(ErrorCode.NOT_NULL_VIOLATION, "column " + columns.column(c).name() + " of "
                + qualified + " is NOT NULL and MERGE's INSERT gives it no value");
          }
        }
        columnMaps.add(sourceOf);
      } else {
        columnMaps.add(null);
      }
    }
    List<DataType[]> valueTypes = probe(fresh, target.qualifiedName(), alias, planner);
    for (int i = 0; i < statement.clauses().size(); i++) {
      MergeClause clause = statement.clauses().get(i);
      DataType[] types = valueTypes.get(i);
      if (clause instanceof MergeClause.Update update) {
        for (int a = 0; a < types.length; a++) {
          RowChangeExecutor.checkAssignable(types[a], columns.column(columnMaps.get(i)[a]), qualified,
              "SET " + update.assignments().get(a).column());
        }
      } else if (clause instanceof MergeClause.Insert) {
        int[] sourceOf = columnMaps.get(i);
        for (int c = 0; c < columns.size(); c++) {
          if (sourceOf[c] >= 0) {
            RowChangeExecutor.checkAssignable(types[sourceOf[c]], columns.column(c), qualified,
                "INSERT value " + (sourceOf[c] + 1));
          }
        }
      }
    }
    return new MergePlan(fresh, target.qualifiedName(), alias, columns, valueTypes, columnMaps,
        target.table().rules().defaults());
  }

  /**
   * Plans {@code SELECT <SET values> FROM T JOIN S ON on WHERE <matched conditions>} and
   * {@code SELECT <VALUES> FROM S WHERE <not matched conditions>}: checks every expression where
   * it will be evaluated (an INSERT sees the source only) and returns the values' types.
   */
  private static List<DataType[]> probe(Supplier<MergeStatement> fresh, List<String> table, String alias,
      BiFunction<SqlNode, String, PlannedStatement> planner) {
    MergeStatement matched = fresh.get();
    SqlNodeList setValues = new SqlNodeList(SqlParserPos.ZERO);
    SqlNode matchedConditions = null;
    MergeStatement inserts = fresh.get();
    SqlNodeList insertValues = new SqlNodeList(SqlParserPos.ZERO);
    SqlNode insertConditions = null;
    boolean anyInsert = false;
    for (int i = 0; i < matched.clauses().size(); i++) {
      MergeClause clause = matched.clauses().get(i);
      if (clause instanceof MergeClause.Insert) {
        MergeClause.Insert insert = (MergeClause.Insert) inserts.clauses().get(i);
        insert.values().forEach(insertValues::add);
        insertConditions = andAlso(insertConditions, insert.condition());
        anyInsert = true;
      } else {
        if (clause instanceof MergeClause.Update update) {
          update.assignments().forEach(assignment -> setValues.add(assignment.value()));
        }
        matchedConditions = andAlso(matchedConditions, clause.condition());
      }
    }
    int setCount = setValues.size();
    if (setValues.isEmpty()) {
      setValues.add(QueryNodes.literal(1));
    }
    RowSchema setTypes = planner.apply(QueryNodes.select(setValues,
        QueryNodes.join(QueryNodes.table(table, alias), matched.source(), matched.on()), matchedConditions),
        "MERGE").resultSchema();
    RowSchema insertTypes = anyInsert ? planner.apply(QueryNodes.select(insertValues, inserts.source(),
        insertConditions), "MERGE").resultSchema() : null;
    List<DataType[]> types = new ArrayList<>();
    int setAt = 0;
    int insertAt = 0;
    for (MergeClause clause : matched.clauses()) {
      if (clause instanceof MergeClause.Update update) {
        DataType[] each = new DataType[update.assignments().size()];
        for (int a = 0; a < each.length; a++) {
          each[a] = setTypes.column(setAt++).type();
        }
        types.add(each);
      } else if (clause instanceof MergeClause.Insert insert) {
        DataType[] each = new DataType[insert.values().size()];
        for (int v = 0; v < each.length; v++) {
          each[v] = insertTypes.column(insertAt++).type();
        }
        types.add(each);
      } else {
        types.add(new DataType[0]);
      }
    }
    if (setAt != setCount) {
      throw new IllegalStateException("MERGE probe typed " + setAt + " of " + setCount + " SET values");
    }
    return types;
  }

  private static SqlNode andAlso(SqlNode all, SqlNode condition) {
    if (condition == null) {
      return all;
    }
    return all == null ? condition : QueryNodes.and(all, condition);
  }

  /** The union of the kept, updated and inserted rows, each with its kind as last column. */
  SqlNode newRows() {
    SqlNode rows = kept();
    if (hasClause(MergeClause.Update.class)) {
      rows = QueryNodes.unionAll(rows, updated());
    }
    if (hasClause(MergeClause.Insert.class)) {
      rows = QueryNodes.unionAll(rows, inserted());
    }
    return rows;
  }

  /** {@code SELECT count(*) FROM T JOIN S ON on WHERE <some WHEN MATCHED clause holds>}. */
  SqlNode actingPairs() {
    MergeStatement statement = fresh.get();
    SqlNode count = org.apache.calcite.sql.fun.SqlStdOperatorTable.COUNT.createCall(SqlParserPos.ZERO,
        org.apache.calcite.sql.SqlIdentifier.star(SqlParserPos.ZERO));
    SqlNode acting = matchedActs();
    SqlNode where = acting;
    if (where == null) {
      where = QueryNodes.literal(false);
    }
    return QueryNodes.select(SqlNodeList.of(count),
        QueryNodes.join(QueryNodes.table(table, alias), statement.source(), statement.on()), where);
  }

  private boolean hasClause(Class<? extends MergeClause> kind) {
    return fresh.get().clauses().stream().anyMatch(kind::isInstance);
  }

  /**
   * Whether some WHEN MATCHED clause holds for a pair (their conditions ORed, from a fresh parse);
   * null when there is no WHEN MATCHED clause; TRUE when one has no condition.
   */
  private SqlNode matchedActs() {
    SqlNode any = null;
    for (MergeClause clause : fresh.get().clauses()) {
      if (clause instanceof MergeClause.Insert) {
        continue;
      }
      if (clause.condition() == null) {
        return QueryNodes.literal(true);
      }
      any = any == null ? clause.condition() : QueryNodes.or(any, clause.condition());
    }
    return any;
  }

  /** {@code SELECT A.* , 0 FROM T AS A WHERE NOT EXISTS (SELECT 1 FROM S WHERE on AND <acts>)}. */
  private SqlNode kept() {
    SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
    for (Column column : columns.columns()) {
      items.add(QueryNodes.as(QueryNodes.column(alias, column.name()), column.name()));
    }
    items.add(QueryNodes.as(QueryNodes.literal(ChangeKindSink.KEPT), RowChangeQueries.KIND));
    SqlNode acts = matchedActs();
    SqlNode where = null;
    if (acts != null) {
      MergeStatement statement = fresh.get();
      where = QueryNodes.not(QueryNodes.exists(statement.source(), QueryNodes.and(statement.on(), acts)));
    }
    return QueryNodes.select(items, QueryNodes.table(table, alias), where);
  }

  /**
   * {@code SELECT CASE WHEN c1 THEN v1 WHEN c2 THEN v2 ... ELSE A.col END, ..., 1 FROM T AS A JOIN S
   * ON on WHERE CASE WHEN c1 THEN k1 ... ELSE 0 END = 1}: the pairs whose first holding clause is an
   * UPDATE (k 1; DELETE is k 2), with that clause's values.
   */
  private SqlNode updated() {
    MergeStatement statement = fresh.get();
    SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.column(c);
      List<SqlNode> whens = new ArrayList<>();
      List<SqlNode> thens = new ArrayList<>();
      boolean set = false;
      List<MergeClause> clauses = fresh.get().clauses();
      for (int i = 0; i < clauses.size(); i++) {
        MergeClause clause = clauses.get(i);
        if (clause instanceof MergeClause.Insert) {
          continue;
        }
        SqlNode value = QueryNodes.column(alias, column.name());
        if (clause instanceof MergeClause.Update update) {
          int[] targets = columnMaps.get(i);
          for (int a = 0; a < targets.length; a++) {
            if (targets[a] == c) {
              Assignment assignment = update.assignments().get(a);
              value = RowChangeQueries.assigned(assignment.value(), valueTypes.get(i)[a], column);
              set = true;
            }
          }
        }
        whens.add(condition(clause));
        thens.add(value);
      }
      SqlNode value = set ? QueryNodes.caseWhen(whens, thens, QueryNodes.column(alias, column.name()))
          : QueryNodes.column(alias, column.name());
      items.add(QueryNodes.as(value, column.name()));
    }
    items.add(QueryNodes.as(QueryNodes.literal(ChangeKindSink.CHANGED), RowChangeQueries.KIND));
    List<SqlNode> whens = new ArrayList<>();
    List<SqlNode> kinds = new ArrayList<>();
    for (MergeClause clause : fresh.get().clauses()) {
      if (!(clause instanceof MergeClause.Insert)) {
        whens.add(condition(clause));
        kinds.add(QueryNodes.literal(clause instanceof MergeClause.Update ? 1 : 2));
      }
    }
    SqlNode where = QueryNodes.equal(QueryNodes.caseWhen(whens, kinds, QueryNodes.literal(0)), QueryNodes.literal(1));
    return QueryNodes.select(items, QueryNodes.join(QueryNodes.table(table, alias), statement.source(),
        statement.on()), where);
  }

  /**
   * {@code SELECT CASE WHEN d1 THEN v1 ... END, ..., 2 FROM S WHERE NOT EXISTS (SELECT 1 FROM T AS A
   * WHERE on) AND (d1 OR d2 ...)}: the source rows without a match, by their first holding clause.
   */
  private SqlNode inserted() {
    MergeStatement statement = fresh.get();
    SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.column(c);
      List<SqlNode> whens = new ArrayList<>();
      List<SqlNode> thens = new ArrayList<>();
      List<MergeClause> clauses = fresh.get().clauses();
      for (int i = 0; i < clauses.size(); i++) {
        if (!(clauses.get(i) instanceof MergeClause.Insert insert)) {
          continue;
        }
        int valueIndex = columnMaps.get(i)[c];
        SqlNode value = valueIndex < 0 ? ColumnDefaults.value(column, defaults)
            : RowChangeQueries.assigned(insert.values().get(valueIndex), valueTypes.get(i)[valueIndex], column);
        whens.add(condition(insert));
        thens.add(value);
      }
      SqlNode value = whens.size() == 1 && isTrueLiteral(whens.get(0)) ? thens.get(0)
          : QueryNodes.caseWhen(whens, thens, QueryNodes.cast(null, column.type()));
      items.add(QueryNodes.as(value, column.name()));
    }
    items.add(QueryNodes.as(QueryNodes.literal(ChangeKindSink.INSERTED), RowChangeQueries.KIND));
    MergeStatement inner = fresh.get();
    SqlNode where = QueryNodes.not(QueryNodes.exists(QueryNodes.table(table, alias), inner.on()));
    SqlNode any = null;
    for (MergeClause clause : fresh.get().clauses()) {
      if (clause instanceof MergeClause.Insert) {
        if (clause.condition() == null) {
          any = null;
          break;
        }
        any = any == null ? clause.condition() : QueryNodes.or(any, clause.condition());
      }
    }
    if (any != null) {
      where = QueryNodes.and(where, any);
    }
    return QueryNodes.select(items, statement.source(), where);
  }

  private static SqlNode condition(MergeClause clause) {
    return clause.condition() == null ? QueryNodes.literal(true) : clause.condition();
  }

  private static boolean isTrueLiteral(SqlNode node) {
    return node instanceof org.apache.calcite.sql.SqlLiteral literal && Boolean.TRUE.equals(literal.getValue());
  }
}
