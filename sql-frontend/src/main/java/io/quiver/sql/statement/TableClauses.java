package io.quiver.sql.statement;

import java.util.List;

/**
 * What CREATE TABLE declares besides columns and keys: CHECK constraints, FOREIGN KEY constraints
 * and column defaults, each in the order written.
 */
public record TableClauses(List<CheckConstraint> checks, List<ForeignKeyConstraint> foreignKeys,
    List<ColumnDefault> defaults) {

  public static final TableClauses NONE = new TableClauses(List.of(), List.of(), List.of());

  public TableClauses {
    checks = List.copyOf(checks);
    foreignKeys = List.copyOf(foreignKeys);
    defaults = List.copyOf(defaults);
  }

  public boolean isEmpty() {
    return checks.isEmpty() && foreignKeys.isEmpty() && defaults.isEmpty();
  }
}
