package io.quiver.engine.metadata;

import java.util.List;

/**
 * A declared constraint of a table as metadata readers (JDBC, information_schema, SHOW CREATE
 * TABLE) see it.
 *
 * @param name the constraint's name
 * @param type its kind
 * @param columns the constrained columns in key order (empty for a CHECK)
 * @param checkClause a CHECK's condition as written, else null
 * @param referencedTable a FOREIGN KEY's referenced table (catalog, schema, name), else empty
 * @param referencedColumns a FOREIGN KEY's referenced columns, else empty
 * @param referencedConstraint the PRIMARY KEY or UNIQUE constraint a FOREIGN KEY references, else null
 * @param updateRule a FOREIGN KEY's ON UPDATE action ("NO ACTION", "CASCADE", ...), else null
 * @param deleteRule a FOREIGN KEY's ON DELETE action, else null
 * @param positionsInReferencedKey per FOREIGN KEY column, the 1-based position of the column it
 *     references in the referenced key; else empty
 * @param enforced whether Quiver enforces it (FOREIGN KEY: no)
 */
public record ConstraintInfo(String name, Type type, List<String> columns, String checkClause,
    List<String> referencedTable, List<String> referencedColumns, String referencedConstraint, String updateRule,
    String deleteRule, List<Integer> positionsInReferencedKey, boolean enforced) {

  /** The kinds, named as information_schema.table_constraints names them. */
  public enum Type {
    PRIMARY_KEY("PRIMARY KEY"), UNIQUE("UNIQUE"), CHECK("CHECK"), FOREIGN_KEY("FOREIGN KEY");

    private final String sqlName;

    Type(String sqlName) {
      this.sqlName = sqlName;
    }

    public String sqlName() {
      return sqlName;
    }
  }

  public ConstraintInfo {
    columns = List.copyOf(columns);
    referencedTable = List.copyOf(referencedTable);
    referencedColumns = List.copyOf(referencedColumns);
    positionsInReferencedKey = List.copyOf(positionsInReferencedKey);
  }

  /**
   * The PRIMARY KEY a generated table (TPC-H, TPC-DS) declares, named {@code <table>_pkey} as
   * PostgreSQL names them; none for an empty key.
   *
   * @param key the ordinals of the key's columns in {@code columns}
   */
  public static List<ConstraintInfo> primaryKey(String table, List<String> columns, List<Integer> key) {
    if (key.isEmpty()) {
      return List.of();
    }
    List<String> names = new java.util.ArrayList<>(key.size());
    for (int ordinal : key) {
      names.add(columns.get(ordinal));
    }
    return List.of(key(table + "_pkey", true, names));
  }

  /** A PRIMARY KEY or UNIQUE constraint, enforced. */
  public static ConstraintInfo key(String name, boolean primary, List<String> columns) {
    return new ConstraintInfo(name, primary ? Type.PRIMARY_KEY : Type.UNIQUE, columns, null, List.of(), List.of(),
        null, null, null, List.of(), true);
  }
}
