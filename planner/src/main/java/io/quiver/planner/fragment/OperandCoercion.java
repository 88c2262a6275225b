package io.quiver.planner.fragment;

import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.function.CommonType;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the operands of arithmetic and comparisons agree in kind, as the executor's functions
 * expect: Calcite types {@code INTEGER + BIGINT} as BIGINT without casting the INTEGER, and compares
 * INTEGER with DECIMAL directly. Literals are converted in place; other operands get a CAST.
 */
final class OperandCoercion {

  private OperandCoercion() {
  }

  /** Operands of ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO with result type {@code type}. */
  static List<Expression> arithmetic(List<Expression> operands, DataType type) {
    if (!type.isNumeric()) {
      return operands; // DATE/TIMESTAMP with an INTERVAL
    }
    List<Expression> result = new ArrayList<>(operands.size());
    for (Expression operand : operands) {
      DataType operandType = operand.type();
      if (type.kind() == TypeKind.DECIMAL) {
        result.add(operandType.kind() == TypeKind.DECIMAL ? operand
            : cast(operand, integerAsDecimal(operandType)));
      } else {
        result.add(operandType.kind() == type.kind() ? operand : cast(operand, kindOnly(type)));
      }
    }
    return result;
  }

  /**
   * Operands compared with each other (comparisons, IN, BETWEEN): brought to a common kind. A text
   * literal compared with a CHAR(n) value compares as CHAR, whose trailing blanks do not count (CHAR
   * values are stored without them); text compared with text otherwise keeps every character.
   */
  static List<Expression> comparable(List<Expression> operands) {
    operands = literalsAsCharacter(operands);
    DataType common = null;
    for (Expression operand : operands) {
      common = common == null ? operand.type() : wider(common, operand.type());
    }
    if (common == null) {
      return operands;
    }
    List<Expression> result = new ArrayList<>(operands.size());
    for (Expression operand : operands) {
      result.add(sameKind(operand.type(), common) ? operand : cast(operand, common));
    }
    return result;
  }

  private static List<Expression> literalsAsCharacter(List<Expression> operands) {
    boolean character = false;
    for (Expression operand : operands) {
      character |= !(operand instanceof Literal) && operand.type().kind() == TypeKind.CHAR;
    }
    if (!character) {
      return operands;
    }
    List<Expression> result = new ArrayList<>(operands.size());
    for (Expression operand : operands) {
      if (operand instanceof Literal literal && literal.type().isText() && !literal.isNull()) {
        String text = stripTrailingSpaces(literal.text());
        int length = literal.type().precision() > 0 ? literal.type().precision() : Math.max(1, text.length());
        result.add(Literal.ofString(text, DataType.character(length)));
      } else {
        result.add(operand);
      }
    }
    return result;
  }

  static String stripTrailingSpaces(String value) {
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == ' ') {
      end--;
    }
    return value.substring(0, end);
  }

  private static boolean sameKind(DataType a, DataType b) {
    return a.kind() == b.kind() || a.isText() && b.isText() || a.kind() == TypeKind.NULL;
  }

  /** The common type of two kinds (io.quiver.exec.function.CommonType); text keeps the first text type. */
  private static DataType wider(DataType a, DataType b) {
    if (sameKind(a, b)) {
      return a.kind() == TypeKind.NULL ? b : a;
    }
    if (b.kind() == TypeKind.NULL) {
      return a;
    }
    DataType common = CommonType.of(List.of(a, b));
    return common == null ? a : common;
  }

  private static boolean isApproximate(DataType type) {
    return type.kind() == TypeKind.DOUBLE || type.kind() == TypeKind.REAL;
  }

  /** Integers in decimal arithmetic: DECIMAL(3/5/10/19, 0) by width. */
  private static DataType integerAsDecimal(DataType type) {
    return CommonType.asDecimal(type);
  }

  private static DataType kindOnly(DataType type) {
    return new DataType(type.kind(), type.precision(), type.scale());
  }

  /** {@code operand} as {@code target}: a literal converted in place, anything else a CAST call. */
  static Expression cast(Expression operand, DataType target) {
    if (operand instanceof Literal literal) {
      Literal converted = convertLiteral(literal, target);
      if (converted != null) {
        return converted;
      }
    }
    return new Call(ScalarFunction.CAST, List.of(operand), target);
  }

  private static Literal convertLiteral(Literal literal, DataType target) {
    if (literal.isNull()) {
      return Literal.nullOf(target);
    }
    DataType source = literal.type();
    if (source.isText() && target.isText()) {
      String text = target.kind() == TypeKind.CHAR ? stripTrailingSpaces(literal.text()) : literal.text();
      boolean fits = target.precision() < 0 || text.codePointCount(0, text.length()) <= target.precision();
      return fits ? new Literal(text, target) : null;
    }
    if (source.isInteger() && target.isInteger()) {
      return new Literal(literal.text(), target);
    }
    if ((source.isInteger() || source.kind() == TypeKind.DECIMAL) && target.kind() == TypeKind.DECIMAL) {
      BigDecimal value = new BigDecimal(literal.text());
      if (value.stripTrailingZeros().scale() > target.scale()) {
        return null;
      }
      return new Literal(value.setScale(target.scale(), RoundingMode.UNNECESSARY).toPlainString(), target);
    }
    if (source.isNumeric() && isApproximate(target)) {
      return new Literal(Double.toString(new BigDecimal(literal.text()).doubleValue()), target);
    }
    return null;
  }
}
