package io.quiver.exec.operator.aggregate;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * COVAR_POP(y, x), COVAR_SAMP(y, x) and CORR(y, x) over the rows where both arguments are not NULL,
 * as DOUBLE, computed with the co-moment form of Welford's update and Chan's merge. Intermediate:
 * count (BIGINT), mean of y, mean of x, co-moment, and the two M2 sums (DOUBLE). NULL for no rows;
 * COVAR_SAMP for one row; CORR when either argument does not vary. DISTINCT is not allowed (the
 * standard gives binary set functions no set quantifier).
 */
final class CovarianceAggregate implements AggregateDefinition {

  private final AggregateFunction function;

  CovarianceAggregate(AggregateFunction function) {
    this.function = function;
  }

  @Override
  public AggregateFunction function() {
    return function;
  }

  @Override
  public List<String> sqlNames() {
    return List.of(function.name());
  }

  @Override
  public boolean splittable() {
    return true;
  }

  @Override
  public List<DataType> intermediateTypes(DataType argumentType, DataType resultType) {
    return List.of(DataType.BIGINT, DataType.DOUBLE, DataType.DOUBLE, DataType.DOUBLE, DataType.DOUBLE,
        DataType.DOUBLE);
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
  public boolean allowsDistinct() {
    return false;
  }

  @Override
  public Accumulator accumulator(AggregateCall call, AggregateStep step, BufferAllocator allocator) {
    AggregateDefinitions.checkArguments(call, step, 2);
    return new CovarianceAccumulator(call.arguments(), step == AggregateStep.FINAL, function, allocator);
  }
}
