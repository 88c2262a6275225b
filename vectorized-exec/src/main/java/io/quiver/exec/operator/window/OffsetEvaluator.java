package io.quiver.exec.operator.window;

/**
 * LAG(x, k, default) and LEAD(x, k, default): the value of the row k rows before (LAG) or after
 * (LEAD) in the partition, or the default (NULL without one) when there is no such row. A negative
 * k looks the other way, k = 0 is the row itself, and a NULL k gives NULL (as in PostgreSQL). With
 * IGNORE NULLS only rows whose value is not NULL count.
 */
final class OffsetEvaluator implements WindowEvaluator {

  private final int valueColumn;
  private final int defaultColumn;
  private final Long offset;
  private final boolean ignoreNulls;

  /**
   * @param defaultColumn the default's column, or -1
   * @param offset rows forward (LEAD's k, or LAG's k negated); null for NULL
   */
  OffsetEvaluator(int valueColumn, int defaultColumn, Long offset, boolean ignoreNulls) {
    this.valueColumn = valueColumn;
    this.defaultColumn = defaultColumn;
    this.offset = offset;
    this.ignoreNulls = ignoreNulls;
  }

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    if (offset == null) {
      return;
    }
    int[] sources = chunk.memory().ints(chunk.rowCount());
    int[] partitions = chunk.partitionStarts();
    long step = offset;
    NonNullRows nonNull = ignoreNulls && step != 0 ? chunk.nonNullRows(valueColumn) : null;
    for (int p = 0; p + 1 < partitions.length; p++) {
      int start = partitions[p];
      int end = partitions[p + 1];
      for (int i = start; i < end; i++) {
        long target;
        if (nonNull == null) {
          target = i + step;
        } else if (step > 0) {
          // the step-th non-NULL row after row i
          long k = nonNull.countBefore(i + 1) + step - 1;
          target = k < nonNull.countBefore(end) ? nonNull.position((int) k) : end;
        } else {
          long k = nonNull.countBefore(i) + step;
          target = k >= nonNull.countBefore(start) ? nonNull.position((int) k) : start - 1;
        }
        sources[i] = target >= start && target < end ? (int) target : ChunkOutput.DEFAULT_ROW;
      }
    }
    output.gather(sources, valueColumn, defaultColumn);
  }
}
