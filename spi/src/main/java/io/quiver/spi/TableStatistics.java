package io.quiver.spi;

/**
 * What the cost model may know of a table.
 *
 * @param rowCount the table's rows, exact or estimated; negative when unknown
 */
public record TableStatistics(long rowCount) {

  public static final TableStatistics UNKNOWN = new TableStatistics(-1);

  public boolean isRowCountKnown() {
    return rowCount >= 0;
  }
}
