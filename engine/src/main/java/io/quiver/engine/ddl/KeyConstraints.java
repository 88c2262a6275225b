package io.quiver.engine.ddl;

import io.quiver.engine.connector.memory.UniqueKey;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.sql.statement.KeyConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The PRIMARY KEY and UNIQUE constraints of CREATE TABLE as the memory table keeps them: columns
 * found (42703), at most one PRIMARY KEY (42P16), names as PostgreSQL gives them ({@code t_pkey},
 * {@code t_a_b_key}) unless CONSTRAINT names them, each name once in the table (42P07).
 */
final class KeyConstraints {

  private KeyConstraints() {
  }

  static List<UniqueKey> of(List<KeyConstraint> declared, List<Column> columns, String table, String qualified) {
    List<UniqueKey> keys = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean primary = false;
    for (KeyConstraint constraint : declared) {
      if (constraint.primary()) {
        if (primary) {
          throw new QuiverException(ErrorCode.INVALID_TABLE_DEFINITION, "table " + qualified
              + " declares more than one PRIMARY KEY");
        }
        primary = true;
      }
      int[] indexes = new int[constraint.columns().size()];
      List<String> columnNames = new ArrayList<>();
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] = find(columns, constraint.columns().get(i));
        if (indexes[i] < 0) {
          throw new QuiverException(ErrorCode.COLUMN_NOT_FOUND, "column " + constraint.columns().get(i)
              + " named in a key of " + qualified + " does not exist");
        }
        columnNames.add(columns.get(indexes[i]).name());
      }
      String name = constraint.name() != null ? constraint.name()
          : table + (constraint.primary() ? "_pkey" : "_" + String.join("_", columnNames) + "_key");
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        throw new QuiverException(ErrorCode.DUPLICATE_OBJECT, "constraint " + name + " of " + qualified
            + " is declared twice");
      }
      keys.add(new UniqueKey(name, constraint.primary(), indexes, columnNames));
    }
    return keys;
  }

  /** The index of a column named in a constraint; 42703 if {@code table} has none of that name. */
  static int column(List<Column> columns, String name, String table) {
    int index = find(columns, name);
    if (index < 0) {
      throw new QuiverException(ErrorCode.COLUMN_NOT_FOUND, "column " + name + " named in a constraint of " + table
          + " does not exist");
    }
    return index;
  }

  private static int find(List<Column> columns, String name) {
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return -1;
  }
}
