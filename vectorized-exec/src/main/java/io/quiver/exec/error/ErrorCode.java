package io.quiver.exec.error;

/**
 * Every error Quiver reports has one of these codes. The code names what went wrong; the SQLState
 * is what a JDBC client sees in {@code SQLException.getSQLState()}.
 */
public enum ErrorCode {
  // 42xxx: the statement is wrong
  SYNTAX_ERROR(1, "42601"),
  TABLE_NOT_FOUND(2, "42P01"),
  COLUMN_NOT_FOUND(3, "42703"),
  SCHEMA_NOT_FOUND(4, "3F000"),
  FUNCTION_NOT_FOUND(5, "42883"),
  TYPE_MISMATCH(6, "42804"),
  AMBIGUOUS_NAME(7, "42702"),
  VALIDATION_ERROR(8, "42000"),
  NOT_SUPPORTED(9, "0A000"),
  DUPLICATE_OBJECT(10, "42P07"),
  INVALID_PARAMETER(11, "22023"),
  DUPLICATE_SCHEMA(12, "42P06"),
  /** A statement names an object of the wrong kind: DROP TABLE of a view, DROP VIEW of a table. */
  WRONG_OBJECT_TYPE(13, "42809"),
  /** A file location outside the configured data directories. */
  ACCESS_DENIED(14, "42501"),
  /** A statement touches an object without the privilege it needs (insufficient_privilege). */
  INSUFFICIENT_PRIVILEGE(230, "42501"),
  /** A GRANT or REVOKE that cannot be: a privilege the object does not have (invalid_grant_operation). */
  INVALID_GRANT_OPERATION(231, "0LP01"),
  /** A GRANT, REVOKE or SHOW GRANTS of a user or role that does not exist (undefined_object). */
  UNDEFINED_GRANTEE(232, "42704"),
  /** SET, RESET or SHOW of an option the session does not have (PostgreSQL's undefined_object). */
  UNKNOWN_OPTION(20, "42704"),
  /** DROP of a table or view that a view reads (PostgreSQL's dependent_objects_still_exist). */
  DEPENDENT_OBJECTS(21, "2BP01"),
  /** A change to a table that a concurrent change to the same table made impossible (serialization_failure). */
  SERIALIZATION_FAILURE(22, "40001"),
  /** A CREATE TABLE whose constraints cannot hold together (two primary keys; invalid_table_definition). */
  INVALID_TABLE_DEFINITION(24, "42P16"),
  /** A row that would repeat a PRIMARY KEY or UNIQUE key (unique_violation). */
  UNIQUE_VIOLATION(151, "23505"),
  /** A row for which a CHECK constraint is false (check_violation). */
  CHECK_VIOLATION(152, "23514"),
  /** A FOREIGN KEY whose referenced columns are no PRIMARY KEY or UNIQUE key of the referenced table (invalid_foreign_key). */
  INVALID_FOREIGN_KEY(153, "42830"),
  /** A name reserved for the engine's own objects (the prefix of temporary schemas). */
  RESERVED_NAME(154, "42939"),
  /** A recursive query whose recursive part is not allowed (aggregate, subquery, outer join, ...). */
  INVALID_RECURSION(35, "42P19"),
  /** GROUPING() of an expression that is not grouped on. */
  GROUPING_ERROR(36, "42803"),
  /** The inputs of a set operation (UNION, INTERSECT, EXCEPT) have different numbers of columns. */
  SET_OPERATION_COLUMN_COUNT(37, "42601"),
  /** DISTINCT in an aggregate that cannot take it (ordered-set and binary aggregates). */
  DISTINCT_NOT_ALLOWED(38, "42809"),
  /**
   * A write's location holds something Quiver may not replace: a file or directory it did not
   * write, or (for CREATE TABLE ... AS) a dataset it did write, without {@code overwrite}.
   */
  LOCATION_EXISTS(55, "42P07"),
  /** A window function where none may stand (WHERE, GROUP BY, a window's own keys) or a bad window. */
  WINDOWING_ERROR(30, "42P20"),

  // 22xxx: the data is wrong for the operation
  DIVISION_BY_ZERO(100, "22012"),
  NUMERIC_OVERFLOW(101, "22003"),
  INVALID_CAST(102, "22018"),
  INVALID_DATETIME(103, "22007"),
  STRING_TOO_LONG(104, "22001"),
  INVALID_ARGUMENT(105, "22023"),
  /** A data file that cannot be read: truncated, corrupt, a bad CSV row, a value of the wrong type. */
  MALFORMED_FILE(106, "22P04"),
  /** LN or LOG10 of zero or a negative number. */
  INVALID_ARGUMENT_FOR_LOGARITHM(107, "2201E"),
  /** SQRT of a negative number, POWER of zero to a negative or of a negative to a fraction. */
  INVALID_ARGUMENT_FOR_POWER(108, "2201F"),
  /** The fraction of PERCENTILE_CONT or PERCENTILE_DISC is NULL or outside [0, 1]. */
  PERCENTILE_OUT_OF_RANGE(115, "22003"),
  /** A window frame offset (n PRECEDING / n FOLLOWING) that is negative. */
  INVALID_PRECEDING_OR_FOLLOWING_SIZE(110, "22013"),
  /** NTILE's bucket count is zero or negative. */
  INVALID_ARGUMENT_FOR_NTILE(111, "22014"),
  /** NTH_VALUE's row number is zero or negative. */
  INVALID_ARGUMENT_FOR_NTH_VALUE(112, "22016"),
  /** A NULL where the statement needs a value: a window frame offset. */
  NULL_VALUE_NOT_ALLOWED(113, "22004"),

  // 21xxx: cardinality
  /** A scalar subquery returned more than one row, or MERGE found two source rows acting on one target row. */
  CARDINALITY_VIOLATION(50, "21000"),

  // 23xxx: the data breaks a constraint of the table
  NOT_NULL_VIOLATION(150, "23502"),

  /** An expression or statement nested too deeply to plan. */
  STATEMENT_TOO_COMPLEX(40, "54001"),

  // 57xxx / 53xxx: the query was stopped or ran out of room
  QUERY_CANCELLED(200, "57014"),
  QUERY_TIMEOUT(201, "57014"),
  MEMORY_LIMIT_EXCEEDED(202, "53200"),
  /** A recursive query ran more iterations than its limit allows. */
  RECURSION_LIMIT_EXCEEDED(210, "54000"),
  /** A query waited in the admission queue longer than the queue timeout. */
  QUERY_QUEUE_TIMEOUT(215, "53000"),
  /** The admission queue was full when the query arrived. */
  QUERY_QUEUE_FULL(216, "53000"),

  // 58xxx / XX000: Quiver or its surroundings failed
  IO_ERROR(300, "58030"),
  TASK_FAILED(301, "XX000"),
  INTERNAL_ERROR(302, "XX000");

  private final int code;
  private final String sqlState;

  ErrorCode(int code, String sqlState) {
    this.code = code;
    this.sqlState = sqlState;
  }

  /** Stable numeric code, reported as {@code SQLException.getErrorCode()}. */
  public int code() {
    return code;
  }

  public String sqlState() {
    return sqlState;
  }
}
