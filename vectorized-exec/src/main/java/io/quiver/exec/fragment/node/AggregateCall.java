package io.quiver.exec.fragment.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quiver.exec.type.DataType;
import java.util.List;

/**
 * One aggregate of an {@link AggregateNode}.
 *
 * @param function the function
 * @param arguments input column ordinals: for SINGLE and PARTIAL steps the argument columns of the
 *     input (empty for count(*); for STRING_AGG the value and the separator; for PERCENTILE_CONT and
 *     PERCENTILE_DISC the ordered value and the fraction); for the FINAL step the ordinals of this
 *     call's intermediate columns in the input (as many as {@link AggregateFunction#intermediateTypes}
 *     gives)
 * @param distinct true for an aggregate over DISTINCT values (the planner rewrites these; the
 *     executor refuses them)
 * @param argumentType the type of the original (first) argument (for count(*): BIGINT)
 * @param resultType the type of the final result
 * @param name the output column name
 * @param filter the input column of the call's FILTER (WHERE ...) condition (BOOLEAN; only rows
 *     where it is TRUE count), or -1 without one; SINGLE and PARTIAL steps only
 * @param orderBy the ORDER BY inside the call (STRING_AGG) over input columns; empty otherwise
 */
public record AggregateCall(AggregateFunction function, List<Integer> arguments, boolean distinct,
    DataType argumentType, DataType resultType, String name, int filter, List<SortKey> orderBy) {

  public AggregateCall {
    arguments = List.copyOf(arguments);
    orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
  }

  /** A call without FILTER and ORDER BY. */
  public AggregateCall(AggregateFunction function, List<Integer> arguments, boolean distinct,
      DataType argumentType, DataType resultType, String name) {
    this(function, arguments, distinct, argumentType, resultType, name, -1, List.of());
  }

  /** True when the call has a FILTER (WHERE ...) condition. */
  @JsonIgnore
  public boolean hasFilter() {
    return filter >= 0;
  }
}
