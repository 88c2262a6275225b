package io.quiver.exec.type;

/** The SQL types Quiver executes, each with one Arrow representation (see {@link DataType#toArrowType()}). */
public enum TypeKind {
  BOOLEAN,
  TINYINT,
  SMALLINT,
  INTEGER,
  BIGINT,
  REAL,
  DOUBLE,
  /** Exact decimal: precision and scale in {@link DataType}; Arrow Decimal128. */
  DECIMAL,
  /** Fixed-length text; length in {@link DataType#precision()}; stored unpadded as Arrow Utf8. */
  CHAR,
  /** Variable-length text; maximum length in {@link DataType#precision()}, -1 when unbounded. */
  VARCHAR,
  VARBINARY,
  /** Days since 1970-01-01; Arrow DateDay. */
  DATE,
  /** Microseconds since midnight; Arrow TimeMicro. */
  TIME,
  /** Microseconds since 1970-01-01T00:00, no time zone; Arrow TimestampMicro. */
  TIMESTAMP,
  /** Milliseconds; appears in literals and date arithmetic; Arrow Int64 when materialized. */
  INTERVAL_DAY_TIME,
  /** Months; appears in literals and date arithmetic; Arrow Int32 when materialized. */
  INTERVAL_YEAR_MONTH,
  /** The type of an untyped NULL literal; Arrow Null. */
  NULL
}
