package io.quiver.engine.metadata;

import java.util.List;
import java.util.Optional;

/**
 * A table that declares constraints and column defaults (a memory table; the TPC-H and TPC-DS
 * tables declare their primary keys). Metadata readers ask a Calcite table for this interface.
 */
public interface ConstrainedTable {

  /** The table's constraints: PRIMARY KEY first, then in the order declared. */
  List<ConstraintInfo> constraints();

  /** The DEFAULT expression of a column as written, if it has one. */
  default Optional<String> columnDefault(String column) {
    return Optional.empty();
  }

  /** The indexes CREATE INDEX made on the table. */
  default List<IndexDescription> indexes() {
    return List.of();
  }
}
