package io.quiver.sql.analyze;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Lets the file table functions mix a positional location with named options, as in
 * {@code read_csv('x.csv', delimiter => '|')}: Calcite accepts named arguments only when every
 * argument is named, so the leading positional one is given its name ({@code location}).
 */
final class LeadingArgumentNaming extends SqlShuttle {

  private static final Set<String> FUNCTIONS = Set.of("read_parquet", "read_csv", "read_arrow");
  private static final String FIRST_PARAMETER = "location";

  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (!(visited instanceof SqlBasicCall basic) || !(basic.getOperator() instanceof SqlFunction function)
        || !FUNCTIONS.contains(function.getName().toLowerCase(Locale.ROOT))) {
      return visited;
    }
    List<SqlNode> operands = basic.getOperandList();
    boolean anyNamed = false;
    for (SqlNode operand : operands) {
      anyNamed |= operand != null && operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT;
    }
    SqlNode first = operands.isEmpty() ? null : operands.get(0);
    if (anyNamed && first != null && first.getKind() != SqlKind.ARGUMENT_ASSIGNMENT) {
      basic.setOperand(0, SqlStdOperatorTable.ARGUMENT_ASSIGNMENT.createCall(first.getParserPosition(), first,
          new SqlIdentifier(FIRST_PARAMETER, first.getParserPosition())));
    }
    return basic;
  }
}
