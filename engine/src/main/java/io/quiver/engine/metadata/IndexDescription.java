package io.quiver.engine.metadata;

import java.util.List;

/** An index of a table (CREATE [UNIQUE] INDEX) as metadata readers see it. */
public record IndexDescription(String name, boolean unique, List<String> columns) {

  public IndexDescription {
    columns = List.copyOf(columns);
  }
}
