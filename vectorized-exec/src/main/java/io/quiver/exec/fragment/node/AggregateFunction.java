package io.quiver.exec.fragment.node;

import io.quiver.exec.operator.aggregate.AggregateDefinitions;
import io.quiver.exec.type.DataType;
import java.util.List;

/**
 * The aggregate functions a fragment can name. Each is defined once, with its SQL names, its
 * intermediate columns, whether it splits into PARTIAL and FINAL steps, its result type rule and
 * its accumulator, by an {@link io.quiver.exec.operator.aggregate.AggregateDefinition} that
 * {@link AggregateDefinitions} finds; this enum is only the name that travels in fragments.
 */
public enum AggregateFunction {
  /** count(*) when it has no argument, count(x) (non-NULL x) otherwise. Result BIGINT. */
  COUNT,
  SUM,
  AVG,
  /** Also EVERY, BOOL_AND and ANY_VALUE (the least value). */
  MIN,
  /** Also SOME, BOOL_OR. */
  MAX,
  VAR_POP,
  VAR_SAMP,
  STDDEV_POP,
  STDDEV_SAMP,
  COVAR_POP,
  COVAR_SAMP,
  CORR,
  /** STRING_AGG(value, separator [ORDER BY ...]) and LISTAGG. Not splittable. */
  STRING_AGG,
  /** PERCENTILE_CONT(fraction) WITHIN GROUP (ORDER BY x), MEDIAN(x). Not splittable. */
  PERCENTILE_CONT,
  /** PERCENTILE_DISC(fraction) WITHIN GROUP (ORDER BY x). Not splittable. */
  PERCENTILE_DISC,
  /** HyperLogLog estimate of count(DISTINCT x). */
  APPROX_COUNT_DISTINCT;

  /**
   * The intermediate columns of this function.
   *
   * @param argumentType the type of the (first) argument (ignored for COUNT)
   * @param resultType the type of the final result
   */
  public List<DataType> intermediateTypes(DataType argumentType, DataType resultType) {
    return AggregateDefinitions.of(this).intermediateTypes(argumentType, resultType);
  }

  /** Whether a PARTIAL step before an exchange and a FINAL step after it can compute this function. */
  public boolean splittable() {
    return AggregateDefinitions.of(this).splittable();
  }

  /** The running-sum type of AVG: DECIMAL(38, s) for decimals, BIGINT for integers, else DOUBLE. */
  public static DataType avgSumType(DataType argumentType) {
    return io.quiver.exec.operator.aggregate.SumAggregate.avgSumType(argumentType);
  }
}
