package io.quiver.exec.operator.aggregate;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * SUM and AVG. SUM of integers is BIGINT (overflow is an error), of DECIMAL(p, s) DECIMAL(38, s)
 * (exact), of REAL/DOUBLE DOUBLE; intermediate: the partial sum. AVG of integers is DOUBLE, of
 * DECIMAL(p, s) DECIMAL(p + 4, s + 4) rounded half up; intermediate: the running sum
 * ({@link #avgSumType}) and the count.
 */
public final class SumAggregate implements AggregateDefinition {

  private final AggregateFunction function;

  SumAggregate(AggregateFunction function) {
    this.function = function;
  }

  /** The running-sum type of AVG: DECIMAL(38, s) for decimals, BIGINT for integers, else DOUBLE. */
  public static DataType avgSumType(DataType argumentType) {
    if (argumentType.kind() == TypeKind.DECIMAL) {
      return DataType.decimal(DataType.MAX_DECIMAL_PRECISION, argumentType.scale());
    }
    if (argumentType.isInteger()) {
      return DataType.BIGINT;
    }
    return DataType.DOUBLE;
  }

  private boolean average() {
    return function == AggregateFunction.AVG;
  }

  @Override
  public AggregateFunction function() {
    return function;
  }

  @Override
  public List<String> sqlNames() {
    return average() ? List.of("AVG") : List.of("SUM");
  }

  @Override
  public boolean splittable() {
    return true;
  }

  @Override
  public List<DataType> intermediateTypes(DataType argumentType, DataType resultType) {
    return average() ? List.of(avgSumType(argumentType), DataType.BIGINT) : List.of(resultType);
  }

  @Override
  public boolean intermediateNullable(int index) {
    return !(average() && index == 1);
  }

  @Override
  public DataType resultType(List<DataType> argumentTypes) {
    DataType argument = argumentTypes.get(0);
    if (argument.kind() == TypeKind.DECIMAL) {
      return average()
          ? DataType.decimal(Math.min(38, argument.precision() + 4), Math.min(38, argument.scale() + 4))
          : DataType.decimal(DataType.MAX_DECIMAL_PRECISION, argument.scale());
    }
    if (argument.isInteger()) {
      return average() ? DataType.DOUBLE : DataType.BIGINT;
    }
    return DataType.DOUBLE;
  }

  @Override
  public Accumulator accumulator(AggregateCall call, AggregateStep step, BufferAllocator allocator) {
    AggregateDefinitions.checkArguments(call, step, 1);
    boolean merge = step == AggregateStep.FINAL;
    DataType argument = call.argumentType();
    int channel = call.arguments().get(0);
    int countChannel = merge && average() ? call.arguments().get(1) : -1;
    if (argument.isInteger() || argument.kind() == TypeKind.NULL) {
      return new LongSumAccumulator(average(), channel, countChannel);
    }
    if (argument.kind() == TypeKind.REAL || argument.kind() == TypeKind.DOUBLE) {
      return new DoubleSumAccumulator(average(), channel, countChannel);
    }
    if (argument.kind() == TypeKind.DECIMAL) {
      return new DecimalSumAccumulator(average(), channel, countChannel, argument.scale());
    }
    throw AggregateDefinitions.unsupported(call);
  }
}
