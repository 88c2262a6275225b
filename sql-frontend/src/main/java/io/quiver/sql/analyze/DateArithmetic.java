package io.quiver.sql.analyze;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * {@code +} and {@code -} as PostgreSQL and DuckDB users write them on dates: {@code date + n} and
 * {@code date - n} are n days later or earlier (a DATE), {@code date - date} the number of days
 * between (an INTEGER), {@code timestamp - timestamp} and {@code time - time} an INTERVAL DAY TO
 * SECOND; everything else is Calcite's arithmetic. The parser binds Calcite's
 * operators; {@link #REPLACE} swaps these in before validation, and the operator table must resolve
 * the binary {@code +} and {@code -} to these (the validator looks operators up again by name). Their calls convert to plain row
 * expressions of kind PLUS and MINUS, which the planner's converter maps to the executor's
 * arithmetic (and dates with days to the registry's date functions).
 */
public final class DateArithmetic {

  public static final SqlMonotonicBinaryOperator PLUS = new SqlMonotonicBinaryOperator("+", SqlKind.PLUS, 40, true,
      DateArithmetic::plusType, InferTypes.FIRST_KNOWN, new TimeArithmeticCheck(OperandTypes.PLUS_OPERATOR
          .or(OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER))
          .or(OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.DATE))));

  public static final SqlMonotonicBinaryOperator MINUS = new SqlMonotonicBinaryOperator("-", SqlKind.MINUS, 40, true,
      DateArithmetic::minusType, InferTypes.FIRST_KNOWN, new TimeArithmeticCheck(OperandTypes.MINUS_OPERATOR
          .or(OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER))
          .or(OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.DATE))
          .or(OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.TIMESTAMP))
          .or(OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.DATE))
          .or(OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.TIMESTAMP))
          .or(OperandTypes.family(SqlTypeFamily.TIME, SqlTypeFamily.TIME))));

  /** Swaps Calcite's + and - for these, everywhere in a statement. */
  static final SqlShuttle REPLACE = new SqlShuttle() {
    @Override
    public SqlNode visit(SqlCall call) {
      SqlCall visited = (SqlCall) super.visit(call);
      if (visited == null) {
        return null;
      }
      if (visited.getOperator() == SqlStdOperatorTable.PLUS && visited.operandCount() == 2) {
        return PLUS.createCall(visited.getParserPosition(), visited.getOperandList());
      }
      if (visited.getOperator() == SqlStdOperatorTable.MINUS && visited.operandCount() == 2) {
        return MINUS.createCall(visited.getParserPosition(), visited.getOperandList());
      }
      return visited;
    }
  };

  private DateArithmetic() {
  }

  private static boolean isDate(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.DATE;
  }

  /**
   * {@code timestamp - timestamp}, {@code time - time} and a DATE with a TIMESTAMP (the DATE taken
   * as its midnight): an INTERVAL DAY TO SECOND, as in PostgreSQL and DuckDB.
   */
  static boolean isDifferenceOfTimes(RelDataType left, RelDataType right) {
    SqlTypeName leftName = left.getSqlTypeName();
    SqlTypeName rightName = right.getSqlTypeName();
    if (leftName == SqlTypeName.TIME || rightName == SqlTypeName.TIME) {
      return leftName == rightName;
    }
    return (leftName == SqlTypeName.TIMESTAMP || leftName == SqlTypeName.DATE)
        && (rightName == SqlTypeName.TIMESTAMP || rightName == SqlTypeName.DATE)
        && (leftName == SqlTypeName.TIMESTAMP || rightName == SqlTypeName.TIMESTAMP);
  }

  private static RelDataType plusType(SqlOperatorBinding binding) {
    RelDataType left = binding.getOperandType(0);
    RelDataType right = binding.getOperandType(1);
    if (isDate(left) && SqlTypeUtil.isIntType(right) || SqlTypeUtil.isIntType(left) && isDate(right)) {
      return typed(binding, SqlTypeName.DATE);
    }
    return ReturnTypes.NULLABLE_SUM.inferReturnType(binding);
  }

  private static RelDataType minusType(SqlOperatorBinding binding) {
    RelDataType left = binding.getOperandType(0);
    RelDataType right = binding.getOperandType(1);
    if (isDate(left) && SqlTypeUtil.isIntType(right)) {
      return typed(binding, SqlTypeName.DATE);
    }
    if (isDate(left) && isDate(right)) {
      return typed(binding, SqlTypeName.INTEGER);
    }
    if (isDifferenceOfTimes(left, right)) {
      RelDataTypeFactory typeFactory = binding.getTypeFactory();
      RelDataType interval = typeFactory.createSqlIntervalType(
          new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
      return typeFactory.createTypeWithNullability(interval, left.isNullable() || right.isNullable());
    }
    return ReturnTypes.NULLABLE_SUM.inferReturnType(binding);
  }

  private static RelDataType typed(SqlOperatorBinding binding, SqlTypeName name) {
    RelDataTypeFactory typeFactory = binding.getTypeFactory();
    boolean nullable = binding.getOperandType(0).isNullable() || binding.getOperandType(1).isNullable();
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(name), nullable);
  }
}
