package io.quiver.engine.driver;

import io.quiver.engine.metadata.ConstraintInfo;
import java.util.ArrayList;
import java.util.List;

/** A constraint as CREATE TABLE writes it, after {@code CONSTRAINT name} (SHOW CREATE TABLE). */
final class ConstraintText {

  private ConstraintText() {
  }

  static String of(ConstraintInfo constraint) {
    switch (constraint.type()) {
      case PRIMARY_KEY:
        return "PRIMARY KEY (" + names(constraint.columns()) + ")";
      case UNIQUE:
        return "UNIQUE (" + names(constraint.columns()) + ")";
      case CHECK:
        return "CHECK (" + constraint.checkClause() + ")";
      default:
        List<String> table = new ArrayList<>();
        constraint.referencedTable().forEach(part -> table.add(SqlNames.quote(part)));
        StringBuilder text = new StringBuilder("FOREIGN KEY (").append(names(constraint.columns()))
            .append(") REFERENCES ").append(String.join(".", table)).append(" (")
            .append(names(constraint.referencedColumns())).append(')');
        if (!"NO ACTION".equals(constraint.updateRule())) {
          text.append(" ON UPDATE ").append(constraint.updateRule());
        }
        if (!"NO ACTION".equals(constraint.deleteRule())) {
          text.append(" ON DELETE ").append(constraint.deleteRule());
        }
        return text.toString();
    }
  }

  private static String names(List<String> columns) {
    List<String> quoted = new ArrayList<>();
    columns.forEach(column -> quoted.add(SqlNames.quote(column)));
    return String.join(", ", quoted);
  }
}
