package io.quiver.exec.expression;

import io.quiver.exec.fragment.expression.ScalarFunction;

/** The binary arithmetic operators. */
enum ArithmeticOperator {
  ADD("+"),
  SUBTRACT("-"),
  MULTIPLY("*"),
  DIVIDE("/"),
  MODULO("%");

  final String symbol;

  ArithmeticOperator(String symbol) {
    this.symbol = symbol;
  }

  static ArithmeticOperator of(ScalarFunction function) {
    switch (function) {
      case ADD:
        return ADD;
      case SUBTRACT:
        return SUBTRACT;
      case MULTIPLY:
        return MULTIPLY;
      case DIVIDE:
        return DIVIDE;
      case MODULO:
        return MODULO;
      default:
        throw new IllegalArgumentException("not arithmetic: " + function);
    }
  }
}
