package io.quiver.sql.analyze;

import io.quiver.sql.error.SqlFrontendException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The operand check of {@link DateArithmetic}'s {@code +} and {@code -}: a TIMESTAMP or TIME operand
 * is refused unless the other operand is an INTERVAL, before Calcite's implicit coercion could make
 * it a DATE to fit {@code date ± n} or {@code date - date} and silently drop its time of day
 * ({@code TIMESTAMP '2024-01-02 10:00' - TIMESTAMP '2024-01-01 08:30'} was 1).
 * {@code timestamp - timestamp}, {@code time - time} and a DATE with a TIMESTAMP pass (an INTERVAL,
 * see {@link DateArithmetic}); {@code time - timestamp} is refused, and {@code timestamp + n} does
 * not exist in PostgreSQL either (42883).
 */
final class TimeArithmeticCheck implements SqlOperandTypeChecker {

  private final SqlOperandTypeChecker delegate;

  TimeArithmeticCheck(SqlOperandTypeChecker delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    if (binding.getOperandCount() == 2) {
      RelDataType left = binding.getOperandType(0);
      RelDataType right = binding.getOperandType(1);
      boolean difference = binding.getOperator().getName().equals("-")
          && DateArithmetic.isDifferenceOfTimes(left, right);
      if (!difference && (hasTimeOfDay(left) || hasTimeOfDay(right)) && !SqlTypeUtil.isInterval(left)
          && !SqlTypeUtil.isInterval(right) && !isNull(left) && !isNull(right)) {
        String operator = binding.getOperator().getName();
        SqlParserPos position = binding.getCall().getParserPosition();
        String types = left.getSqlTypeName() + " " + operator + " " + right.getSqlTypeName();
        if (operator.equals("-") && SqlTypeUtil.isDatetime(left) && SqlTypeUtil.isDatetime(right)) {
          throw new SqlFrontendException(SqlFrontendException.Kind.VALIDATION, "Operator does not exist: "
              + types + "; cast both to TIMESTAMP for an INTERVAL, or DATEDIFF('second', b, a) counts the"
              + " seconds between them (or any other unit)", position.getLineNum(), position.getColumnNum(), null);
        }
        throw new SqlFrontendException(SqlFrontendException.Kind.VALIDATION, "Operator does not exist: " + types
            + "; add or subtract an INTERVAL (x + INTERVAL '1' DAY)", position.getLineNum(),
            position.getColumnNum(), null);
      }
    }
    return delegate.checkOperandTypes(binding, throwOnFailure);
  }

  private static boolean hasTimeOfDay(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
        || name == SqlTypeName.TIME || name == SqlTypeName.TIME_WITH_LOCAL_TIME_ZONE;
  }

  private static boolean isNull(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.NULL;
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    return delegate.getOperandCountRange();
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    return delegate.getAllowedSignatures(op, opName);
  }

  @Override
  public Consistency getConsistency() {
    return delegate.getConsistency();
  }

  @Override
  public boolean isOptional(int i) {
    return delegate.isOptional(i);
  }
}
