package io.quiver.planner.physical;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.type.DataType;
import io.quiver.planner.fragment.TypeMapping;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/**
 * One aggregate of a physical aggregate, in the terms of the original (logical) aggregate: its
 * arguments are columns of the aggregate's original input, whatever step the physical node is.
 *
 * @param function the Quiver aggregate function
 * @param arguments ordinals in the original input (empty for count(*))
 * @param distinct over DISTINCT values
 * @param argumentType the argument's type (null for count(*))
 * @param resultType the final result type
 * @param name the result column name
 */
public record AggregateCallSpec(AggregateFunction function, List<Integer> arguments, boolean distinct,
    RelDataType argumentType, RelDataType resultType, String name) {

  public AggregateCallSpec {
    arguments = List.copyOf(arguments);
  }

  /**
   * @throws QuiverException NOT_SUPPORTED for aggregate functions or forms the executor lacks
   */
  public static AggregateCallSpec of(AggregateCall call, RelDataType inputRowType, String name) {
    if (call.filterArg >= 0) {
      throw unsupported("Aggregate FILTER (WHERE ...) in " + call);
    }
    if (!call.collation.getFieldCollations().isEmpty()) {
      throw unsupported("Aggregate WITHIN GROUP (ORDER BY ...) in " + call);
    }
    AggregateFunction function;
    switch (call.getAggregation().getKind()) {
      case COUNT:
        function = AggregateFunction.COUNT;
        if (call.getArgList().size() > 1) {
          throw unsupported("COUNT of several columns");
        }
        break;
      case SUM:
      case SUM0:
        function = AggregateFunction.SUM;
        break;
      case AVG:
        function = AggregateFunction.AVG;
        break;
      case MIN:
        function = AggregateFunction.MIN;
        break;
      case MAX:
        function = AggregateFunction.MAX;
        break;
      default:
        throw unsupported("Aggregate function " + call.getAggregation().getName());
    }
    RelDataType argumentType = call.getArgList().isEmpty()
        ? null
        : inputRowType.getFieldList().get(call.getArgList().get(0)).getType();
    return new AggregateCallSpec(function, call.getArgList(), call.isDistinct(), argumentType,
        call.getType(), name);
  }

  public DataType argumentDataType() {
    return argumentType == null ? DataType.BIGINT : TypeMapping.toDataType(argumentType);
  }

  public DataType resultDataType() {
    return TypeMapping.toDataType(resultType);
  }

  /** The columns a PARTIAL step emits for this call and a FINAL step reads. */
  public List<DataType> intermediateTypes() {
    return function.intermediateTypes(argumentDataType(), resultDataType());
  }

  private static QuiverException unsupported(String what) {
    return new QuiverException(ErrorCode.NOT_SUPPORTED, what + " is not supported");
  }
}
