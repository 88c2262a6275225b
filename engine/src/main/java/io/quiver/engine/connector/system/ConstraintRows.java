package io.quiver.engine.connector.system;

import io.quiver.engine.metadata.ConstraintInfo;
import java.util.List;

/**
 * The rows of a table's constraints in information_schema's constraint tables, as PostgreSQL fills
 * them: constraints live in their table's catalog and schema; a FOREIGN KEY's
 * {@code position_in_unique_constraint} is the position of the referenced column in the key it
 * references.
 */
final class ConstraintRows {

  private ConstraintRows() {
  }

  static void add(List<Object[]> rows, InformationSchemaTable table, String catalog, String schema, String name,
      List<ConstraintInfo> constraints) {
    for (ConstraintInfo constraint : constraints) {
      boolean foreign = constraint.type() == ConstraintInfo.Type.FOREIGN_KEY;
      switch (table) {
        case TABLE_CONSTRAINTS:
          rows.add(new Object[] {catalog, schema, constraint.name(), catalog, schema, name,
              constraint.type().sqlName(), "NO", "NO", constraint.enforced() ? "YES" : "NO"});
          break;
        case KEY_COLUMN_USAGE:
          for (int i = 0; i < constraint.columns().size(); i++) {
            rows.add(new Object[] {catalog, schema, constraint.name(), catalog, schema, name,
                constraint.columns().get(i), i + 1, foreign ? constraint.positionsInReferencedKey().get(i) : null});
          }
          break;
        case CHECK_CONSTRAINTS:
          if (constraint.type() == ConstraintInfo.Type.CHECK) {
            rows.add(new Object[] {catalog, schema, constraint.name(), constraint.checkClause()});
          }
          break;
        case REFERENTIAL_CONSTRAINTS:
          if (foreign) {
            rows.add(new Object[] {catalog, schema, constraint.name(), constraint.referencedTable().get(0),
                constraint.referencedTable().get(1), constraint.referencedConstraint(), "NONE",
                constraint.updateRule(), constraint.deleteRule()});
          }
          break;
        default:
          break;
      }
    }
  }
}
