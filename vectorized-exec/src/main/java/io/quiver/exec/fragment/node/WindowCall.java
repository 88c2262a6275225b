package io.quiver.exec.fragment.node;

import io.quiver.exec.type.DataType;
import java.util.List;

/**
 * One function of a {@link WindowNode}.
 *
 * @param function the function
 * @param aggregate for {@link WindowFunction#AGGREGATE}, the aggregate; null otherwise
 * @param arguments input column ordinals: the value (LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE),
 *     then for LAG and LEAD optionally the default (of the result type); the aggregate's argument
 *     (none for count(*)); none for the ranking functions
 * @param parameter the integer constant of NTILE (buckets), LAG and LEAD (offset; negative turns LAG
 *     into LEAD) and NTH_VALUE (n); null when that constant is SQL NULL (every result is NULL);
 *     ignored by the other functions
 * @param frame the rows each row's value is computed over (value functions and aggregates)
 * @param ignoreNulls IGNORE NULLS: value functions skip rows whose value is NULL
 * @param argumentType the type of the first argument; null when there is none
 * @param resultType the type of the result column
 * @param name the result column's name
 */
public record WindowCall(WindowFunction function, AggregateFunction aggregate, List<Integer> arguments,
    Long parameter, WindowFrame frame, boolean ignoreNulls, DataType argumentType, DataType resultType,
    String name) {

  public WindowCall {
    arguments = List.copyOf(arguments);
    if ((function == WindowFunction.AGGREGATE) != (aggregate != null)) {
      throw new IllegalArgumentException("an aggregate is given exactly for WindowFunction.AGGREGATE");
    }
  }

  /** A call without aggregate, parameter or IGNORE NULLS, over the default frame. */
  public static WindowCall of(WindowFunction function, List<Integer> arguments, DataType argumentType,
      DataType resultType, String name) {
    return new WindowCall(function, null, arguments, null, WindowFrame.DEFAULT, false, argumentType, resultType, name);
  }

  /** An aggregate over a frame. */
  public static WindowCall aggregate(AggregateFunction aggregate, List<Integer> arguments, WindowFrame frame,
      DataType argumentType, DataType resultType, String name) {
    return new WindowCall(WindowFunction.AGGREGATE, aggregate, arguments, null, frame, false, argumentType,
        resultType, name);
  }

  /** SQL-like text, for EXPLAIN and error messages: {@code sum($2) ROWS BETWEEN ...}. */
  public String describe() {
    String functionName = (function == WindowFunction.AGGREGATE ? aggregate.name() : function.name())
        .toLowerCase(java.util.Locale.ROOT);
    StringBuilder text = new StringBuilder(functionName).append('(');
    if (function == WindowFunction.AGGREGATE && arguments.isEmpty()) {
      text.append('*');
    }
    for (int i = 0; i < arguments.size(); i++) {
      text.append(i == 0 ? "" : ", ").append('$').append(arguments.get(i));
      if (i == 0 && function.hasParameter() && function != WindowFunction.NTILE) {
        text.append(", ").append(parameter);
      }
    }
    if (function == WindowFunction.NTILE) {
      text.append(parameter);
    }
    text.append(')');
    if (ignoreNulls) {
      text.append(" IGNORE NULLS");
    }
    if (function.usesFrame()) {
      text.append(' ').append(frame);
    }
    return text.toString();
  }
}
