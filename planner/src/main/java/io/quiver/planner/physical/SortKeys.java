package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.SortKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;

/** Calcite collations as fragment sort keys. */
public final class SortKeys {

  private SortKeys() {
  }

  /**
   * The keys of a collation. An unspecified NULL direction follows PostgreSQL: NULLs sort as if
   * larger than any value (last when ascending, first when descending).
   */
  public static List<SortKey> of(RelCollation collation) {
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation field : collation.getFieldCollations()) {
      boolean ascending = !field.getDirection().isDescending();
      boolean nullsFirst;
      switch (field.nullDirection) {
        case FIRST:
          nullsFirst = true;
          break;
        case LAST:
          nullsFirst = false;
          break;
        default:
          nullsFirst = !ascending;
          break;
      }
      keys.add(new SortKey(field.getFieldIndex(), ascending, nullsFirst));
    }
    return keys;
  }
}
