package io.quiver.exec.operator.aggregate;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * STRING_AGG(value, separator [ORDER BY ...]) and LISTAGG(value[, separator]) WITHIN GROUP (ORDER BY
 * ...): the non-NULL values of a group joined into one VARCHAR, each after the separator of its own
 * row except the first (PostgreSQL); in the ORDER BY order, otherwise in an order that depends on
 * how rows arrive; LISTAGG(value) without a separator joins with a comma. NULL for a group
 * without values. A SINGLE step only (the order needs every
 * value of a group at once).
 */
final class StringAggAggregate implements AggregateDefinition {

  @Override
  public AggregateFunction function() {
    return AggregateFunction.STRING_AGG;
  }

  @Override
  public List<String> sqlNames() {
    return List.of("STRING_AGG", "LISTAGG");
  }

  @Override
  public boolean splittable() {
    return false;
  }

  @Override
  public List<DataType> intermediateTypes(DataType argumentType, DataType resultType) {
    throw new IllegalStateException("STRING_AGG has no intermediate columns");
  }

  @Override
  public DataType resultType(List<DataType> argumentTypes) {
    return DataType.VARCHAR;
  }

  @Override
  public Accumulator accumulator(AggregateCall call, AggregateStep step, BufferAllocator allocator) {
    if (call.arguments().size() != 1 && call.arguments().size() != 2) {
      AggregateDefinitions.checkArguments(call, step, 2);
    }
    return new StringAggAccumulator(call, allocator);
  }
}
