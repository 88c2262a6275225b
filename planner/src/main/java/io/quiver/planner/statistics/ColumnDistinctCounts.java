package io.quiver.planner.statistics;

/**
 * Implemented by a table that knows (or estimates) how many distinct values its columns hold, such
 * as a memory table that counted them while it was written. The join row-count estimate
 * ({@link JoinRowCount}) uses it for joins on columns that no declared key makes unique: a join on
 * a column with few distinct values (a nation key) multiplies rows instead of preserving them.
 */
public interface ColumnDistinctCounts {

  /**
   * The number of distinct non-null values of the table's column {@code column} (its position in
   * the table's row type), or a negative number when unknown.
   */
  double distinctCount(int column);
}
