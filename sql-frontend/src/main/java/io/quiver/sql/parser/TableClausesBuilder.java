package io.quiver.sql.parser;

import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.error.SqlFrontendException.Kind;
import io.quiver.sql.statement.CheckConstraint;
import io.quiver.sql.statement.ColumnDefault;
import io.quiver.sql.statement.ForeignKeyConstraint;
import io.quiver.sql.statement.ObjectName;
import io.quiver.sql.statement.TableClauses;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Collects the CHECK, FOREIGN KEY and DEFAULT clauses of one CREATE TABLE while the grammar reads
 * it (src/main/codegen/includes/parserImpls.ftl), with the checks that need only the parsed parts:
 * a column's DEFAULT once, no subquery in a CHECK or DEFAULT (0A000, as in PostgreSQL).
 */
public final class TableClausesBuilder {

  private final List<CheckConstraint> checks = new ArrayList<>();
  private final List<ForeignKeyConstraint> foreignKeys = new ArrayList<>();
  private final List<ColumnDefault> defaults = new ArrayList<>();

  /** Where constraints may not be declared (a column list of read_csv): {@code builder} is null. */
  public static TableClausesBuilder require(TableClausesBuilder builder, SqlParserPos pos) {
    if (builder == null) {
      throw GrammarSupport.syntaxError(pos, "a column list here declares no constraints or defaults");
    }
    return builder;
  }

  public void addCheck(SqlIdentifier constraint, SqlIdentifier column, SqlNode condition, String text,
      SqlParserPos pos) {
    noSubquery(condition, "a CHECK constraint");
    checks.add(new CheckConstraint(constraint == null ? null : constraint.getSimple(),
        column == null ? null : column.getSimple(), text, pos));
  }

  public void addForeignKey(SqlIdentifier constraint, List<String> columns, SqlIdentifier referenced,
      List<String> referencedColumns, String onUpdate, String onDelete, SqlParserPos pos) {
    foreignKeys.add(new ForeignKeyConstraint(constraint == null ? null : constraint.getSimple(), columns,
        ObjectName.of(referenced), referencedColumns, onUpdate, onDelete, pos));
  }

  public void addDefault(SqlIdentifier column, SqlNode expression, String text, SqlParserPos pos) {
    for (ColumnDefault earlier : defaults) {
      if (earlier.column().equals(column.getSimple())) {
        throw GrammarSupport.syntaxError(pos, "column " + column.getSimple() + " has two DEFAULT clauses");
      }
    }
    noSubquery(expression, "a DEFAULT expression");
    defaults.add(new ColumnDefault(column.getSimple(), text, pos));
  }

  public TableClauses build() {
    return new TableClauses(checks, foreignKeys, defaults);
  }

  private static void noSubquery(SqlNode node, String where) {
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getKind() == SqlKind.SELECT || call.isA(SqlKind.QUERY)) {
          SqlParserPos at = call.getParserPosition();
          throw new SqlFrontendException(Kind.NOT_SUPPORTED, "cannot use a subquery in " + where, at.getLineNum(),
              at.getColumnNum(), null);
        }
        return super.visit(call);
      }
    });
  }
}
