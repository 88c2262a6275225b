package io.quiver.exec.operator.aggregate;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;

/** Picks the accumulator for an aggregate call, by function, step and argument type. */
final class AccumulatorFactory {

  private AccumulatorFactory() {
  }

  static Accumulator create(AggregateCall call, AggregateStep step) {
    if (call.distinct()) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED,
          "aggregate " + call.function() + "(DISTINCT ...) is not executed directly; the planner rewrites it");
    }
    boolean merge = step == AggregateStep.FINAL;
    int expected = merge ? call.function().intermediateTypes(call.argumentType(), call.resultType()).size()
        : (call.function() == io.quiver.exec.fragment.node.AggregateFunction.COUNT ? -1 : 1);
    if (expected >= 0 && call.arguments().size() != expected) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "aggregate " + call.name() + " (" + call.function()
          + ", " + step + ") expects " + expected + " input columns, has " + call.arguments());
    }
    DataType argument = call.argumentType();
    switch (call.function()) {
      case COUNT:
        return new CountAccumulator(call.arguments().isEmpty() ? -1 : call.arguments().get(0), merge);
      case SUM:
      case AVG: {
        boolean average = call.function() == io.quiver.exec.fragment.node.AggregateFunction.AVG;
        int channel = call.arguments().get(0);
        int countChannel = merge && average ? call.arguments().get(1) : -1;
        if (argument.isInteger() || argument.kind() == TypeKind.NULL) {
          return new LongSumAccumulator(average, channel, countChannel);
        }
        if (argument.kind() == TypeKind.REAL || argument.kind() == TypeKind.DOUBLE) {
          return new DoubleSumAccumulator(average, channel, countChannel);
        }
        if (argument.kind() == TypeKind.DECIMAL) {
          return new DecimalSumAccumulator(average, channel, countChannel, argument.scale());
        }
        throw unsupported(call);
      }
      case MIN:
      case MAX: {
        boolean max = call.function() == io.quiver.exec.fragment.node.AggregateFunction.MAX;
        int channel = call.arguments().get(0);
        switch (argument.kind()) {
          case BOOLEAN:
          case TINYINT:
          case SMALLINT:
          case INTEGER:
          case BIGINT:
          case DATE:
          case TIME:
          case TIMESTAMP:
          case INTERVAL_DAY_TIME:
          case INTERVAL_YEAR_MONTH:
            return new LongMinMaxAccumulator(max, channel);
          case REAL:
          case DOUBLE:
            return new DoubleMinMaxAccumulator(max, channel);
          case DECIMAL:
            return new DecimalMinMaxAccumulator(max, channel);
          case CHAR:
          case VARCHAR:
          case VARBINARY:
            return new BytesMinMaxAccumulator(max, channel);
          default:
            throw unsupported(call);
        }
      }
      default:
        throw unsupported(call);
    }
  }

  private static QuiverException unsupported(AggregateCall call) {
    return new QuiverException(ErrorCode.NOT_SUPPORTED,
        "aggregate " + call.function() + " over " + call.argumentType() + " is not supported");
  }
}
