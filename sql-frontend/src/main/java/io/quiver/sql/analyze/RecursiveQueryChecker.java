package io.quiver.sql.analyze;

import io.quiver.sql.error.SqlFrontendException;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The rules of a recursive query's recursive part that Calcite does not check, as PostgreSQL states
 * them (SQLState 42P19), with the position of the offending part: the recursive part reads the
 * query it defines exactly once, in its own FROM clause (not in a subquery, not on the side of an
 * outer join that may be NULL), and has no aggregate, GROUP BY or HAVING (each iteration sees only
 * the rows the previous one added, so an aggregate would not mean what it says).
 */
final class RecursiveQueryChecker {

  private RecursiveQueryChecker() {
  }

  /** Checks every recursive WITH item in a validated query. */
  static void check(SqlNode query) {
    query.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlWith with) {
          for (SqlNode item : with.withList) {
            if (item instanceof SqlWithItem withItem && withItem.recursive.booleanValue()) {
              checkItem(withItem);
            }
          }
        }
        return super.visit(call);
      }
    });
  }

  private static void checkItem(SqlWithItem item) {
    SqlNode query = item.query;
    if (!(query instanceof SqlBasicCall union) || union.getKind() != SqlKind.UNION || union.operandCount() != 2) {
      return;
    }
    String name = item.name.getSimple();
    SqlNode recursive = union.operand(1);
    if (!(recursive instanceof SqlSelect select)) {
      return;
    }
    int[] references = {0};
    if (select.getFrom() != null) {
      checkFrom(select.getFrom(), name, false, references);
    }
    for (SqlNode part : new SqlNode[] {select.getSelectList(), select.getWhere(), select.getGroup(),
        select.getHaving()}) {
      if (part != null) {
        SqlNode inner = findReference(part, name);
        if (inner != null) {
          throw error(inner, "recursive reference to query " + name + " must not appear within a subquery");
        }
      }
    }
    if (references[0] > 1) {
      throw error(select.getFrom(), "recursive reference to query " + name + " must not appear more than once");
    }
    if (select.getGroup() != null && !select.getGroup().isEmpty()) {
      throw error(select.getGroup(), "GROUP BY is not allowed in the recursive part of query " + name);
    }
    if (select.getHaving() != null) {
      throw error(select.getHaving(), "HAVING is not allowed in the recursive part of query " + name);
    }
    SqlNode aggregate = findAggregate(select.getSelectList());
    if (aggregate != null) {
      throw error(aggregate, "aggregate functions are not allowed in the recursive part of query " + name);
    }
  }

  /** Counts the references in a FROM clause; fails for one in a subquery or an outer join's nullable side. */
  private static void checkFrom(SqlNode from, String name, boolean nullable, int[] references) {
    if (from instanceof SqlJoin join) {
      JoinType type = join.getJoinType();
      boolean leftNullable = nullable || type == JoinType.RIGHT || type == JoinType.FULL;
      boolean rightNullable = nullable || type == JoinType.LEFT || type == JoinType.FULL;
      checkFrom(join.getLeft(), name, leftNullable, references);
      checkFrom(join.getRight(), name, rightNullable, references);
      if (join.getCondition() != null && findReference(join.getCondition(), name) != null) {
        throw error(join.getCondition(), "recursive reference to query " + name + " must not appear within a subquery");
      }
      return;
    }
    if (from instanceof SqlCall call && call.getKind() == SqlKind.AS) {
      checkFrom(call.operand(0), name, nullable, references);
      return;
    }
    if (isReference(from, name)) {
      if (nullable) {
        throw error(from, "recursive reference to query " + name + " must not appear within an outer join");
      }
      references[0]++;
      return;
    }
    SqlNode inner = findReference(from, name);
    if (inner != null) {
      throw error(inner, "recursive reference to query " + name + " must not appear within a subquery");
    }
  }

  private static boolean isReference(SqlNode node, String name) {
    return node instanceof SqlIdentifier identifier && identifier.isSimple()
        && identifier.getSimple().equalsIgnoreCase(name);
  }

  /** A reference to the query as a table in a nested query's FROM clause, or null. */
  private static SqlNode findReference(SqlNode node, String name) {
    SqlNode[] found = {null};
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (found[0] == null && call instanceof SqlSelect select && select.getFrom() != null) {
          SqlNode from = select.getFrom();
          checkTables(from);
        }
        return super.visit(call);
      }

      private void checkTables(SqlNode from) {
        if (from instanceof SqlJoin join) {
          checkTables(join.getLeft());
          checkTables(join.getRight());
        } else if (from instanceof SqlCall call && call.getKind() == SqlKind.AS) {
          checkTables(call.operand(0));
        } else if (isReference(from, name) && found[0] == null) {
          found[0] = from;
        }
      }
    });
    return found[0];
  }

  private static SqlNode findAggregate(SqlNodeList selectList) {
    SqlNode[] found = {null};
    selectList.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getKind() == SqlKind.OVER || call instanceof SqlSelect) {
          return null;
        }
        if (found[0] == null && call.getOperator().isAggregator()) {
          found[0] = call;
          return null;
        }
        return super.visit(call);
      }
    });
    return found[0];
  }

  private static SqlFrontendException error(SqlNode node, String message) {
    return new SqlFrontendException(SqlFrontendException.Kind.VALIDATION, message,
        node.getParserPosition().getLineNum(), node.getParserPosition().getColumnNum(), null);
  }
}
