package io.quiver.exec.fragment.expression;

import io.quiver.exec.type.DataType;

/** The value of column {@code index} of the input batch. */
public record InputReference(int index, DataType type) implements Expression {

  @Override
  public String toString() {
    return "$" + index;
  }
}
