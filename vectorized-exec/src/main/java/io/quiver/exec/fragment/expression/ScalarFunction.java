package io.quiver.exec.fragment.expression;

/**
 * The names of the operators, special forms and first functions that the expression compiler
 * implements natively (the function registry defines each of them, with a definition that has no
 * kernel). Java code that builds calls uses these constants; every other function is called by its
 * registry name. Argument conventions are part of the contract between the planner (which builds
 * calls) and the executor (which evaluates them).
 */
public enum ScalarFunction {
  // Arithmetic on INTEGER kinds, DOUBLE, REAL and DECIMAL. Both arguments have the same kind
  // except for DECIMAL, where scales may differ and the call's type gives the result scale.
  // DATE and TIMESTAMP take ADD/SUBTRACT with an INTERVAL second argument.
  ADD,
  SUBTRACT,
  MULTIPLY,
  DIVIDE,
  MODULO,
  NEGATE,

  // Comparisons: two arguments of comparable types; result BOOLEAN, NULL if either is NULL.
  EQUAL,
  NOT_EQUAL,
  LESS_THAN,
  LESS_THAN_OR_EQUAL,
  GREATER_THAN,
  GREATER_THAN_OR_EQUAL,
  /** IS DISTINCT FROM: never NULL. */
  IS_DISTINCT_FROM,
  IS_NOT_DISTINCT_FROM,

  // Boolean logic with SQL's three-valued semantics; AND and OR take two or more arguments.
  AND,
  OR,
  NOT,
  IS_NULL,
  IS_NOT_NULL,
  IS_TRUE,
  IS_NOT_TRUE,
  IS_FALSE,
  IS_NOT_FALSE,

  /** (value, low, high): low &lt;= value AND value &lt;= high. */
  BETWEEN,
  /** (value, candidate1, candidate2, ...): SQL IN with NULL semantics. */
  IN,
  /** (value, pattern) or (value, pattern, escape): SQL LIKE. */
  LIKE,
  /** (value, pattern) or (value, pattern, escape). */
  NOT_LIKE,

  /**
   * (when1, then1, when2, then2, ..., else): the first WHEN that is TRUE picks its THEN; the last
   * argument is the ELSE value (a NULL literal when the SQL had none).
   */
  CASE,
  /** (value1, value2, ...): the first non-NULL value. */
  COALESCE,
  /** (value): cast to the call's type; fails with INVALID_CAST or NUMERIC_OVERFLOW on bad data. */
  CAST,

  /**
   * (unit, value): unit is a VARCHAR literal naming a field (YEAR, QUARTER, MONTH, WEEK, DAY,
   * DOW, DOY, HOUR, MINUTE, SECOND); value a DATE or TIMESTAMP. Result BIGINT.
   */
  EXTRACT,

  // Text.
  /** (value, start) or (value, start, length); 1-based start as in SQL. */
  SUBSTRING,
  UPPER,
  LOWER,
  /** (value) or (value, characters): leading and trailing spaces (or characters) removed. */
  TRIM,
  CHAR_LENGTH,
  /** (a, b, ...): a || b || ... (NULL when any is NULL). */
  STRING_CONCAT,

  // Numeric functions.
  ABS,
  /** (value) or (value, digits): round half away from zero. */
  ROUND,
  FLOOR,
  CEIL,

  // Added after the first release; new values go at the end so existing ordinals stay stable.
  /** (value) or (value, characters): leading spaces (or any of the characters) removed. */
  LTRIM,
  /** (value) or (value, characters): trailing spaces (or any of the characters) removed. */
  RTRIM,
  /** (value, search, replacement): every occurrence of search replaced; an empty search changes nothing. */
  REPLACE,
  /**
   * (search, value) or (search, value, from): 1-based character position of the first occurrence of
   * search in value at or after from, 0 when there is none; an empty search is found at from.
   */
  POSITION,
  /** (value, length) or (value, length, fill): padded on the left with fill (default ' ') or cut to length. */
  LPAD,
  /** (value, length) or (value, length, fill): padded on the right. */
  RPAD,
  /** (base, exponent) as DOUBLE. */
  POWER,
  /** DOUBLE functions of one DOUBLE argument. */
  SQRT,
  EXP,
  LN,
  LOG10,
  /** (value): -1, 0 or 1 in the call's type (NaN stays NaN). */
  SIGN,
  /** (value): cast to the call's type; NULL instead of an error where the value does not convert. */
  TRY_CAST;

  /** The constant of a function name, or null when the compiler has no native implementation. */
  public static ScalarFunction byName(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
