package io.quiver.sql.type;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit conversions, with PostgreSQL's rule for text meeting numbers: a string literal
 * that is a number takes part as that number ({@code '1' + 1}, {@code x > '10'}), but text that is
 * not a number, or a text column, is not silently cast to a number (a cast that could only fail
 * while running, with 22018). {@code 'abc' > 1} and {@code SUM('a')} are therefore validation errors
 * at their position. Text meeting dates and times keeps Calcite's rules ({@code d = '1995-01-01'}).
 */
public final class QuiverTypeCoercion extends TypeCoercionImpl {

  public QuiverTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean binaryComparisonCoercion(SqlCallBinding binding) {
    if (!numericTextAllowed(binding)) {
      return false;
    }
    return super.binaryComparisonCoercion(binding);
  }

  @Override
  public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
    if (!numericTextAllowed(binding)) {
      return false;
    }
    return super.binaryArithmeticCoercion(binding);
  }

  @Override
  public boolean builtinFunctionCoercion(SqlCallBinding binding, List<RelDataType> operandTypes,
      List<SqlTypeFamily> expectedFamilies) {
    for (int i = 0; i < operandTypes.size() && i < expectedFamilies.size(); i++) {
      SqlTypeFamily expected = expectedFamilies.get(i);
      boolean numeric = expected == SqlTypeFamily.NUMERIC || expected == SqlTypeFamily.INTEGER
          || expected == SqlTypeFamily.EXACT_NUMERIC || expected == SqlTypeFamily.APPROXIMATE_NUMERIC
          || expected == SqlTypeFamily.DECIMAL;
      if (numeric && SqlTypeUtil.isCharacter(operandTypes.get(i)) && !isNumberLiteral(binding.operand(i))) {
        return false;
      }
      boolean datetime = expected == SqlTypeFamily.DATE || expected == SqlTypeFamily.TIME
          || expected == SqlTypeFamily.TIMESTAMP || expected == SqlTypeFamily.DATETIME;
      if (datetime && SqlTypeUtil.isCharacter(operandTypes.get(i)) && !(binding.operand(i) instanceof SqlLiteral)) {
        // A text column is not silently a date (PostgreSQL: text + integer does not exist).
        return false;
      }
    }
    return super.builtinFunctionCoercion(binding, operandTypes, expectedFamilies);
  }

  /** Text beside a number (or boolean) only as a literal that is one. */
  private static boolean numericTextAllowed(SqlCallBinding binding) {
    boolean number = false;
    for (int i = 0; i < binding.getOperandCount(); i++) {
      RelDataType type = binding.getOperandType(i);
      number |= SqlTypeUtil.isNumeric(type) || SqlTypeUtil.isBoolean(type);
    }
    if (!number) {
      return true;
    }
    for (int i = 0; i < binding.getOperandCount(); i++) {
      if (SqlTypeUtil.isCharacter(binding.getOperandType(i)) && !isNumberLiteral(binding.operand(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumberLiteral(SqlNode node) {
    if (!(node instanceof SqlLiteral literal) || !SqlTypeUtil.inCharFamily(literal.getTypeName())) {
      return false;
    }
    return isNumberText(literal.getValueAs(String.class));
  }

  /** Whether text is a number (or a boolean) that may stand for one beside numbers. */
  public static boolean isNumberText(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
      return true;
    }
    try {
      new BigDecimal(trimmed);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
