package io.quiver.engine.connector.file.scan;

import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks from a scan's filter the conjuncts a file reader can check against statistics: a column
 * compared with a constant, a BETWEEN of constants, IS [NOT] NULL. Everything else is left to the
 * filter operator above the scan, which still evaluates the whole condition.
 */
public final class PushedFilters {

  private PushedFilters() {
  }

  /** The comparisons implied by {@code filter} over a scan whose output has these column types. */
  static List<OutputComparison> comparisons(Expression filter, List<DataType> outputTypes) {
    List<OutputComparison> result = new ArrayList<>();
    collect(filter, outputTypes, result);
    return result;
  }

  private static void collect(Expression expression, List<DataType> types, List<OutputComparison> result) {
    if (!(expression instanceof Call call)) {
      return;
    }
    List<Expression> arguments = call.arguments();
    io.quiver.exec.fragment.expression.ScalarFunction function =
        io.quiver.exec.fragment.expression.ScalarFunction.byName(call.function());
    if (function == null) {
      return;
    }
    switch (function) {
      case AND:
        for (Expression argument : arguments) {
          collect(argument, types, result);
        }
        return;
      case IS_NULL:
      case IS_NOT_NULL:
        if (arguments.get(0) instanceof InputReference reference) {
          result.add(new OutputComparison(reference.index(), function == io.quiver.exec.fragment.expression
              .ScalarFunction.IS_NULL ? PushedComparison.Operator.IS_NULL : PushedComparison.Operator.IS_NOT_NULL,
              null));
        }
        return;
      case BETWEEN:
        if (arguments.size() == 3) {
          add(arguments.get(0), arguments.get(1), PushedComparison.Operator.GREATER_THAN_OR_EQUAL, types, result);
          add(arguments.get(0), arguments.get(2), PushedComparison.Operator.LESS_THAN_OR_EQUAL, types, result);
        }
        return;
      default:
        PushedComparison.Operator operator = operator(call);
        if (operator != null && arguments.size() == 2) {
          if (arguments.get(0) instanceof InputReference) {
            add(arguments.get(0), arguments.get(1), operator, types, result);
          } else {
            add(arguments.get(1), arguments.get(0), operator.flipped(), types, result);
          }
        }
    }
  }

  private static PushedComparison.Operator operator(Call call) {
    io.quiver.exec.fragment.expression.ScalarFunction function =
        io.quiver.exec.fragment.expression.ScalarFunction.byName(call.function());
    if (function == null) {
      return null;
    }
    switch (function) {
      case EQUAL:
        return PushedComparison.Operator.EQUAL;
      case NOT_EQUAL:
        return PushedComparison.Operator.NOT_EQUAL;
      case LESS_THAN:
        return PushedComparison.Operator.LESS_THAN;
      case LESS_THAN_OR_EQUAL:
        return PushedComparison.Operator.LESS_THAN_OR_EQUAL;
      case GREATER_THAN:
        return PushedComparison.Operator.GREATER_THAN;
      case GREATER_THAN_OR_EQUAL:
        return PushedComparison.Operator.GREATER_THAN_OR_EQUAL;
      default:
        return null;
    }
  }

  private static void add(Expression column, Expression constant, PushedComparison.Operator operator,
      List<DataType> types, List<OutputComparison> result) {
    if (!(column instanceof InputReference reference) || !(constant instanceof Literal literal) || literal.isNull()) {
      return;
    }
    if (reference.index() < 0 || reference.index() >= types.size()) {
      return;
    }
    Literal coerced = coerce(literal, types.get(reference.index()));
    if (coerced != null) {
      result.add(new OutputComparison(reference.index(), operator, coerced));
    }
  }

  /** The constant as a value of the column's type when that is exact; null otherwise. */
  static Literal coerce(Literal literal, DataType columnType) {
    DataType literalType = literal.type();
    if (literalType.equals(columnType)) {
      return literal;
    }
    try {
      if (columnType.isInteger() && literalType.isInteger()) {
        return Literal.ofLong(literal.longValue(), columnType);
      }
      if (columnType.kind() == TypeKind.DECIMAL && (literalType.isInteger() || literalType.kind() == TypeKind.DECIMAL)) {
        BigDecimal value = literalType.isInteger() ? BigDecimal.valueOf(literal.longValue()) : literal.decimalValue();
        if (value.scale() > columnType.scale() || value.precision() - value.scale()
            > columnType.precision() - columnType.scale()) {
          return null;
        }
        return Literal.ofDecimal(value, columnType);
      }
      if (columnType.kind() == TypeKind.DOUBLE && literalType.isInteger()) {
        return Literal.ofDouble(literal.longValue());
      }
      if (columnType.isText() && literalType.isText()) {
        return columnType.kind() == TypeKind.CHAR ? null : Literal.ofString(literal.stringValue(), columnType);
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }
}
