package io.quiver.exec.type;

import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** A named, typed column of a batch. Plain data. */
public record Column(String name, DataType type, boolean nullable) {

  public Field toArrowField() {
    return new Field(name, new FieldType(nullable, type.toArrowType(), null), null);
  }
}
