package io.quiver.planner.function;

import io.quiver.exec.error.QuiverException;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionSignature;
import io.quiver.exec.function.NullHandling;
import io.quiver.exec.type.DataType;
import io.quiver.planner.fragment.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A registry function as Calcite sees it, for functions Calcite does not define itself: its operand
 * checking and result type are the definition's signatures and return rules, so they are written
 * once. One instance per name or alias (the validator matches calls by name).
 */
final class RegistrySqlFunction extends SqlFunction {

  private final FunctionDefinition definition;

  RegistrySqlFunction(String name, FunctionDefinition definition) {
    super(name, SqlKind.OTHER_FUNCTION, RegistrySqlFunction::returnType, RegistrySqlFunction::inferOperands,
        new Checker(definition), category(definition));
    this.definition = definition;
  }

  FunctionDefinition definition() {
    return definition;
  }

  private static SqlFunctionCategory category(FunctionDefinition definition) {
    switch (definition.category()) {
      case STRING:
        return SqlFunctionCategory.STRING;
      case NUMERIC:
        return SqlFunctionCategory.NUMERIC;
      case TIME_DATE:
        return SqlFunctionCategory.TIMEDATE;
      default:
        return SqlFunctionCategory.SYSTEM;
    }
  }

  @Override
  public boolean isDeterministic() {
    return definition.deterministic();
  }

  /** The argument types as Quiver types; a type Quiver lacks (arrays ...) fits no signature. */
  static List<DataType> argumentTypes(SqlOperatorBinding binding) {
    List<DataType> types = new ArrayList<>(binding.getOperandCount());
    for (int i = 0; i < binding.getOperandCount(); i++) {
      try {
        types.add(TypeMapping.toDataType(binding.getOperandType(i)));
      } catch (QuiverException e) {
        return null;
      }
    }
    return types;
  }

  private static RelDataType returnType(SqlOperatorBinding binding) {
    FunctionDefinition definition = ((RegistrySqlFunction) binding.getOperator()).definition;
    List<DataType> types = argumentTypes(binding);
    FunctionDefinition.Resolution resolution = types == null ? null : definition.resolve(types);
    if (resolution == null) {
      throw new IllegalStateException("no signature of " + definition.name() + " takes " + types);
    }
    boolean nullable;
    if (definition.nullHandling() == NullHandling.STRICT) {
      nullable = false;
      for (int i = 0; i < binding.getOperandCount(); i++) {
        nullable |= binding.getOperandType(i).isNullable();
      }
    } else {
      nullable = definition.nullHandling() != NullHandling.NEVER_NULL;
    }
    RelDataTypeFactory typeFactory = binding.getTypeFactory();
    DataType result = resolution.resultType();
    if (result.kind() == io.quiver.exec.type.TypeKind.NULL) {
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.NULL), true);
    }
    return TypeMapping.toRelDataType(typeFactory, result, nullable);
  }

  /** NULL and ? arguments take the type of the first signature's parameter at their place. */
  private static void inferOperands(SqlCallBinding binding, RelDataType returnType, RelDataType[] operandTypes) {
    FunctionDefinition definition = ((RegistrySqlFunction) binding.getOperator()).definition;
    RelDataTypeFactory typeFactory = binding.getTypeFactory();
    List<DataType> known = new ArrayList<>();
    for (int i = 0; i < operandTypes.length; i++) {
      RelDataType type = binding.getValidator().deriveType(binding.getScope(), binding.operand(i));
      if (type.getSqlTypeName() != SqlTypeName.NULL && type.getSqlTypeName() != SqlTypeName.UNKNOWN) {
        try {
          known.add(TypeMapping.toDataType(type));
        } catch (QuiverException e) {
          // a type Quiver lacks: the checker reports it
        }
      }
    }
    for (int i = 0; i < operandTypes.length; i++) {
      DataType target = DataType.VARCHAR;
      for (FunctionSignature signature : definition.signatures()) {
        if (signature.acceptsCount(operandTypes.length) && signature.unified()) {
          DataType common = io.quiver.exec.function.CommonType.of(known);
          target = common == null || common.kind() == io.quiver.exec.type.TypeKind.NULL ? DataType.VARCHAR : common;
          break;
        }
        if (signature.acceptsCount(operandTypes.length) && !signature.parameters().isEmpty()) {
          int index = Math.min(i, signature.parameters().size() - 1);
          target = signature.parameters().get(index).target(DataType.NULL);
          break;
        }
      }
      operandTypes[i] = TypeMapping.toRelDataType(typeFactory, target, true);
    }
  }

  /** Checks argument counts and types against the definition's signatures. */
  private static final class Checker implements SqlOperandTypeChecker {

    private final FunctionDefinition definition;

    Checker(FunctionDefinition definition) {
      this.definition = definition;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      List<DataType> types = argumentTypes(binding);
      if (types != null && definition.resolve(types) != null) {
        return true;
      }
      if (throwOnFailure) {
        throw binding.newValidationSignatureError();
      }
      return false;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      int minimum = Integer.MAX_VALUE;
      int maximum = 0;
      for (FunctionSignature signature : definition.signatures()) {
        minimum = Math.min(minimum, signature.required());
        maximum = signature.variadic() ? -1 : maximum < 0 ? maximum : Math.max(maximum, signature.parameters().size());
      }
      return maximum < 0 ? SqlOperandCountRanges.from(minimum) : SqlOperandCountRanges.between(minimum, maximum);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return definition.signatures().stream().map(signature -> signature.display(opName))
          .collect(Collectors.joining("\n"));
    }

    @Override
    public boolean isOptional(int i) {
      return false;
    }
  }
}
