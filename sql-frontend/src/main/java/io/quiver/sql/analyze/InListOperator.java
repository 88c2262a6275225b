package io.quiver.sql.analyze;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code x IN (c1, ..., cn)} over a long list of constants, as one opaque call: Calcite would turn
 * the list into ORs and simplify them pairwise (quadratic: a 1,000-element list took minutes); the
 * executor looks the value up in a hash set. Same semantics as IN, NULLs included. Made by
 * {@link LongInLists} before validation; the planner converts it into an IN call.
 */
public final class InListOperator extends SqlFunction {

  public static final String NAME = "$IN_LIST";
  public static final InListOperator INSTANCE = new InListOperator();

  private InListOperator() {
    super(NAME, SqlKind.OTHER_FUNCTION, InListOperator::returnType, null, new Checker(),
        SqlFunctionCategory.SYSTEM);
  }

  /** Validated as an operator: its operands' types, then the checker; no lookup by name. */
  @Override
  public RelDataType deriveType(org.apache.calcite.sql.validate.SqlValidator validator,
      org.apache.calcite.sql.validate.SqlValidatorScope scope, org.apache.calcite.sql.SqlCall call) {
    for (org.apache.calcite.sql.SqlNode operand : call.getOperandList()) {
      validator.deriveType(scope, operand);
    }
    return validateOperands(validator, scope, call);
  }

  private static RelDataType returnType(org.apache.calcite.sql.SqlOperatorBinding binding) {
    boolean nullable = false;
    for (int i = 0; i < binding.getOperandCount(); i++) {
      nullable |= binding.getOperandType(i).isNullable();
    }
    RelDataTypeFactory typeFactory = binding.getTypeFactory();
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BOOLEAN), nullable);
  }

  /** Every constant must be comparable with the value: numbers with numbers, text with text, dates with dates or text. */
  private static final class Checker implements SqlOperandTypeChecker {

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      RelDataType value = binding.getOperandType(0);
      for (int i = 1; i < binding.getOperandCount(); i++) {
        RelDataType candidate = binding.getOperandType(i);
        if (!comparable(value, candidate)) {
          if (throwOnFailure) {
            throw binding.newValidationSignatureError();
          }
          return false;
        }
      }
      return true;
    }

    private static boolean comparable(RelDataType value, RelDataType candidate) {
      if (candidate.getSqlTypeName() == SqlTypeName.NULL || value.getSqlTypeName() == SqlTypeName.NULL) {
        return true;
      }
      if (SqlTypeUtil.isNumeric(value) && SqlTypeUtil.isNumeric(candidate)) {
        return true;
      }
      if (SqlTypeUtil.isCharacter(value) && SqlTypeUtil.isCharacter(candidate)) {
        return true;
      }
      if (SqlTypeUtil.isDatetime(value)) {
        return SqlTypeUtil.isDatetime(candidate) || SqlTypeUtil.isCharacter(candidate);
      }
      return SqlTypeUtil.sameNamedType(value, candidate)
          || value.getSqlTypeName().getFamily() == SqlTypeFamily.BOOLEAN
          && candidate.getSqlTypeName().getFamily() == SqlTypeFamily.BOOLEAN;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.from(2);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return "<value> IN (<constant>, ...)";
    }
  }
}
