package io.quiver.planner.physical;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.operator.aggregate.AggregateDefinition;
import io.quiver.exec.operator.aggregate.AggregateDefinitions;
import io.quiver.exec.type.DataType;
import io.quiver.planner.fragment.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;

/**
 * One aggregate of a physical aggregate, in the terms of the original (logical) aggregate: its
 * arguments, filter and ORDER BY are columns of the aggregate's original input, whatever step the
 * physical node is.
 *
 * @param function the Quiver aggregate function
 * @param arguments ordinals in the original input (empty for count(*)); for PERCENTILE_CONT and
 *     PERCENTILE_DISC the ordered column first, then the fraction
 * @param distinct over DISTINCT values
 * @param argumentType the (first) argument's type (null for count(*))
 * @param resultType the final result type
 * @param name the result column name
 * @param filter the FILTER (WHERE ...) column, or -1
 * @param orderBy the ORDER BY inside the call (WITHIN GROUP), over the original input
 */
public record AggregateCallSpec(AggregateFunction function, List<Integer> arguments, boolean distinct,
    RelDataType argumentType, RelDataType resultType, String name, int filter, List<SortKey> orderBy) {

  public AggregateCallSpec {
    arguments = List.copyOf(arguments);
    orderBy = List.copyOf(orderBy);
  }

  /**
   * @throws QuiverException NOT_SUPPORTED for aggregate functions or forms the executor lacks
   */
  public static AggregateCallSpec of(AggregateCall call, RelDataType inputRowType, String name) {
    String sqlName = call.getAggregation().getName();
    // ($SUM0 is rewritten to SUM in the logical phase: see Sum0ToSumRule.)
    AggregateDefinition definition = AggregateDefinitions.bySqlName(sqlName)
        .orElseThrow(() -> unsupported("Aggregate function " + sqlName));
    AggregateFunction function = definition.function();
    if (function == AggregateFunction.COUNT && call.getArgList().size() > 1) {
      throw unsupported("COUNT of several columns");
    }
    if (call.getAggregation().getKind() == SqlKind.SINGLE_VALUE) {
      throw unsupported("Aggregate function " + sqlName);
    }
    List<Integer> arguments = new ArrayList<>(call.getArgList());
    List<SortKey> orderBy = SortKeys.of(call.collation);
    boolean ordered = function == AggregateFunction.PERCENTILE_CONT || function == AggregateFunction.PERCENTILE_DISC;
    if (ordered && !orderBy.isEmpty()) {
      // PERCENTILE_x(f) WITHIN GROUP (ORDER BY v): the executor reads v first, then f.
      if (orderBy.size() != 1) {
        throw unsupported(sqlName + " WITHIN GROUP over several columns");
      }
      arguments.add(0, orderBy.get(0).column());
    } else if (ordered && arguments.size() != 1) {
      throw unsupported(sqlName + " without WITHIN GROUP (ORDER BY ...)");
    } else if (!orderBy.isEmpty() && function != AggregateFunction.STRING_AGG) {
      throw unsupported("Aggregate WITHIN GROUP (ORDER BY ...) in " + call);
    }
    RelDataType argumentType = arguments.isEmpty()
        ? null
        : inputRowType.getFieldList().get(arguments.get(0)).getType();
    return new AggregateCallSpec(function, arguments, call.isDistinct(), argumentType, call.getType(), name,
        call.filterArg, orderBy);
  }

  public DataType argumentDataType() {
    return argumentType == null ? DataType.BIGINT : TypeMapping.toDataType(argumentType);
  }

  public DataType resultDataType() {
    return TypeMapping.toDataType(resultType);
  }

  public boolean splittable() {
    return function.splittable();
  }

  /** The columns a PARTIAL step emits for this call and a FINAL step reads. */
  public List<DataType> intermediateTypes() {
    return function.intermediateTypes(argumentDataType(), resultDataType());
  }

  /** Whether intermediate column {@code index} may be NULL. */
  public boolean intermediateNullable(int index) {
    return AggregateDefinitions.of(function).intermediateNullable(index);
  }

  /** The input columns the call reads in a SINGLE or PARTIAL step: arguments, ORDER BY, filter. */
  public List<Integer> inputColumns() {
    List<Integer> columns = new ArrayList<>(arguments);
    orderBy.forEach(key -> columns.add(key.column()));
    if (filter >= 0) {
      columns.add(filter);
    }
    return columns;
  }

  private static QuiverException unsupported(String what) {
    return new QuiverException(ErrorCode.NOT_SUPPORTED, what + " is not supported");
  }
}
