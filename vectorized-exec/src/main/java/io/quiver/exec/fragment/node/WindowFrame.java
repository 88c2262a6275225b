package io.quiver.exec.fragment.node;

import io.quiver.exec.fragment.expression.Literal;

/**
 * The rows of a partition that a row's frame holds, from {@code start} to {@code end} (both
 * included). In ROWS units an offset counts rows; in RANGE units it is a distance between ORDER BY
 * values (one ORDER BY key, numeric with a numeric offset, DATE or TIMESTAMP with an interval), and
 * CURRENT ROW means the row's peers. A frame whose start lies after its end is empty.
 */
public record WindowFrame(Unit unit, Bound start, Bound end) {

  /** How offsets are measured. */
  public enum Unit {
    ROWS,
    RANGE
  }

  /** Where a frame boundary lies relative to the current row. */
  public enum BoundKind {
    UNBOUNDED_PRECEDING,
    PRECEDING,
    CURRENT_ROW,
    FOLLOWING,
    UNBOUNDED_FOLLOWING
  }

  /**
   * One end of a frame.
   *
   * @param offset the distance for PRECEDING and FOLLOWING (not NULL, not negative): BIGINT rows in
   *     ROWS units; in RANGE units a number or an interval; null for the other kinds
   */
  public record Bound(BoundKind kind, Literal offset) {

    public Bound {
      boolean needsOffset = kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING;
      if (needsOffset != (offset != null)) {
        throw new IllegalArgumentException(kind + (needsOffset ? " needs" : " takes no") + " offset");
      }
      if (offset != null && offset.isNull()) {
        throw new IllegalArgumentException("a frame offset must not be NULL");
      }
    }

    public static Bound of(BoundKind kind) {
      return new Bound(kind, null);
    }

    @Override
    public String toString() {
      String words = kind.name().replace('_', ' ');
      return offset == null ? words : offset + " " + words;
    }
  }

  /** The standard's default with ORDER BY: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
  public static final WindowFrame DEFAULT = new WindowFrame(Unit.RANGE, Bound.of(BoundKind.UNBOUNDED_PRECEDING),
      Bound.of(BoundKind.CURRENT_ROW));

  /** Every row of the partition. */
  public static final WindowFrame WHOLE_PARTITION = new WindowFrame(Unit.ROWS,
      Bound.of(BoundKind.UNBOUNDED_PRECEDING), Bound.of(BoundKind.UNBOUNDED_FOLLOWING));

  public WindowFrame {
    if (start.kind() == BoundKind.UNBOUNDED_FOLLOWING || end.kind() == BoundKind.UNBOUNDED_PRECEDING) {
      throw new IllegalArgumentException("frame " + start + " to " + end + " is not valid");
    }
  }

  @Override
  public String toString() {
    return unit + " BETWEEN " + start + " AND " + end;
  }
}
