package io.quiver.engine.connector.file.scan;

import io.quiver.exec.fragment.expression.Literal;

/**
 * One conjunct of a scan's filter that a file reader can check against column statistics: a column
 * compared with a constant of the column's own type.
 *
 * @param column the column's position in the file schema
 * @param operator the comparison
 * @param value the constant, of the column's type; unused for the null tests
 */
public record PushedComparison(int column, Operator operator, Literal value) {

  /** The comparisons Arrow's Substrait consumer knows, under their Substrait names. */
  public enum Operator {
    EQUAL("equal"),
    NOT_EQUAL("not_equal"),
    LESS_THAN("lt"),
    LESS_THAN_OR_EQUAL("lte"),
    GREATER_THAN("gt"),
    GREATER_THAN_OR_EQUAL("gte"),
    IS_NULL("is_null"),
    IS_NOT_NULL("is_not_null");

    private final String substraitName;

    Operator(String substraitName) {
      this.substraitName = substraitName;
    }

    public String substraitName() {
      return substraitName;
    }

    public boolean isUnary() {
      return this == IS_NULL || this == IS_NOT_NULL;
    }

    /** The same comparison with its operands swapped ({@code 5 < x} is {@code x > 5}). */
    public Operator flipped() {
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
  }
}
