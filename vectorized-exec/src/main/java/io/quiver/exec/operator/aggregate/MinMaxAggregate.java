package io.quiver.exec.operator.aggregate;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * MIN and MAX over any comparable type; the result and the intermediate column have the argument's
 * type. Over BOOLEAN, MIN is EVERY/BOOL_AND and MAX is SOME/BOOL_OR (FALSE orders before TRUE).
 * ANY_VALUE is MIN: any value of the group is allowed, and the least one makes the answer
 * repeatable.
 */
final class MinMaxAggregate implements AggregateDefinition {

  private final AggregateFunction function;

  MinMaxAggregate(AggregateFunction function) {
    this.function = function;
  }

  @Override
  public AggregateFunction function() {
    return function;
  }

  @Override
  public List<String> sqlNames() {
    return function == AggregateFunction.MAX ? List.of("MAX", "SOME", "BOOL_OR", "LOGICAL_OR")
        : List.of("MIN", "EVERY", "BOOL_AND", "LOGICAL_AND", "ANY_VALUE");
  }

  @Override
  public boolean splittable() {
    return true;
  }

  @Override
  public List<DataType> intermediateTypes(DataType argumentType, DataType resultType) {
    return List.of(resultType);
  }

  @Override
  public DataType resultType(List<DataType> argumentTypes) {
    return argumentTypes.get(0);
  }

  @Override
  public Accumulator accumulator(AggregateCall call, AggregateStep step, BufferAllocator allocator) {
    AggregateDefinitions.checkArguments(call, step, 1);
    boolean max = function == AggregateFunction.MAX;
    int channel = call.arguments().get(0);
    switch (call.argumentType().kind()) {
      case BOOLEAN:
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DATE:
      case TIME:
      case TIMESTAMP:
      case INTERVAL_DAY_TIME:
      case INTERVAL_YEAR_MONTH:
        return new LongMinMaxAccumulator(max, channel);
      case REAL:
      case DOUBLE:
        return new DoubleMinMaxAccumulator(max, channel);
      case DECIMAL:
        return new DecimalMinMaxAccumulator(max, channel);
      case CHAR:
      case VARCHAR:
      case VARBINARY:
        return new BytesMinMaxAccumulator(max, channel);
      default:
        throw AggregateDefinitions.unsupported(call);
    }
  }
}
