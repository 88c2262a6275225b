package io.quiver.exec.fragment.node;

import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.util.List;

/**
 * The aggregate functions. Each defines the intermediate columns its PARTIAL step emits and its
 * FINAL step consumes, so that the planner and the executor agree on the shape of the exchange
 * between them.
 */
public enum AggregateFunction {
  /** count(*) when it has no argument, count(x) (non-NULL x) otherwise. Result BIGINT. */
  COUNT,
  SUM,
  AVG,
  MIN,
  MAX;

  /**
   * The intermediate columns of this function.
   *
   * @param argumentType the type of the argument (ignored for COUNT)
   * @param resultType the type of the final result
   */
  public List<DataType> intermediateTypes(DataType argumentType, DataType resultType) {
    switch (this) {
      case COUNT:
        return List.of(DataType.BIGINT);
      case SUM:
      case MIN:
      case MAX:
        return List.of(resultType);
      case AVG:
        return List.of(avgSumType(argumentType), DataType.BIGINT);
      default:
        throw new IllegalStateException(name());
    }
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
}
