package io.quiver.exec.operator.aggregate;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * APPROX_COUNT_DISTINCT(x): the number of distinct non-NULL values, estimated with a HyperLogLog
 * sketch of 2^11 registers per group (standard error about 2.3%, as Trino's approx_distinct; small
 * counts, through linear counting, within about 1%). BIGINT, 0 for no values.
 * Intermediate: the sketch's registers (VARBINARY), merged register by register.
 */
final class ApproxCountDistinctAggregate implements AggregateDefinition {

  /** log2 of the register count. */
  static final int PRECISION = 11;

  @Override
  public AggregateFunction function() {
    return AggregateFunction.APPROX_COUNT_DISTINCT;
  }

  @Override
  public List<String> sqlNames() {
    return List.of("APPROX_COUNT_DISTINCT", "APPROX_DISTINCT");
  }

  @Override
  public boolean splittable() {
    return true;
  }

  @Override
  public List<DataType> intermediateTypes(DataType argumentType, DataType resultType) {
    return List.of(DataType.VARBINARY);
  }

  @Override
  public DataType resultType(List<DataType> argumentTypes) {
    return DataType.BIGINT;
  }

  @Override
  public Accumulator accumulator(AggregateCall call, AggregateStep step, BufferAllocator allocator) {
    AggregateDefinitions.checkArguments(call, step, 1);
    return new HyperLogLogAccumulator(call.arguments().get(0), step == AggregateStep.FINAL, allocator);
  }
}
