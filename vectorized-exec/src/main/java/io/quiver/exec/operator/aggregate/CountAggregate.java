package io.quiver.exec.operator.aggregate;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** COUNT(*) and COUNT(x): BIGINT, 0 for no rows; intermediate: the partial count. */
final class CountAggregate implements AggregateDefinition {

  @Override
  public AggregateFunction function() {
    return AggregateFunction.COUNT;
  }

  @Override
  public List<String> sqlNames() {
    return List.of("COUNT");
  }

  @Override
  public boolean splittable() {
    return true;
  }

  @Override
  public List<DataType> intermediateTypes(DataType argumentType, DataType resultType) {
    return List.of(DataType.BIGINT);
  }

  @Override
  public boolean intermediateNullable(int index) {
    return false;
  }

  @Override
  public DataType resultType(List<DataType> argumentTypes) {
    return DataType.BIGINT;
  }

  @Override
  public Accumulator accumulator(AggregateCall call, AggregateStep step, BufferAllocator allocator) {
    if (step == AggregateStep.FINAL || !call.arguments().isEmpty()) {
      AggregateDefinitions.checkArguments(call, step, 1);
    }
    return new CountAccumulator(call.arguments().isEmpty() ? -1 : call.arguments().get(0),
        step == AggregateStep.FINAL);
  }
}
