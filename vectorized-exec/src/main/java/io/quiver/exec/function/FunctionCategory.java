package io.quiver.exec.function;

/**
 * What a function works on. JDBC's {@code getStringFunctions()}, {@code getNumericFunctions()},
 * {@code getTimeDateFunctions()} and {@code getSystemFunctions()} list the functions of STRING,
 * NUMERIC, TIME_DATE and SYSTEM (CONDITIONAL is reported with SYSTEM); OPERATOR entries are the
 * operators and special forms of the language (+, =, AND, CASE, CAST ...), documented but not listed.
 */
public enum FunctionCategory {
  STRING,
  NUMERIC,
  TIME_DATE,
  CONDITIONAL,
  SYSTEM,
  OPERATOR
}
