package io.quiver.exec.expression;

import io.quiver.exec.fragment.expression.ScalarFunction;

/**
 * The six comparison operators. {@link #outcomes} has bit 0 set when "less" satisfies the operator,
 * bit 1 for "equal" and bit 2 for "greater", so a kernel turns a three-way compare result into a
 * bit without branching on the operator.
 */
enum Comparison {
  EQUAL(0b010, "="),
  NOT_EQUAL(0b101, "<>"),
  LESS_THAN(0b001, "<"),
  LESS_THAN_OR_EQUAL(0b011, "<="),
  GREATER_THAN(0b100, ">"),
  GREATER_THAN_OR_EQUAL(0b110, ">=");

  final int outcomes;
  final String symbol;

  Comparison(int outcomes, String symbol) {
    this.outcomes = outcomes;
    this.symbol = symbol;
  }

  /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
  Comparison flip() {
    switch (this) {
      case LESS_THAN:
        return GREATER_THAN;
      case LESS_THAN_OR_EQUAL:
        return GREATER_THAN_OR_EQUAL;
      case GREATER_THAN:
        return LESS_THAN;
      case GREATER_THAN_OR_EQUAL:
        return LESS_THAN_OR_EQUAL;
      default:
        return this;
    }
  }

  /** 1 when a three-way compare result ({@code <0, 0, >0}) satisfies the operator, else 0. */
  long bit(int compare) {
    return (outcomes >>> (Integer.signum(compare) + 1)) & 1L;
  }

  static Comparison of(ScalarFunction function) {
    switch (function) {
      case EQUAL:
        return EQUAL;
      case NOT_EQUAL:
        return NOT_EQUAL;
      case LESS_THAN:
        return LESS_THAN;
      case LESS_THAN_OR_EQUAL:
        return LESS_THAN_OR_EQUAL;
      case GREATER_THAN:
        return GREATER_THAN;
      case GREATER_THAN_OR_EQUAL:
        return GREATER_THAN_OR_EQUAL;
      default:
        throw new IllegalArgumentException("not a comparison: " + function);
    }
  }
}
