package io.quiver.engine.connector.memory;

import io.quiver.engine.metadata.ConstraintInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What CREATE TABLE declared about a memory table's rows besides their types: PRIMARY KEY and
 * UNIQUE keys (enforced at commit, {@link UniqueKeyCheck}), CHECK constraints and NOT NULL
 * (enforced by the statements that write rows), FOREIGN KEYs (recorded only), and column defaults.
 *
 * @param defaults per column (stored name), its DEFAULT expression as written
 * @param indexes CREATE INDEX's indexes, in the order created
 */
public record TableRules(List<UniqueKey> keys, List<CheckRule> checks, List<ForeignKeyRule> foreignKeys,
    Map<String, String> defaults, List<IndexRule> indexes) {

  public static final TableRules NONE = new TableRules(List.of(), List.of(), List.of(), Map.of());

  public TableRules {
    keys = List.copyOf(keys);
    checks = List.copyOf(checks);
    foreignKeys = List.copyOf(foreignKeys);
    defaults = Map.copyOf(defaults);
    indexes = List.copyOf(indexes);
  }

  /** Rules without indexes (as CREATE TABLE makes them). */
  public TableRules(List<UniqueKey> keys, List<CheckRule> checks, List<ForeignKeyRule> foreignKeys,
      Map<String, String> defaults) {
    this(keys, checks, foreignKeys, defaults, List.of());
  }

  /** The keys every change must keep: PRIMARY KEY, UNIQUE constraints and UNIQUE indexes. */
  public List<UniqueKey> uniqueKeys() {
    if (indexes.isEmpty()) {
      return keys;
    }
    List<UniqueKey> all = new ArrayList<>(keys);
    indexes.stream().filter(IndexRule::unique).forEach(index -> all.add(index.asKey()));
    return all;
  }

  /** The same rules with other indexes. */
  public TableRules withIndexes(List<IndexRule> newIndexes) {
    return new TableRules(keys, checks, foreignKeys, defaults, newIndexes);
  }

  /** The index of that name, if the table has one. */
  public java.util.Optional<IndexRule> index(String name) {
    return indexes.stream().filter(index -> index.name().equals(name)).findFirst();
  }

  /** The constraints as metadata shows them: the primary key first, then unique keys, checks, foreign keys. */
  public List<ConstraintInfo> constraints() {
    List<ConstraintInfo> result = new ArrayList<>();
    keys.stream().filter(UniqueKey::primary).forEach(key -> result.add(ConstraintInfo.key(key.name(), true,
        key.columnNames())));
    keys.stream().filter(key -> !key.primary()).forEach(key -> result.add(ConstraintInfo.key(key.name(), false,
        key.columnNames())));
    for (CheckRule check : checks) {
      result.add(new ConstraintInfo(check.name(), ConstraintInfo.Type.CHECK, List.of(), check.condition(), List.of(),
          List.of(), null, null, null, List.of(), true));
    }
    for (ForeignKeyRule foreignKey : foreignKeys) {
      result.add(new ConstraintInfo(foreignKey.name(), ConstraintInfo.Type.FOREIGN_KEY, foreignKey.columns(), null,
          foreignKey.referencedTable(), foreignKey.referencedColumns(), foreignKey.referencedKey(),
          foreignKey.onUpdate(), foreignKey.onDelete(), foreignKey.positionsInKey(), false));
    }
    return result;
  }
}
