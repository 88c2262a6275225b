package io.quiver.exec.operator.aggregate;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateStep;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/** Every aggregate function's definition, by fragment name and by SQL name. */
public final class AggregateDefinitions {

  private static final List<AggregateDefinition> ALL = List.of(
      new CountAggregate(),
      new SumAggregate(AggregateFunction.SUM),
      new SumAggregate(AggregateFunction.AVG),
      new MinMaxAggregate(AggregateFunction.MIN),
      new MinMaxAggregate(AggregateFunction.MAX),
      new VarianceAggregate(AggregateFunction.VAR_POP),
      new VarianceAggregate(AggregateFunction.VAR_SAMP),
      new VarianceAggregate(AggregateFunction.STDDEV_POP),
      new VarianceAggregate(AggregateFunction.STDDEV_SAMP),
      new CovarianceAggregate(AggregateFunction.COVAR_POP),
      new CovarianceAggregate(AggregateFunction.COVAR_SAMP),
      new CovarianceAggregate(AggregateFunction.CORR),
      new StringAggAggregate(),
      new PercentileAggregate(AggregateFunction.PERCENTILE_CONT),
      new PercentileAggregate(AggregateFunction.PERCENTILE_DISC),
      new ApproxCountDistinctAggregate());

  private static final Map<AggregateFunction, AggregateDefinition> BY_FUNCTION = new EnumMap<>(AggregateFunction.class);
  private static final Map<String, AggregateDefinition> BY_NAME = new HashMap<>();

  static {
    for (AggregateDefinition definition : ALL) {
      BY_FUNCTION.put(definition.function(), definition);
      for (String name : definition.sqlNames()) {
        if (BY_NAME.put(name, definition) != null) {
          throw new IllegalStateException("two aggregates named " + name);
        }
      }
    }
    for (AggregateFunction function : AggregateFunction.values()) {
      if (!BY_FUNCTION.containsKey(function)) {
        throw new IllegalStateException("no definition of aggregate " + function);
      }
    }
  }

  private AggregateDefinitions() {
  }

  public static AggregateDefinition of(AggregateFunction function) {
    return BY_FUNCTION.get(function);
  }

  /** The definition a SQL aggregate name (any case) means, if Quiver runs it. */
  public static Optional<AggregateDefinition> bySqlName(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toUpperCase(Locale.ROOT)));
  }

  /** Every definition, in a stable order. */
  public static List<AggregateDefinition> all() {
    return ALL;
  }

  /** Every SQL name of an aggregate that runs, sorted. */
  public static List<String> sqlNames() {
    List<String> names = new ArrayList<>(BY_NAME.keySet());
    names.sort(null);
    return names;
  }

  /**
   * The accumulator of one call in one step: the definition's, restricted to the rows of the call's
   * FILTER (WHERE ...) where it has one (SINGLE and PARTIAL steps; a FINAL step merges rows the
   * filter has already chosen).
   */
  static Accumulator accumulator(AggregateCall call, AggregateStep step, BufferAllocator allocator) {
    if (call.distinct()) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "aggregate " + call.function()
          + "(DISTINCT ...) is not executed directly; the planner rewrites it");
    }
    AggregateDefinition definition = of(call.function());
    if (step != AggregateStep.SINGLE && !definition.splittable()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "aggregate " + call.function()
          + " cannot run as a " + step + " step");
    }
    Accumulator accumulator = definition.accumulator(call, step, allocator);
    if (call.hasFilter() && step != AggregateStep.FINAL) {
      return new FilteredAccumulator(accumulator, call.filter(), allocator);
    }
    return accumulator;
  }

  static QuiverException unsupported(AggregateCall call) {
    return new QuiverException(ErrorCode.NOT_SUPPORTED,
        "aggregate " + call.function() + " over " + call.argumentType() + " is not supported");
  }

  /** Checks that a call has the number of input columns its step needs. */
  static void checkArguments(AggregateCall call, AggregateStep step, int rawArguments) {
    int expected = step == AggregateStep.FINAL
        ? call.function().intermediateTypes(call.argumentType(), call.resultType()).size() : rawArguments;
    if (call.arguments().size() != expected) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "aggregate " + call.name() + " (" + call.function()
          + ", " + step + ") expects " + expected + " input columns, has " + call.arguments());
    }
  }
}
