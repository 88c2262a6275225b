package io.quiver.sql.analyze;

import io.quiver.sql.error.SqlFrontendException;
import java.math.BigDecimal;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Checks the constants of window clauses before validation, with PostgreSQL's messages, so that
 * each error has its SQLState and the position of the offending constant (Calcite's validator
 * rejects some of them with one message for all, and lets others through): a frame offset that is
 * negative ({@code frame starting offset must not be negative}, 22013) or NULL (22004), a frame
 * from a FOLLOWING row to a PRECEDING one (42P20), a ROWS
 * offset that is not an integer (42804), {@code NTILE} or {@code NTH_VALUE} below 1 (22014, 22016),
 * a LAG or LEAD offset that is not an integer (42804). The messages are mapped to error codes by
 * the planner's {@code SqlErrors}.
 */
final class WindowArgumentCheck extends SqlBasicVisitor<Void> {

  static void check(SqlNode query) {
    query.accept(new WindowArgumentCheck());
  }

  @Override
  public Void visit(SqlCall call) {
    if (call instanceof SqlWindow window) {
      checkBound(window.getLowerBound(), "starting", window.isRows());
      checkBound(window.getUpperBound(), "ending", window.isRows());
      if (kind(window.getLowerBound()) == SqlKind.FOLLOWING && kind(window.getUpperBound()) == SqlKind.PRECEDING) {
        throw error("frame starting from following row cannot have preceding rows",
            window.getUpperBound().getParserPosition());
      }
    } else if (named(call, "ntile") && call.operandCount() == 1) {
      checkPositive(call.operand(0), "ntile");
    } else if (named(call, "nth_value") && call.operandCount() == 2) {
      checkPositive(call.operand(1), "nth_value");
    } else if ((named(call, "lag") || named(call, "lead")) && call.operandCount() >= 2) {
      SqlNode offset = call.operand(1);
      BigDecimal value = number(offset);
      if (value != null && value.stripTrailingZeros().scale() > 0) {
        throw error("the offset of " + call.getOperator().getName().toLowerCase(java.util.Locale.ROOT)
            + " must be an integer, not " + value.toPlainString(), offset.getParserPosition());
      }
    }
    return super.visit(call);
  }

  private static void checkBound(SqlNode bound, String which, boolean rows) {
    if (!(bound instanceof SqlCall call)
        || (call.getKind() != SqlKind.PRECEDING && call.getKind() != SqlKind.FOLLOWING)
        || call.operandCount() != 1) {
      return;
    }
    SqlNode offset = call.operand(0);
    SqlParserPos position = offset.getParserPosition();
    if (offset instanceof SqlLiteral literal && literal.getValue() == null) {
      throw error("frame " + which + " offset must not be null", position);
    }
    BigDecimal value = number(offset);
    if (value != null && value.signum() < 0) {
      throw error("frame " + which + " offset must not be negative", position);
    }
    if (!rows) {
      return;
    }
    if (value != null && value.stripTrailingZeros().scale() > 0) {
      throw error("argument of ROWS must be type bigint, not type numeric " + value.toPlainString(), position);
    }
    if (offset instanceof SqlLiteral literal && !(literal instanceof SqlNumericLiteral)) {
      throw error("argument of ROWS must be type bigint, not type " + literal.getTypeName().getName().toLowerCase(
          java.util.Locale.ROOT), position);
    }
  }

  /** Before validation a function call names its function; it is not resolved to an operator yet. */
  private static boolean named(SqlCall call, String function) {
    return call.getOperator().getName().equalsIgnoreCase(function);
  }

  private static SqlKind kind(SqlNode bound) {
    return bound == null ? null : bound.getKind();
  }

  private static void checkPositive(SqlNode argument, String function) {
    BigDecimal value = number(argument);
    if (value != null && value.signum() <= 0) {
      throw error("argument of " + function + " must be greater than zero", argument.getParserPosition());
    }
  }

  /** The value of a numeric literal, or of minus one; null for anything else. */
  private static BigDecimal number(SqlNode node) {
    if (node instanceof SqlNumericLiteral literal) {
      return literal.getValueAs(BigDecimal.class);
    }
    if (node instanceof SqlCall call && call.getKind() == SqlKind.MINUS_PREFIX && call.operandCount() == 1) {
      BigDecimal value = number(call.operand(0));
      return value == null ? null : value.negate();
    }
    return null;
  }

  private static SqlFrontendException error(String message, SqlParserPos position) {
    return new SqlFrontendException(SqlFrontendException.Kind.VALIDATION, message, position.getLineNum(),
        position.getColumnNum(), null);
  }
}
