package io.quiver.exec.operator.aggregate;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x) (DOUBLE, interpolated between the two nearest values
 * at position f * (n - 1)), MEDIAN(x) (= PERCENTILE_CONT(0.5)), and PERCENTILE_DISC(f) WITHIN GROUP
 * (ORDER BY x) (the first value whose cumulative distribution reaches f, of x's type). NULL values
 * are ignored; NULL for a group without values. f is read from the group's first row and must lie
 * in [0, 1] (22003 otherwise, as PostgreSQL). Arguments in the fragment: x, then f (absent for
 * MEDIAN); the ORDER BY direction is the call's. A SINGLE step only; DISTINCT is not allowed.
 */
final class PercentileAggregate implements AggregateDefinition {

  private final AggregateFunction function;

  PercentileAggregate(AggregateFunction function) {
    this.function = function;
  }

  @Override
  public AggregateFunction function() {
    return function;
  }

  @Override
  public List<String> sqlNames() {
    return function == AggregateFunction.PERCENTILE_CONT ? List.of("PERCENTILE_CONT", "MEDIAN")
        : List.of("PERCENTILE_DISC");
  }

  @Override
  public boolean splittable() {
    return false;
  }

  @Override
  public List<DataType> intermediateTypes(DataType argumentType, DataType resultType) {
    throw new IllegalStateException(function + " has no intermediate columns");
  }

  @Override
  public DataType resultType(List<DataType> argumentTypes) {
    return function == AggregateFunction.PERCENTILE_CONT ? DataType.DOUBLE : argumentTypes.get(0);
  }

  @Override
  public boolean allowsDistinct() {
    return false;
  }

  @Override
  public Accumulator accumulator(AggregateCall call, AggregateStep step, BufferAllocator allocator) {
    if (call.arguments().isEmpty() || call.arguments().size() > 2) {
      AggregateDefinitions.checkArguments(call, step, 2);
    }
    return new PercentileAccumulator(call, function == AggregateFunction.PERCENTILE_CONT, allocator);
  }
}
