package io.quiver.exec.operator.window;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;

/**
 * Picks the evaluator of a window call. Aggregates map by function and argument type: COUNT from
 * running counts, SUM and AVG of exact types by an invertible 128-bit slide, of floating point by a
 * {@link SlidingFold}, MIN and MAX of any type by a sliding fold of the best row; every other
 * aggregate (and argument type) by {@link AccumulatorEvaluator}, through the accumulator of its
 * {@link io.quiver.exec.operator.aggregate.AggregateDefinition}.
 *
 * <p>A new {@link AggregateFunction} therefore works over windows as soon as it has a definition.
 * Give it a case in {@link #aggregate} only for speed on sliding frames: an evaluator that extends
 * {@link SlidingInverse} (when rows can be taken out of its state exactly) or {@link SlidingFold}
 * (when two states combine associatively) and writes its results through {@link ChunkOutput}.
 * {@link #requireSupported} rejects, when the query is planned, argument types the definition's
 * accumulator does not take.
 */
public final class WindowEvaluators {

  private WindowEvaluators() {
  }

  /**
   * Checks, while a query is planned, that the executor can compute {@code call}.
   *
   * @throws QuiverException NOT_SUPPORTED naming the function otherwise
   */
  public static void requireSupported(WindowCall call) {
    create(call);
  }

  static WindowEvaluator create(WindowCall call) {
    int first = call.arguments().isEmpty() ? -1 : call.arguments().get(0);
    switch (call.function()) {
      case ROW_NUMBER:
        return new RowNumberEvaluator();
      case RANK:
        return new RankEvaluator(false);
      case DENSE_RANK:
        return new RankEvaluator(true);
      case PERCENT_RANK:
        return new RelativeRankEvaluator(false);
      case CUME_DIST:
        return new RelativeRankEvaluator(true);
      case NTILE:
        return new NtileEvaluator(call.parameter());
      case LAG:
      case LEAD: {
        int defaultColumn = call.arguments().size() > 1 ? call.arguments().get(1) : -1;
        Long offset = call.parameter();
        if (offset != null && call.function() == io.quiver.exec.fragment.node.WindowFunction.LAG) {
          offset = offset == Long.MIN_VALUE ? Long.MAX_VALUE : -offset;
        }
        return new OffsetEvaluator(first, defaultColumn, offset, call.ignoreNulls());
      }
      case FIRST_VALUE:
        return new FrameValueEvaluator(FrameValueEvaluator.Pick.FIRST, first, call.frame(), null, call.ignoreNulls());
      case LAST_VALUE:
        return new FrameValueEvaluator(FrameValueEvaluator.Pick.LAST, first, call.frame(), null, call.ignoreNulls());
      case NTH_VALUE:
        if (call.parameter() != null && call.parameter() <= 0) {
          throw new QuiverException(ErrorCode.INVALID_ARGUMENT_FOR_NTH_VALUE,
              "argument of nth_value must be greater than zero, not " + call.parameter());
        }
        return new FrameValueEvaluator(FrameValueEvaluator.Pick.NTH, first, call.frame(), call.parameter(),
            call.ignoreNulls());
      case AGGREGATE:
        return aggregate(call, first);
      default:
        throw unsupported(call);
    }
  }

  private static WindowEvaluator aggregate(WindowCall call, int column) {
    if (call.aggregate() == AggregateFunction.COUNT) {
      return new CountEvaluator(column, call.frame());
    }
    if (column < 0) {
      throw unsupported(call);
    }
    DataType argument = call.argumentType();
    switch (call.aggregate()) {
      case SUM:
      case AVG: {
        boolean average = call.aggregate() == AggregateFunction.AVG;
        if (argument.isInteger() || argument.kind() == TypeKind.DECIMAL || argument.kind() == TypeKind.NULL) {
          return new ExactSumEvaluator(column, call.frame(), average, argument, call.resultType());
        }
        if (argument.kind() == TypeKind.REAL || argument.kind() == TypeKind.DOUBLE) {
          return new DoubleSumEvaluator(column, call.frame(), average);
        }
        return new AccumulatorEvaluator(call);
      }
      case MIN:
      case MAX:
        return new ExtremeEvaluator(column, call.frame(), call.aggregate() == AggregateFunction.MAX);
      default:
        return new AccumulatorEvaluator(call);
    }
  }

  private static QuiverException unsupported(WindowCall call) {
    String name = call.function() == io.quiver.exec.fragment.node.WindowFunction.AGGREGATE
        ? call.aggregate().name() : call.function().name();
    return new QuiverException(ErrorCode.NOT_SUPPORTED, "The window function " + name
        + (call.argumentType() == null ? "" : " over " + call.argumentType()) + " is not supported yet");
  }
}
