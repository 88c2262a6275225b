package io.quiver.exec.operator.aggregate;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Everything about one aggregate function in one place: the SQL names that mean it, the
 * intermediate columns its PARTIAL step emits and its FINAL step reads, whether it splits into
 * those steps at all, the type of its result, and the accumulator that computes it. The planner
 * maps a call to a definition by SQL name ({@link AggregateDefinitions#bySqlName}); the executor
 * builds accumulators from the same definition. A function registry can list these as they are.
 */
public interface AggregateDefinition {

  /** The fragment's name of the function. */
  AggregateFunction function();

  /** The SQL names (upper case) that mean this function. */
  List<String> sqlNames();

  /**
   * True when a PARTIAL step per partition and a FINAL step over the exchanged intermediate
   * columns compute it; false when it needs all rows of a group at once (a SINGLE step).
   */
  boolean splittable();

  /** The intermediate columns (for splittable functions; otherwise never asked). */
  List<DataType> intermediateTypes(DataType argumentType, DataType resultType);

  /** Whether intermediate column {@code index} may be NULL. */
  default boolean intermediateNullable(int index) {
    return true;
  }

  /**
   * The result type for arguments of these types, as the executor computes it (the planner keeps the
   * validator's type, which follows the same rule: {@code sql-frontend/README.md}).
   */
  DataType resultType(List<DataType> argumentTypes);

  /** Whether {@code DISTINCT} may be written in a call of this function. */
  default boolean allowsDistinct() {
    return true;
  }

  /**
   * The accumulator of one call in one step. New state is charged to {@code allocator} or lives in
   * its buffers; the accumulator releases it on {@link Accumulator#close}.
   */
  Accumulator accumulator(AggregateCall call, AggregateStep step, BufferAllocator allocator);
}
