package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Turns a fragment expression tree into {@link ExpressionNode}s: checks argument counts and types
 * (NOT_SUPPORTED for combinations the executor lacks), inserts the implicit casts SQL promotion
 * needs, replaces strict calls with a NULL constant argument by NULL, and folds calls whose
 * arguments are all constants.
 */
final class NodeBuilder {

  private final BufferAllocator allocator;

  NodeBuilder(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  ExpressionNode build(Expression expression) {
    if (expression == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "Cannot compile a null expression");
    }
    if (expression instanceof InputReference input) {
      if (input.type().kind() == TypeKind.NULL) {
        return new ConstantNode(null, DataType.NULL, allocator);
      }
      return new InputNode(input.index(), input.type(), allocator);
    }
    if (expression instanceof Literal literal) {
      return ConstantNode.of(literal, allocator);
    }
    Call call = (Call) expression;
    List<ExpressionNode> arguments = new ArrayList<>();
    try {
      for (Expression argument : call.arguments()) {
        arguments.add(build(argument));
      }
      ExpressionNode node = buildCall(call, arguments);
      return fold(node, arguments);
    } catch (RuntimeException e) {
      Vectors.closeAll(arguments);
      throw e;
    }
  }

  private ExpressionNode buildCall(Call call, List<ExpressionNode> arguments) {
    ScalarFunction function = call.function();
    DataType type = call.type();
    if (type == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "Call " + call + " has no type");
    }
    if (isStrict(function) && hasNullConstant(function, arguments)) {
      return new ConstantNode(null, type, allocator);
    }
    switch (function) {
      case ADD:
      case SUBTRACT:
      case MULTIPLY:
      case DIVIDE:
      case MODULO:
        expectArguments(call, arguments, 2, 2);
        return arithmetic(ArithmeticOperator.of(function), arguments.get(0), arguments.get(1), type);
      case NEGATE: {
        expectArguments(call, arguments, 1, 1);
        ExpressionNode zero = type.kind() == TypeKind.DOUBLE || type.kind() == TypeKind.REAL
            ? new ConstantNode(0.0, DataType.DOUBLE, allocator)
            : new ConstantNode(0L, type.kind() == TypeKind.DECIMAL ? DataType.INTEGER : type, allocator);
        return arithmetic(ArithmeticOperator.SUBTRACT, zero, arguments.get(0), type);
      }
      case EQUAL:
      case NOT_EQUAL:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL: {
        expectArguments(call, arguments, 2, 2);
        ExpressionNode[] pair = comparable(arguments.get(0), arguments.get(1));
        return new ComparisonNode(pair[0], pair[1], Comparison.of(function), ComparisonNode.Mode.STRICT, allocator);
      }
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM:
        expectArguments(call, arguments, 2, 2);
        return distinct(function == ScalarFunction.IS_DISTINCT_FROM, arguments.get(0), arguments.get(1));
      case AND:
      case OR:
        expectArguments(call, arguments, 2, Integer.MAX_VALUE);
        return new LogicNode(function, booleans(call, arguments), allocator);
      case NOT:
        expectArguments(call, arguments, 1, 1);
        return new LogicNode(function, booleans(call, arguments), allocator);
      case IS_NULL:
      case IS_NOT_NULL:
        expectArguments(call, arguments, 1, 1);
        return new LogicNode(function, arguments, allocator);
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE:
        expectArguments(call, arguments, 1, 1);
        return new LogicNode(function, booleans(call, arguments), allocator);
      case BETWEEN:
        expectArguments(call, arguments, 3, 3);
        return between(arguments.get(0), arguments.get(1), arguments.get(2));
      case IN:
        expectArguments(call, arguments, 2, Integer.MAX_VALUE);
        return in(arguments);
      case LIKE:
      case NOT_LIKE:
        expectArguments(call, arguments, 2, 3);
        return like(call, arguments, function == ScalarFunction.NOT_LIKE);
      case CASE:
        return caseWhen(call, arguments, type);
      case COALESCE: {
        expectArguments(call, arguments, 1, Integer.MAX_VALUE);
        if (type.kind() == TypeKind.NULL) {
          return new ConstantNode(null, type, allocator);
        }
        List<ExpressionNode> values = new ArrayList<>();
        for (ExpressionNode argument : arguments) {
          values.add(castTo(argument, type));
        }
        return new CaseNode(true, values, type, allocator);
      }
      case CAST:
        expectArguments(call, arguments, 1, 1);
        return castTo(arguments.get(0), type);
      case EXTRACT: {
        expectArguments(call, arguments, 2, 2);
        if (!(arguments.get(0) instanceof ConstantNode unit) || !(unit.value instanceof String unitName)) {
          throw new QuiverException(ErrorCode.NOT_SUPPORTED, "EXTRACT needs a constant field name, got " + arguments.get(0));
        }
        return castTo(new ExtractNode(unitName, arguments.get(1), allocator), type);
      }
      case SUBSTRING: {
        expectArguments(call, arguments, 2, 3);
        List<ExpressionNode> values = new ArrayList<>();
        values.add(text(call, arguments.get(0)));
        for (int a = 1; a < arguments.size(); a++) {
          values.add(castTo(integer(call, arguments.get(a)), DataType.BIGINT));
        }
        return new TextFunctionNode(TextFunctionNode.Function.SUBSTRING, values, textResult(type), allocator);
      }
      case UPPER:
      case LOWER:
      case TRIM: {
        expectArguments(call, arguments, 1, 1);
        TextFunctionNode.Function text = TextFunctionNode.Function.valueOf(function.name());
        return new TextFunctionNode(text, List.of(text(call, arguments.get(0))), textResult(type), allocator);
      }
      case CHAR_LENGTH: {
        expectArguments(call, arguments, 1, 1);
        DataType resultType = type.kind() == TypeKind.INTEGER ? DataType.INTEGER : DataType.BIGINT;
        ExpressionNode node = new TextFunctionNode(TextFunctionNode.Function.CHAR_LENGTH,
            List.of(text(call, arguments.get(0))), resultType, allocator);
        return castTo(node, type);
      }
      case CONCAT: {
        expectArguments(call, arguments, 1, Integer.MAX_VALUE);
        List<ExpressionNode> values = new ArrayList<>();
        for (ExpressionNode argument : arguments) {
          values.add(text(call, argument));
        }
        return new TextFunctionNode(TextFunctionNode.Function.CONCAT, values, textResult(type), allocator);
      }
      case ABS:
      case FLOOR:
      case CEIL:
        expectArguments(call, arguments, 1, 1);
        return numericFunction(call, NumericFunctionNode.Function.valueOf(function.name()), arguments.get(0), type);
      case ROUND:
        expectArguments(call, arguments, 1, 2);
        return round(call, arguments, type);
      default:
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "Function " + function + " is not supported");
    }
  }

  // ---- arithmetic ----------------------------------------------------------------------------

  private ExpressionNode arithmetic(ArithmeticOperator operator, ExpressionNode left, ExpressionNode right,
      DataType type) {
    DataType leftType = left.type();
    DataType rightType = right.type();
    boolean leftInterval = ValueConversions.isInterval(leftType.kind());
    boolean rightInterval = ValueConversions.isInterval(rightType.kind());
    if (ComparisonKernel.isDateTime(leftType) && rightInterval
        && (operator == ArithmeticOperator.ADD || operator == ArithmeticOperator.SUBTRACT)) {
      return new DateArithmeticNode(operator == ArithmeticOperator.SUBTRACT, left, right, dateTimeResult(type, leftType), allocator);
    }
    if (leftInterval && ComparisonKernel.isDateTime(rightType) && operator == ArithmeticOperator.ADD) {
      return new DateArithmeticNode(false, right, left, dateTimeResult(type, rightType), allocator);
    }
    boolean operandsNumeric = (leftType.isNumeric() || leftInterval) && (rightType.isNumeric() || rightInterval);
    if (operandsNumeric && (type.isInteger() || ValueConversions.isInterval(type.kind()))) {
      return new IntegerArithmeticNode(operator, castTo(left, type), castTo(right, type), type, allocator);
    }
    if (operandsNumeric && (type.kind() == TypeKind.DOUBLE || type.kind() == TypeKind.REAL)) {
      return new FloatingArithmeticNode(operator, left, right, type, allocator);
    }
    if (operandsNumeric && type.kind() == TypeKind.DECIMAL) {
      return new DecimalArithmeticNode(operator, exactOperand(left, type), exactOperand(right, type), type, allocator);
    }
    throw new QuiverException(ErrorCode.NOT_SUPPORTED,
        "Operator " + operator.symbol + " is not supported for " + leftType + " and " + rightType + " giving " + type);
  }

  private static DataType dateTimeResult(DataType callType, DataType operandType) {
    return callType.kind() == TypeKind.DATE || callType.kind() == TypeKind.TIMESTAMP ? callType : operandType;
  }

  private ExpressionNode exactOperand(ExpressionNode operand, DataType decimalType) {
    DataType type = operand.type();
    if (type.isInteger() || type.kind() == TypeKind.DECIMAL) {
      return operand;
    }
    return castTo(operand, decimalType);
  }

  // ---- comparisons and predicates ------------------------------------------------------------

  /** Brings text compared with a non-text value to the other type (a constant converts now). */
  private ExpressionNode[] comparable(ExpressionNode left, ExpressionNode right) {
    if (left.type().isText() && !right.type().isText() && right.type().kind() != TypeKind.VARBINARY) {
      left = castTo(left, right.type());
    } else if (right.type().isText() && !left.type().isText() && left.type().kind() != TypeKind.VARBINARY) {
      right = castTo(right, left.type());
    }
    return new ExpressionNode[] {left, right};
  }

  private ExpressionNode distinct(boolean isDistinct, ExpressionNode left, ExpressionNode right) {
    boolean leftNull = isNullConstant(left);
    boolean rightNull = isNullConstant(right);
    if (leftNull && rightNull) {
      return new ConstantNode(!isDistinct, DataType.BOOLEAN, allocator);
    }
    if (leftNull || rightNull) {
      ExpressionNode other = leftNull ? right : left;
      return new LogicNode(isDistinct ? ScalarFunction.IS_NOT_NULL : ScalarFunction.IS_NULL, List.of(other), allocator);
    }
    ExpressionNode[] pair = comparable(left, right);
    return new ComparisonNode(pair[0], pair[1], Comparison.EQUAL,
        isDistinct ? ComparisonNode.Mode.DISTINCT : ComparisonNode.Mode.NOT_DISTINCT, allocator);
  }

  private ExpressionNode between(ExpressionNode value, ExpressionNode low, ExpressionNode high) {
    ExpressionNode[] lowPair = comparable(value, low);
    ExpressionNode[] highPair = comparable(value, high);
    if (lowPair[0] != value || highPair[0] != value || isNullConstant(low) || isNullConstant(high)) {
      // Types differ per bound or a bound is NULL: two comparisons joined by a three-valued AND.
      ExpressionNode lower = isNullConstant(low) ? new ConstantNode(null, DataType.BOOLEAN, allocator)
          : new ComparisonNode(lowPair[0], lowPair[1], Comparison.GREATER_THAN_OR_EQUAL, ComparisonNode.Mode.STRICT, allocator);
      ExpressionNode upper = isNullConstant(high) ? new ConstantNode(null, DataType.BOOLEAN, allocator)
          : new ComparisonNode(highPair[0], highPair[1], Comparison.LESS_THAN_OR_EQUAL, ComparisonNode.Mode.STRICT, allocator);
      return new LogicNode(ScalarFunction.AND, List.of(lower, upper), allocator);
    }
    return new BetweenNode(value, lowPair[1], highPair[1], allocator);
  }

  private ExpressionNode in(List<ExpressionNode> arguments) {
    ExpressionNode value = arguments.get(0);
    List<ExpressionNode> candidates = new ArrayList<>();
    boolean onlyNulls = true;
    for (int a = 1; a < arguments.size(); a++) {
      ExpressionNode candidate = arguments.get(a);
      if (!isNullConstant(candidate)) {
        onlyNulls = false;
        ExpressionNode[] pair = comparable(value, candidate);
        if (pair[0] != value) {
          throw new QuiverException(ErrorCode.NOT_SUPPORTED,
              "IN compares " + value.type() + " with " + candidate.type() + ", which is not supported");
        }
        candidate = pair[1];
      }
      candidates.add(candidate);
    }
    if (onlyNulls) {
      return new ConstantNode(null, DataType.BOOLEAN, allocator);
    }
    return new InNode(value, candidates, allocator);
  }

  private ExpressionNode like(Call call, List<ExpressionNode> arguments, boolean negated) {
    ExpressionNode value = text(call, arguments.get(0));
    ExpressionNode pattern = arguments.get(1);
    if (!pattern.type().isText()) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, call.function() + " needs a text pattern, got " + pattern.type());
    }
    ExpressionNode escape = arguments.size() > 2 ? arguments.get(2) : null;
    if (escape != null && !escape.type().isText()) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, call.function() + " needs a text escape, got " + escape.type());
    }
    return new LikeNode(value, pattern, escape, negated, allocator);
  }

  private ExpressionNode caseWhen(Call call, List<ExpressionNode> arguments, DataType type) {
    if (arguments.size() < 3 || arguments.size() % 2 == 0) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR,
          "CASE takes (when, then)+ and an else value, got " + arguments.size() + " arguments: " + call);
    }
    if (type.kind() == TypeKind.NULL) {
      return new ConstantNode(null, type, allocator);
    }
    List<ExpressionNode> values = new ArrayList<>();
    for (int a = 0; a < arguments.size() - 1; a += 2) {
      values.add(booleans(call, List.of(arguments.get(a))).get(0));
      values.add(castTo(arguments.get(a + 1), type));
    }
    values.add(castTo(arguments.get(arguments.size() - 1), type));
    return new CaseNode(false, values, type, allocator);
  }

  // ---- numeric functions ---------------------------------------------------------------------

  private ExpressionNode numericFunction(Call call, NumericFunctionNode.Function function, ExpressionNode value,
      DataType type) {
    DataType valueType = value.type();
    if (!valueType.isNumeric() || !type.isNumeric()) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, function + " is not supported on " + valueType);
    }
    if (valueType.isInteger() && function != NumericFunctionNode.Function.ABS) {
      return castTo(value, type);
    }
    if (valueType.kind() == TypeKind.DECIMAL) {
      DataType decimalResult = type.kind() == TypeKind.DECIMAL ? type
          : DataType.decimal(valueType.precision(), function == NumericFunctionNode.Function.ABS ? valueType.scale() : 0);
      return castTo(new NumericFunctionNode(function, value, decimalResult, allocator), type);
    }
    if (valueType.kind() == TypeKind.REAL || valueType.kind() == TypeKind.DOUBLE) {
      ExpressionNode input = castTo(value, type.kind() == TypeKind.REAL ? DataType.REAL : DataType.DOUBLE);
      return castTo(new NumericFunctionNode(function, input, input.type(), allocator), type);
    }
    ExpressionNode input = castTo(value, type);
    return new NumericFunctionNode(function, input, type, allocator);
  }

  private ExpressionNode round(Call call, List<ExpressionNode> arguments, DataType type) {
    ExpressionNode value = arguments.get(0);
    if (!value.type().isNumeric() || !type.isNumeric()) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "ROUND is not supported on " + value.type());
    }
    List<ExpressionNode> inputs = new ArrayList<>();
    inputs.add(value);
    if (arguments.size() > 1) {
      inputs.add(castTo(integer(call, arguments.get(1)), DataType.BIGINT));
    }
    DataType valueType = value.type();
    RowFunctionNode.RowFunction function = values -> {
      int digits = values.length > 1 ? (int) Math.max(-100, Math.min(100, (Long) values[1])) : 0;
      Object rounded = NumericRounding.round(values[0], valueType, digits);
      return ValueConversions.convert(rounded, valueType, type);
    };
    return new RowFunctionNode("ROUND", function, inputs, type, allocator);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static DataType textResult(DataType type) {
    return type.isText() ? type : DataType.VARCHAR;
  }

  private ExpressionNode text(Call call, ExpressionNode value) {
    if (value.type().isText()) {
      return value;
    }
    if (value.type().kind() == TypeKind.NULL) {
      return castTo(value, DataType.VARCHAR);
    }
    if (!ValueConversions.canCast(value.type(), DataType.VARCHAR)) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, call.function() + " is not supported on " + value.type());
    }
    return castTo(value, DataType.VARCHAR);
  }

  private ExpressionNode integer(Call call, ExpressionNode value) {
    if (!value.type().isInteger() && value.type().kind() != TypeKind.NULL) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED,
          call.function() + " needs an integer argument, got " + value.type());
    }
    return value;
  }

  private List<ExpressionNode> booleans(Call call, List<ExpressionNode> arguments) {
    for (ExpressionNode argument : arguments) {
      TypeKind kind = argument.type().kind();
      if (kind != TypeKind.BOOLEAN && kind != TypeKind.NULL) {
        throw new QuiverException(ErrorCode.NOT_SUPPORTED,
            call.function() + " needs BOOLEAN arguments, got " + argument.type());
      }
    }
    return arguments;
  }

  /** Casts for SQL promotion; constants convert at compile time. */
  ExpressionNode castTo(ExpressionNode node, DataType target) {
    if (!needsCast(node.type(), target)) {
      return node;
    }
    if (node instanceof ConstantNode constant) {
      if (constant.isNull()) {
        return new ConstantNode(null, target, allocator);
      }
      if (!ValueConversions.canCast(node.type(), target)) {
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "Cannot cast " + node.type() + " to " + target);
      }
      try {
        return new ConstantNode(ValueConversions.convert(constant.value, node.type(), target), target, allocator);
      } catch (QuiverException e) {
        // The bad value fails at run time, and only if a row reaches it (CASE branches are lazy).
        return new CastNode(node, target, allocator);
      }
    }
    return new CastNode(node, target, allocator);
  }

  private static boolean needsCast(DataType from, DataType to) {
    if (from.equals(to) || (from.isText() && to.isText())) {
      return false;
    }
    return !(from.kind() == TypeKind.DECIMAL && to.kind() == TypeKind.DECIMAL
        && from.scale() == to.scale() && from.precision() <= to.precision());
  }

  private static boolean isNullConstant(ExpressionNode node) {
    return node instanceof ConstantNode constant && constant.isNull();
  }

  private static boolean isStrict(ScalarFunction function) {
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

  private static boolean hasNullConstant(ScalarFunction function, List<ExpressionNode> arguments) {
    int checked = function == ScalarFunction.IN ? 1 : arguments.size();
    for (int a = 0; a < checked && a < arguments.size(); a++) {
      if (isNullConstant(arguments.get(a))) {
        return true;
      }
    }
    return false;
  }

  private static void expectArguments(Call call, List<ExpressionNode> arguments, int minimum, int maximum) {
    if (arguments.size() < minimum || arguments.size() > maximum) {
      String expected = minimum == maximum ? Integer.toString(minimum)
          : maximum == Integer.MAX_VALUE ? "at least " + minimum : minimum + " to " + maximum;
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, call.function() + " takes " + expected
          + " arguments, got " + arguments.size() + ": " + call);
    }
  }

  /** Replaces a call whose arguments are all constants by its value, unless evaluating it fails. */
  private ExpressionNode fold(ExpressionNode node, List<ExpressionNode> arguments) {
    if (node instanceof ConstantNode || arguments.isEmpty()) {
      return node;
    }
    for (ExpressionNode argument : arguments) {
      if (!(argument instanceof ConstantNode)) {
        return node;
      }
    }
    try (VectorSchemaRoot single = new VectorSchemaRoot(List.of(), List.of(), 1)) {
      FieldVector vector = node.evaluate(single);
      try {
        Object value = BoxedValues.read(vector, node.type(), 0);
        ConstantNode folded = new ConstantNode(value, node.type(), allocator);
        node.close();
        return folded;
      } finally {
        node.release(vector);
      }
    } catch (QuiverException e) {
      return node;
    }
  }

  static String describe(List<ExpressionNode> nodes) {
    return nodes.stream().map(Object::toString).collect(Collectors.joining(", "));
  }
}
