package io.quiver.spi;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A table as the planner sees it: its name and its columns as Arrow fields (name, type, nullable).
 * Types Quiver reads: Bool, Int (8/16/32/64 signed), FloatingPoint, Decimal (128), Utf8, Binary,
 * Date (day), Timestamp (microsecond, no zone).
 */
public record TableMetadata(String schema, String name, List<Field> columns) {

  public TableMetadata {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + schema + "." + name + " has no columns");
    }
  }
}
