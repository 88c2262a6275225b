package io.quiver.slt;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One record of a {@code .slt} file: a statement, a query, or a halt. Every record knows where it
 * starts ({@code file:line}) so that a failure points at the file, and carries the marker of a
 * {@code skip <reason>} or {@code gap <reason>} line before it, if any.
 */
public sealed interface SltRecord {

  /** The file name and the 1-based line of the record's first line, e.g. {@code select.slt:12}. */
  String location();

  /** The {@code skip} or {@code gap} line before the record, if any. */
  Optional<Marker> marker();

  /**
   * {@code skip <reason>}: the record is not run and is reported as skipped (a known Quiver bug).
   * {@code gap <reason>}: the record runs; while Quiver answers it with "not supported"
   * (SQLState 0A000) it is reported as skipped with the reason, any other failure fails it.
   */
  record Marker(Kind kind, String reason) {
    public enum Kind { SKIP, GAP }
  }

  /** {@code statement ok}: the SQL runs without error (rows it returns are read and ignored). */
  record StatementOk(String location, Optional<Marker> marker, String sql) implements SltRecord {}

  /**
   * {@code statement count N}: the SQL runs without error and reports an update count of {@code N}
   * (rows inserted, updated, deleted or merged).
   */
  record StatementCount(String location, Optional<Marker> marker, String sql, long count) implements SltRecord {}

  /**
   * {@code statement error [SQLSTATE <code>] [regex]}: the SQL fails, while executing or while its
   * rows are read. When given, the SQLState must equal {@code sqlState} (or start with it, when it
   * has fewer than five characters) and the exception's message
   * must contain a match of {@code messagePattern}.
   */
  record StatementError(
      String location,
      Optional<Marker> marker,
      String sql,
      Optional<String> sqlState,
      Optional<Pattern> messagePattern)
      implements SltRecord {}

  /**
   * {@code query <types> [nosort|rowsort|valuesort]}: the SQL returns exactly {@code expectedRows},
   * each a list of rendered cells, one per type letter.
   */
  record Query(
      String location,
      Optional<Marker> marker,
      String sql,
      String columnTypes,
      SortMode sortMode,
      List<List<String>> expectedRows)
      implements SltRecord {}

  /** {@code halt}: records after it in the same file are not run. */
  record Halt(String location, Optional<Marker> marker) implements SltRecord {}

  /** How a query's rows are ordered before they are compared. */
  enum SortMode {
    /** Rows compared in the order the query returns them (use with ORDER BY). */
    NOSORT,
    /** Rendered rows sorted as lists of strings, on both sides. */
    ROWSORT,
    /** Every rendered value sorted on its own, on both sides; row boundaries are ignored. */
    VALUESORT
  }
}
