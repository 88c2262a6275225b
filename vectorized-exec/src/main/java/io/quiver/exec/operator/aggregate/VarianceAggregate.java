package io.quiver.exec.operator.aggregate;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * VAR_POP, VAR_SAMP (VARIANCE), STDDEV_POP and STDDEV_SAMP (STDDEV) of any numeric argument, as
 * DOUBLE (the standard makes these approximate numeric). Computed in a numerically stable way:
 * Welford's update per value, Chan's pairwise merge of partial states. Intermediate: the count
 * (BIGINT), the mean and the sum of squared deviations from it (DOUBLE). NULL for no values; the
 * sample forms are NULL for one value.
 */
final class VarianceAggregate implements AggregateDefinition {

  private final AggregateFunction function;

  VarianceAggregate(AggregateFunction function) {
    this.function = function;
  }

  @Override
  public AggregateFunction function() {
    return function;
  }

  @Override
  public List<String> sqlNames() {
    switch (function) {
      case VAR_POP:
        return List.of("VAR_POP");
      case VAR_SAMP:
        return List.of("VAR_SAMP", "VARIANCE");
      case STDDEV_POP:
        return List.of("STDDEV_POP");
      default:
        return List.of("STDDEV_SAMP", "STDDEV");
    }
  }

  @Override
  public boolean splittable() {
    return true;
  }

  @Override
  public List<DataType> intermediateTypes(DataType argumentType, DataType resultType) {
    return List.of(DataType.BIGINT, DataType.DOUBLE, DataType.DOUBLE);
  }

  @Override
  public boolean intermediateNullable(int index) {
    return index != 0;
  }

  @Override
  public DataType resultType(List<DataType> argumentTypes) {
    return DataType.DOUBLE;
  }

  @Override
  public Accumulator accumulator(AggregateCall call, AggregateStep step, BufferAllocator allocator) {
    AggregateDefinitions.checkArguments(call, step, 1);
    boolean sample = function == AggregateFunction.VAR_SAMP || function == AggregateFunction.STDDEV_SAMP;
    boolean root = function == AggregateFunction.STDDEV_POP || function == AggregateFunction.STDDEV_SAMP;
    return new VarianceAccumulator(call.arguments(), step == AggregateStep.FINAL, sample, root, allocator,
        call.function().name().toLowerCase(java.util.Locale.ROOT));
  }
}
