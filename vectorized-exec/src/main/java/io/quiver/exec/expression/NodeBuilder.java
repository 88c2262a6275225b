package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionRegistry;
import io.quiver.exec.function.KernelBinding;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
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
      FunctionDefinition definition = FunctionRegistry.builtIn().find(call.function()).orElseThrow(() ->
          new QuiverException(ErrorCode.NOT_SUPPORTED, "Function " + call.function() + " is not supported"));
      if (definition.rewrittenByPlanner()) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, definition.name() + " should have been rewritten by the planner: " + call);
      }
      ExpressionNode node = definition.builtIn() ? buildCall(call, definition, arguments)
          : kernelCall(call, definition, arguments);
      return definition.deterministic() ? fold(node, arguments) : node;
    } catch (RuntimeException e) {
      Vectors.closeAll(arguments);
      throw e;
    }
  }

  /**
   * A registry function with a kernel: arguments cast to the types its signature gives them, NULL
   * for a strict call with a NULL constant, the result cast to the call's type.
   */
  private ExpressionNode kernelCall(Call call, FunctionDefinition definition, List<ExpressionNode> arguments) {
    DataType type = requireType(call);
    List<DataType> argumentTypes = new ArrayList<>(arguments.size());
    for (ExpressionNode argument : arguments) {
      argumentTypes.add(argument.type());
    }
    FunctionDefinition.Resolution resolution = definition.resolve(argumentTypes);
    if (resolution == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR,
          definition.name() + " has no signature for " + argumentTypes + ": " + call);
    }
    List<ExpressionNode> cast = new ArrayList<>(arguments.size());
    List<Object> constants = new ArrayList<>(arguments.size());
    boolean nullConstant = false;
    for (int a = 0; a < arguments.size(); a++) {
      ExpressionNode argument = castTo(arguments.get(a), resolution.argumentTypes().get(a));
      cast.add(argument);
      boolean constant = argument instanceof ConstantNode;
      constants.add(constant ? ((ConstantNode) argument).value : null);
      nullConstant |= CallRules.isNullConstant(argument);
    }
    arguments.clear();
    arguments.addAll(cast);
    if (definition.nullHandling().strict() && nullConstant) {
      return new ConstantNode(null, type, allocator);
    }
    KernelBinding binding = new KernelBinding(resolution.argumentTypes(), resolution.resultType(), constants);
    ExpressionNode node = new KernelNode(definition.name(), definition.kernel().bind(binding),
        definition.nullHandling().strict(), cast, resolution.resultType(), allocator);
    return castTo(node, type);
  }

  private static DataType requireType(Call call) {
    if (call.type() == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "Call " + call + " has no type");
    }
    return call.type();
  }

  private ExpressionNode buildCall(Call call, FunctionDefinition definition, List<ExpressionNode> arguments) {
    ScalarFunction function = ScalarFunction.byName(definition.name());
    if (function == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, definition.name() + " is built in but the compiler does not know it");
    }
    DataType type = requireType(call);
    CallRules.expectArguments(function, call, arguments);
    if (CallRules.isStrict(function) && CallRules.hasNullConstant(function, arguments)) {
      return new ConstantNode(null, type, allocator);
    }
    switch (function) {
      case ADD:
      case SUBTRACT:
      case MULTIPLY:
      case DIVIDE:
      case MODULO:
        return arithmetic(ArithmeticOperator.of(function), arguments.get(0), arguments.get(1), type);
      case NEGATE: {
        if (type.kind() == TypeKind.DOUBLE || type.kind() == TypeKind.REAL) {
          if (!arguments.get(0).type().isNumeric()) {
            throw new QuiverException(ErrorCode.NOT_SUPPORTED, "NEGATE is not supported on " + arguments.get(0).type());
          }
          return new NumericFunctionNode(NumericFunctionNode.Function.NEGATE, castTo(arguments.get(0), type), type, allocator);
        }
        ExpressionNode zero = new ConstantNode(0L, type.kind() == TypeKind.DECIMAL ? DataType.INTEGER : type, allocator);
        return arithmetic(ArithmeticOperator.SUBTRACT, zero, arguments.get(0), type);
      }
      case EQUAL:
      case NOT_EQUAL:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL: {
        ExpressionNode[] pair = comparable(arguments.get(0), arguments.get(1));
        return new ComparisonNode(pair[0], pair[1], Comparison.of(function), ComparisonNode.Mode.STRICT, allocator);
      }
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM:
        return distinct(function == ScalarFunction.IS_DISTINCT_FROM, arguments.get(0), arguments.get(1));
      case AND:
      case OR:
        return new LogicNode(function, booleans(call, arguments), allocator);
      case NOT:
        return new LogicNode(function, booleans(call, arguments), allocator);
      case IS_NULL:
      case IS_NOT_NULL:
        return new LogicNode(function, arguments, allocator);
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE:
        return new LogicNode(function, booleans(call, arguments), allocator);
      case BETWEEN:
        return between(arguments.get(0), arguments.get(1), arguments.get(2));
      case IN:
        return in(arguments);
      case LIKE:
      case NOT_LIKE:
        return like(call, arguments, function == ScalarFunction.NOT_LIKE);
      case CASE:
        return caseWhen(call, arguments, type);
      case COALESCE: {
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
        return explicitCast(arguments.get(0), type);
      case TRY_CAST:
        if (!ValueConversions.canCast(arguments.get(0).type(), type)) {
          throw new QuiverException(ErrorCode.NOT_SUPPORTED, "Cannot cast " + arguments.get(0).type() + " to " + type);
        }
        return new CastNode(arguments.get(0), type, true, allocator);
      case EXTRACT: {
        if (!(arguments.get(0) instanceof ConstantNode unit) || !(unit.value instanceof String unitName)) {
          throw new QuiverException(ErrorCode.NOT_SUPPORTED, "EXTRACT needs a constant field name, got " + arguments.get(0));
        }
        return castTo(new ExtractNode(unitName, arguments.get(1), allocator), type);
      }
      case SUBSTRING: {
        List<ExpressionNode> values = new ArrayList<>();
        values.add(text(call, arguments.get(0)));
        for (int a = 1; a < arguments.size(); a++) {
          values.add(castTo(integer(call, arguments.get(a)), DataType.BIGINT));
        }
        return new TextFunctionNode(TextFunctionNode.Function.SUBSTRING, values, textResult(type), allocator);
      }
      case TRIM:
      case LTRIM:
      case RTRIM:
        if (arguments.size() == 1 && function == ScalarFunction.TRIM) {
          return new TextFunctionNode(TextFunctionNode.Function.TRIM, List.of(text(call, arguments.get(0))), textResult(type), allocator);
        }
        return textEdit(call, arguments, textResult(type), "TT");
      case REPLACE:
        return textEdit(call, arguments, textResult(type), "TTT");
      case LPAD:
      case RPAD:
        return textEdit(call, arguments, textResult(type), "TIT");
      case POSITION: {
        DataType resultType = type.kind() == TypeKind.INTEGER ? DataType.INTEGER : DataType.BIGINT;
        return castTo(textEdit(call, arguments, resultType, "TTI"), type);
      }
      case SQRT:
      case EXP:
      case LN:
      case LOG10:
      case SIGN:
      case POWER:
        return math(call, arguments, type);
      case UPPER:
      case LOWER: {
        TextFunctionNode.Function text = TextFunctionNode.Function.valueOf(function.name());
        return new TextFunctionNode(text, List.of(text(call, arguments.get(0))), textResult(type), allocator);
      }
      case CHAR_LENGTH: {
        DataType resultType = type.kind() == TypeKind.INTEGER ? DataType.INTEGER : DataType.BIGINT;
        ExpressionNode node = new TextFunctionNode(TextFunctionNode.Function.CHAR_LENGTH,
            List.of(text(call, arguments.get(0))), resultType, allocator);
        return castTo(node, type);
      }
      case STRING_CONCAT: {
        List<ExpressionNode> values = new ArrayList<>();
        for (ExpressionNode argument : arguments) {
          values.add(text(call, argument));
        }
        return new TextFunctionNode(TextFunctionNode.Function.CONCAT, values, textResult(type), allocator);
      }
      case ABS:
      case FLOOR:
      case CEIL:
        return numericFunction(call, NumericFunctionNode.Function.valueOf(function.name()), arguments.get(0), type);
      case ROUND:
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
    if (operator == ArithmeticOperator.SUBTRACT && type.kind() == TypeKind.INTERVAL_DAY_TIME
        && leftType.kind() == TypeKind.TIME && rightType.kind() == TypeKind.TIME) {
      return new DateTimeDifferenceNode(left, right, type, allocator);
    }
    if (operator == ArithmeticOperator.SUBTRACT && type.kind() == TypeKind.INTERVAL_DAY_TIME
        && ComparisonKernel.isDateTime(leftType) && ComparisonKernel.isDateTime(rightType)) {
      // A DATE beside a TIMESTAMP is its midnight (PostgreSQL).
      return new DateTimeDifferenceNode(castTo(left, DataType.TIMESTAMP), castTo(right, DataType.TIMESTAMP),
          type, allocator);
    }
    boolean leftTime = leftType.kind() == TypeKind.TIME;
    if ((ComparisonKernel.isDateTime(leftType) || leftTime) && rightInterval
        && (operator == ArithmeticOperator.ADD || operator == ArithmeticOperator.SUBTRACT)) {
      return new DateArithmeticNode(operator == ArithmeticOperator.SUBTRACT, left, right, dateTimeResult(type, leftType), allocator);
    }
    if (leftInterval && (ComparisonKernel.isDateTime(rightType) || rightType.kind() == TypeKind.TIME)
        && operator == ArithmeticOperator.ADD) {
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
    boolean leftNull = CallRules.isNullConstant(left);
    boolean rightNull = CallRules.isNullConstant(right);
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
    if (lowPair[0] != value || highPair[0] != value || CallRules.isNullConstant(low) || CallRules.isNullConstant(high)) {
      // Types differ per bound or a bound is NULL: two comparisons joined by a three-valued AND.
      ExpressionNode lower = CallRules.isNullConstant(low) ? new ConstantNode(null, DataType.BOOLEAN, allocator)
          : new ComparisonNode(lowPair[0], lowPair[1], Comparison.GREATER_THAN_OR_EQUAL, ComparisonNode.Mode.STRICT, allocator);
      ExpressionNode upper = CallRules.isNullConstant(high) ? new ConstantNode(null, DataType.BOOLEAN, allocator)
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
      if (!CallRules.isNullConstant(candidate)) {
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
    if (onlyNulls && value instanceof ConstantNode) {
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

  /**
   * CAST as written in SQL: like the implicit casts, plus the length of CHAR(n) and VARCHAR(n):
   * longer text is cut to n characters (as PostgreSQL does for explicit casts) and CHAR values drop
   * trailing spaces (CHAR is stored unpadded).
   */
  private ExpressionNode explicitCast(ExpressionNode value, DataType type) {
    ExpressionNode converted = castTo(value, type);
    if (!type.isText() || converted.type().kind() == TypeKind.NULL) {
      return converted;
    }
    DataType from = value.type();
    boolean fits = type.precision() < 0 || (from.isText() && from.precision() >= 0 && from.precision() <= type.precision());
    boolean padded = type.kind() == TypeKind.CHAR && from.kind() != TypeKind.CHAR;
    if (fits && !padded) {
      return converted;
    }
    int length = type.precision();
    boolean character = type.kind() == TypeKind.CHAR;
    RowFunctionNode.RowFunction fit = values -> {
      String text = (String) values[0];
      if (length >= 0 && text.codePointCount(0, text.length()) > length) {
        text = text.substring(0, text.offsetByCodePoints(0, length));
      }
      return character ? text.replaceAll(" +$", "") : text;
    };
    return new RowFunctionNode("CAST", fit, List.of(converted), type, allocator);
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

  /** DOUBLE functions: every argument becomes DOUBLE; SIGN's result is cast back to the call's type. */
  private ExpressionNode math(Call call, List<ExpressionNode> arguments, DataType type) {
    List<ExpressionNode> values = new ArrayList<>();
    for (ExpressionNode argument : arguments) {
      if (!argument.type().isNumeric()) {
        throw new QuiverException(ErrorCode.TYPE_MISMATCH,
            call.function() + " needs a numeric argument, got " + argument.type());
      }
      values.add(castTo(argument, DataType.DOUBLE));
    }
    MathFunctionNode.Function math = MathFunctionNode.Function.valueOf(call.function());
    return castTo(new MathFunctionNode(math, values, allocator), type);
  }

  /**
   * Text functions of {@link TextEditNode}; {@code kinds} names each argument's kind in order, T
   * text and I integer (cast to BIGINT).
   */
  private ExpressionNode textEdit(Call call, List<ExpressionNode> arguments, DataType type, String kinds) {
    List<ExpressionNode> values = new ArrayList<>();
    for (int a = 0; a < arguments.size(); a++) {
      ExpressionNode argument = arguments.get(a);
      values.add(kinds.charAt(a) == 'I' ? castTo(integer(call, argument), DataType.BIGINT) : text(call, argument));
    }
    TextEditNode.Function function = TextEditNode.Function.valueOf(call.function());
    return new TextEditNode(function, values, type, allocator);
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

  /** Replaces a call whose arguments are all constants by its value, unless evaluating it fails. */
  private ExpressionNode fold(ExpressionNode node, List<ExpressionNode> arguments) {
    if (node instanceof ConstantNode || arguments.isEmpty()) {
      return node;
    }
    for (ExpressionNode argument : arguments) {
      if (!CallRules.isConstantTree(argument)) {
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
}
