package io.quiver.engine.metadata;

import io.quiver.exec.type.DataType;

/** A column as metadata readers see it; {@code ordinal} is 1-based. */
public record ColumnInfo(String name, DataType type, boolean nullable, int ordinal) {
}
