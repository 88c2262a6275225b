package io.quiver.exec.fragment.node;

import io.quiver.exec.type.DataType;
import java.util.List;

/**
 * One aggregate of an {@link AggregateNode}.
 *
 * @param function the function
 * @param arguments input column ordinals: for SINGLE and PARTIAL steps the argument columns of the
 *     input (empty for count(*)); for the FINAL step the ordinals of this call's intermediate columns
 *     in the input (as many as {@link AggregateFunction#intermediateTypes} gives)
 * @param distinct true for an aggregate over DISTINCT values (SINGLE step only)
 * @param argumentType the type of the original argument (for count(*): BIGINT)
 * @param resultType the type of the final result
 * @param name the output column name
 */
public record AggregateCall(AggregateFunction function, List<Integer> arguments, boolean distinct,
    DataType argumentType, DataType resultType, String name) {

  public AggregateCall {
    arguments = List.copyOf(arguments);
  }
}
