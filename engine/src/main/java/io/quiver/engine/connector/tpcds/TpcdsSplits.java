package io.quiver.engine.connector.tpcds;

/**
 * How a TPC-DS table is cut into splits: contiguous ranges of the generator's row numbers (orders
 * for the sales and returns tables, so an order's lines stay in one split). The library itself only
 * cuts tables of a million generator rows or more; any range gives the rows one pass would, except
 * for the tables that keep history (see {@link TpcdsTableDefinition#splittable()}), which are never
 * cut.
 */
final class TpcdsSplits {

  private TpcdsSplits() {
  }

  /**
   * The first and last generator row (1-based, inclusive) of split {@code split} of
   * {@code splitCount}; first > last for an empty split.
   */
  static long[] range(long generatorRows, int split, int splitCount) {
    long first = 1 + generatorRows * split / splitCount;
    long last = generatorRows * (split + 1) / splitCount;
    return new long[] {first, last};
  }
}
