package io.quiver.engine.metadata;

import io.quiver.exec.type.DataType;

/**
 * A column as metadata readers see it; {@code ordinal} is 1-based; {@code defaultValue} the
 * DEFAULT expression as written, or null.
 */
public record ColumnInfo(String name, DataType type, boolean nullable, int ordinal, String defaultValue) {

  /** A column without a default. */
  public ColumnInfo(String name, DataType type, boolean nullable, int ordinal) {
    this(name, type, nullable, ordinal, null);
  }
}
