package io.quiver.sql.analyze;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Before validation: {@code x [NOT] IN (constants)} with more than {@link #THRESHOLD} constants
 * becomes {@code [NOT] $IN_LIST(x, constants)} ({@link InListOperator}), which plans in time linear
 * in the list and runs as a hash-set lookup. Shorter lists stay IN for Calcite's range reasoning.
 */
final class LongInLists extends SqlShuttle {

  /** Lists longer than this skip Calcite's IN handling. */
  static final int THRESHOLD = 32;

  @Override
  public SqlNode visit(SqlCall call) {
    SqlKind kind = call.getKind();
    if ((kind == SqlKind.IN || kind == SqlKind.NOT_IN) && call.operandCount() == 2
        && call.operand(1) instanceof SqlNodeList list && list.size() > THRESHOLD && constants(list)
        && !(call.operand(0) instanceof SqlNodeList)) {
      List<SqlNode> operands = new ArrayList<>(list.size() + 1);
      operands.add(call.operand(0).accept(this));
      operands.addAll(list.getList());
      SqlCall lookup = InListOperator.INSTANCE.createCall(call.getParserPosition(), operands);
      return kind == SqlKind.IN ? lookup : SqlStdOperatorTable.NOT.createCall(call.getParserPosition(), lookup);
    }
    if (kind == SqlKind.OR) {
      SqlNode lookup = equalitiesAsLookup(call);
      if (lookup != null) {
        return lookup;
      }
    }
    return super.visit(call);
  }

  /** {@code x = c1 OR x = c2 OR ...} over one x and more than THRESHOLD constants, as a lookup. */
  private SqlNode equalitiesAsLookup(SqlCall or) {
    List<SqlNode> terms = new ArrayList<>();
    flattenOr(or, terms);
    if (terms.size() <= THRESHOLD) {
      return null;
    }
    SqlNode common = null;
    List<SqlNode> constants = new ArrayList<>(terms.size());
    for (SqlNode term : terms) {
      if (!(term instanceof SqlCall equal) || equal.getKind() != SqlKind.EQUALS) {
        return null;
      }
      SqlNode left = equal.operand(0);
      SqlNode right = equal.operand(1);
      if (isConstant(left) && !isConstant(right)) {
        SqlNode swap = left;
        left = right;
        right = swap;
      }
      if (!isConstant(right) || isConstant(left) || common != null && !common.equalsDeep(left, org.apache.calcite.util.Litmus.IGNORE)) {
        return null;
      }
      common = left;
      constants.add(right);
    }
    List<SqlNode> operands = new ArrayList<>(constants.size() + 1);
    operands.add(common.accept(this));
    operands.addAll(constants);
    return InListOperator.INSTANCE.createCall(or.getParserPosition(), operands);
  }

  private static void flattenOr(SqlNode node, List<SqlNode> terms) {
    // Iterative on the left spine: a chain of thousands of ORs must not recurse that deep.
    java.util.ArrayDeque<SqlNode> pending = new java.util.ArrayDeque<>();
    pending.push(node);
    while (!pending.isEmpty()) {
      SqlNode current = pending.pop();
      if (current instanceof SqlCall call && call.getKind() == SqlKind.OR) {
        for (int i = call.operandCount() - 1; i >= 0; i--) {
          pending.push(call.operand(i));
        }
      } else {
        terms.add(current);
      }
    }
  }

  private static boolean isConstant(SqlNode node) {
    return node instanceof SqlLiteral
        || node instanceof SqlCall call && call.getKind() == SqlKind.MINUS_PREFIX && call.operand(0) instanceof SqlLiteral;
  }

  private static boolean constants(SqlNodeList list) {
    for (SqlNode node : list) {
      if (!isConstant(node)) {
        return false;
      }
    }
    return true;
  }
}
