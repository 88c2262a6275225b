package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.ScalarFunction;
import java.util.List;

/** Rules the compiler applies to every call: argument counts, NULL strictness, constant subtrees. */
final class CallRules {

  private CallRules() {
  }

  static boolean isNullConstant(ExpressionNode node) {
    return node instanceof ConstantNode constant && constant.isNull();
  }

  /** A strict function is NULL when any argument is NULL (IN: when its value is NULL). */
  static boolean isStrict(ScalarFunction function) {
    switch (function) {
      case AND:
      case OR:
      case IS_NULL:
      case IS_NOT_NULL:
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE:
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM:
      case CASE:
      case COALESCE:
      case BETWEEN:
        return false;
      default:
        return true;
    }
  }

  /** Whether a strict call has a NULL constant where NULL makes it NULL. */
  static boolean hasNullConstant(ScalarFunction function, List<ExpressionNode> arguments) {
    int checked = function == ScalarFunction.IN ? 1 : arguments.size();
    for (int a = 0; a < checked && a < arguments.size(); a++) {
      if (isNullConstant(arguments.get(a))) {
        return true;
      }
    }
    return false;
  }

  /** A wrong argument count is a planner bug, reported as INTERNAL_ERROR naming the call. */
  static void expectArguments(ScalarFunction function, Call call, List<ExpressionNode> arguments) {
    int minimum;
    int maximum;
    switch (function) {
      case NEGATE: case NOT: case IS_NULL: case IS_NOT_NULL: case IS_TRUE: case IS_NOT_TRUE: case IS_FALSE:
      case IS_NOT_FALSE: case CAST: case TRY_CAST: case UPPER: case LOWER: case CHAR_LENGTH: case ABS: case FLOOR:
      case CEIL: case SQRT: case EXP: case LN: case LOG10: case SIGN:
        minimum = 1;
        maximum = 1;
        break;
      case AND: case OR: case IN:
        minimum = 2;
        maximum = Integer.MAX_VALUE;
        break;
      case BETWEEN:
        minimum = 3;
        maximum = 3;
        break;
      case LIKE: case NOT_LIKE: case SUBSTRING: case POSITION: case LPAD: case RPAD:
        minimum = 2;
        maximum = 3;
        break;
      case ROUND: case TRIM: case LTRIM: case RTRIM:
        minimum = 1;
        maximum = 2;
        break;
      case REPLACE:
        minimum = 3;
        maximum = 3;
        break;
      case CASE:
        minimum = 3;
        maximum = Integer.MAX_VALUE;
        break;
      case COALESCE: case STRING_CONCAT:
        minimum = 1;
        maximum = Integer.MAX_VALUE;
        break;
      default:
        minimum = 2;
        maximum = 2;
        break;
    }
    int count = arguments.size();
    if (count < minimum || count > maximum || (function == ScalarFunction.CASE && count % 2 == 0)) {
      String expected = function == ScalarFunction.CASE ? "(when, then)+ and an else value"
          : minimum == maximum ? Integer.toString(minimum)
          : maximum == Integer.MAX_VALUE ? "at least " + minimum : minimum + " to " + maximum;
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, call.function() + " takes " + expected
          + " arguments, got " + count + ": " + call);
    }
  }

  /** No input column anywhere below: the value is the same for every row. */
  static boolean isConstantTree(ExpressionNode node) {
    if (node instanceof InputNode) {
      return false;
    }
    for (ExpressionNode child : node.children) {
      if (!isConstantTree(child)) {
        return false;
      }
    }
    return true;
  }
}
