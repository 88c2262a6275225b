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
    return super.visit(call);
  }

  private static boolean constants(SqlNodeList list) {
    for (SqlNode node : list) {
      boolean literal = node instanceof SqlLiteral
          || node instanceof SqlCall call && call.getKind() == SqlKind.MINUS_PREFIX && call.operand(0) instanceof SqlLiteral;
      if (!literal) {
        return false;
      }
    }
    return true;
  }
}
