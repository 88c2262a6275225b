package io.quiver.jdbc.meta;

import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.metadata.ConstraintInfo;
import io.quiver.engine.metadata.TableInfo;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.avatica.MetaImpl;

/**
 * The rows of {@code getPrimaryKeys}, {@code getImportedKeys}, {@code getExportedKeys},
 * {@code getCrossReference} and {@code getIndexInfo}, from the constraints tables declare (their {@link TableInfo#constraints()}),
 * in the order JDBC specifies. A PRIMARY KEY or UNIQUE constraint is reported as a unique index of
 * its name (Quiver checks it with a hash set at commit, no index structure). FOREIGN KEYs are
 * reported though Quiver does not enforce them.
 */
final class KeyRows {

  private KeyRows() {
  }

  /** One row of getPrimaryKeys (Avatica's own row class cannot be made outside its package). */
  public static final class PrimaryKeyRow {
    public final String tableCat;
    public final String tableSchem;
    public final String tableName;
    public final String columnName;
    public final short keySeq;
    public final String pkName;

    PrimaryKeyRow(String tableCat, String tableSchem, String tableName, String columnName, short keySeq,
        String pkName) {
      this.tableCat = tableCat;
      this.tableSchem = tableSchem;
      this.tableName = tableName;
      this.columnName = columnName;
      this.keySeq = keySeq;
      this.pkName = pkName;
    }
  }

  /**
   * One row of getImportedKeys or getExportedKeys, its last column spelled DEFERABILITY as Avatica (and so the thin driver) spells it (Avatica.s row classes spell DEFERRABILITY
   * "deferability", so its column cannot be found by name).
   */
  public static final class KeyReferenceRow {
    public final String pktableCat;
    public final String pktableSchem;
    public final String pktableName;
    public final String pkcolumnName;
    public final String fktableCat;
    public final String fktableSchem;
    public final String fktableName;
    public final String fkcolumnName;
    public final short keySeq;
    public final short updateRule;
    public final short deleteRule;
    public final String fkName;
    public final String pkName;
    public final short deferability;

    @SuppressWarnings("checkstyle:ParameterNumber")
    KeyReferenceRow(String pktableCat, String pktableSchem, String pktableName, String pkcolumnName,
        String fktableCat, String fktableSchem, String fktableName, String fkcolumnName, short keySeq,
        short updateRule, short deleteRule, String fkName, String pkName, short deferability) {
      this.pktableCat = pktableCat;
      this.pktableSchem = pktableSchem;
      this.pktableName = pktableName;
      this.pkcolumnName = pkcolumnName;
      this.fktableCat = fktableCat;
      this.fktableSchem = fktableSchem;
      this.fktableName = fktableName;
      this.fkcolumnName = fkcolumnName;
      this.keySeq = keySeq;
      this.updateRule = updateRule;
      this.deleteRule = deleteRule;
      this.fkName = fkName;
      this.pkName = pkName;
      this.deferability = deferability;
    }
  }

  static List<PrimaryKeyRow> primaryKeys(CatalogMetadata metadata, String catalog, String schema, String table) {
    List<PrimaryKeyRow> rows = new ArrayList<>();
    for (TableInfo info : tables(metadata, catalog, schema, table)) {
      for (ConstraintInfo constraint : info.constraints()) {
        if (constraint.type() == ConstraintInfo.Type.PRIMARY_KEY) {
          for (int i = 0; i < constraint.columns().size(); i++) {
            rows.add(new PrimaryKeyRow(info.catalog(), info.schema(), info.name(), constraint.columns().get(i),
                (short) (i + 1), constraint.name()));
          }
        }
      }
    }
    rows.sort(Comparator.comparing((PrimaryKeyRow r) -> r.tableCat).thenComparing(r -> r.tableSchem)
        .thenComparing(r -> r.tableName).thenComparing(r -> r.columnName));
    return rows;
  }

  /** The foreign keys of the table (getImportedKeys), by referenced table and key position. */
  static List<KeyReferenceRow> importedKeys(CatalogMetadata metadata, String catalog, String schema,
      String table) {
    List<KeyReferenceRow> rows = new ArrayList<>();
    for (TableInfo info : tables(metadata, catalog, schema, table)) {
      for (ConstraintInfo constraint : info.constraints()) {
        if (constraint.type() != ConstraintInfo.Type.FOREIGN_KEY) {
          continue;
        }
        List<String> referenced = constraint.referencedTable();
        for (int i = 0; i < constraint.columns().size(); i++) {
          rows.add(new KeyReferenceRow(referenced.get(0), referenced.get(1), referenced.get(2),
              constraint.referencedColumns().get(i), info.catalog(), info.schema(), info.name(),
              constraint.columns().get(i), (short) (i + 1), rule(constraint.updateRule()),
              rule(constraint.deleteRule()), constraint.name(), constraint.referencedConstraint(),
              (short) DatabaseMetaData.importedKeyNotDeferrable));
        }
      }
    }
    rows.sort(Comparator.comparing((KeyReferenceRow r) -> r.pktableCat).thenComparing(r -> r.pktableSchem)
        .thenComparing(r -> r.pktableName).thenComparingInt(r -> r.keySeq));
    return rows;
  }

  /** The foreign keys of every table that reference the table (getExportedKeys). */
  static List<KeyReferenceRow> exportedKeys(CatalogMetadata metadata, String catalog, String schema,
      String table) {
    List<KeyReferenceRow> rows = new ArrayList<>();
    for (TableInfo referenced : tables(metadata, catalog, schema, table)) {
      List<String> name = List.of(referenced.catalog(), referenced.schema(), referenced.name());
      for (TableInfo info : tables(metadata, null, null, null)) {
        for (ConstraintInfo constraint : info.constraints()) {
          if (constraint.type() != ConstraintInfo.Type.FOREIGN_KEY || !constraint.referencedTable().equals(name)) {
            continue;
          }
          for (int i = 0; i < constraint.columns().size(); i++) {
            rows.add(new KeyReferenceRow(name.get(0), name.get(1), name.get(2),
                constraint.referencedColumns().get(i), info.catalog(), info.schema(), info.name(),
                constraint.columns().get(i), (short) (i + 1), rule(constraint.updateRule()),
                rule(constraint.deleteRule()), constraint.name(), constraint.referencedConstraint(),
                (short) DatabaseMetaData.importedKeyNotDeferrable));
          }
        }
      }
    }
    rows.sort(Comparator.comparing((KeyReferenceRow r) -> r.fktableCat).thenComparing(r -> r.fktableSchem)
        .thenComparing(r -> r.fktableName).thenComparingInt(r -> r.keySeq));
    return rows;
  }

  /**
   * The foreign keys of the foreign table that reference the parent table (getCrossReference), by
   * foreign table and key position.
   */
  static List<KeyReferenceRow> crossReference(CatalogMetadata metadata, String parentCatalog, String parentSchema,
      String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) {
    List<KeyReferenceRow> rows = new ArrayList<>();
    for (TableInfo parent : tables(metadata, parentCatalog, parentSchema, parentTable)) {
      List<String> name = List.of(parent.catalog(), parent.schema(), parent.name());
      for (KeyReferenceRow row : importedKeys(metadata, foreignCatalog, foreignSchema, foreignTable)) {
        if (name.equals(List.of(row.pktableCat, row.pktableSchem, row.pktableName))) {
          rows.add(row);
        }
      }
    }
    rows.sort(Comparator.comparing((KeyReferenceRow r) -> r.fktableCat).thenComparing(r -> r.fktableSchem)
        .thenComparing(r -> r.fktableName).thenComparingInt(r -> r.keySeq));
    return rows;
  }

  /**
   * PRIMARY KEY and UNIQUE constraints as unique indexes, and CREATE INDEX's indexes (getIndexInfo);
   * only unique ones if {@code uniqueOnly}.
   */
  static List<MetaImpl.MetaIndexInfo> indexInfo(CatalogMetadata metadata, String catalog, String schema,
      String table, boolean uniqueOnly) {
    List<MetaImpl.MetaIndexInfo> rows = new ArrayList<>();
    for (TableInfo info : tables(metadata, catalog, schema, table)) {
      for (ConstraintInfo constraint : info.constraints()) {
        if (constraint.type() != ConstraintInfo.Type.PRIMARY_KEY && constraint.type() != ConstraintInfo.Type.UNIQUE) {
          continue;
        }
        for (int i = 0; i < constraint.columns().size(); i++) {
          rows.add(new MetaImpl.MetaIndexInfo(info.catalog(), info.schema(), info.name(), false, null,
              constraint.name(), (short) DatabaseMetaData.tableIndexOther, (short) (i + 1),
              constraint.columns().get(i), "A", -1, -1, null));
        }
      }
      for (io.quiver.engine.metadata.IndexDescription index : info.indexes()) {
        if (uniqueOnly && !index.unique()) {
          continue;
        }
        for (int i = 0; i < index.columns().size(); i++) {
          rows.add(new MetaImpl.MetaIndexInfo(info.catalog(), info.schema(), info.name(), !index.unique(), null,
              index.name(), (short) DatabaseMetaData.tableIndexOther, (short) (i + 1), index.columns().get(i), "A",
              -1, -1, null));
        }
      }
    }
    rows.sort(Comparator.comparing((MetaImpl.MetaIndexInfo r) -> r.nonUnique).thenComparing(r -> r.indexName)
        .thenComparingInt(r -> r.ordinalPosition));
    return rows;
  }

  private static short rule(String rule) {
    if (rule == null) {
      return (short) DatabaseMetaData.importedKeyNoAction;
    }
    switch (rule) {
      case "CASCADE":
        return (short) DatabaseMetaData.importedKeyCascade;
      case "RESTRICT":
        return (short) DatabaseMetaData.importedKeyRestrict;
      case "SET NULL":
        return (short) DatabaseMetaData.importedKeySetNull;
      case "SET DEFAULT":
        return (short) DatabaseMetaData.importedKeySetDefault;
      default:
        return (short) DatabaseMetaData.importedKeyNoAction;
    }
  }

  /** The tables named exactly (JDBC's key calls take names, not patterns); null matches any. */
  private static List<TableInfo> tables(CatalogMetadata metadata, String catalog, String schema, String table) {
    List<TableInfo> result = new ArrayList<>();
    for (String catalogName : metadata.catalogs()) {
      if (catalog != null && !catalog.isEmpty() && !catalog.equals(catalogName)) {
        continue;
      }
      for (String schemaName : metadata.schemas(catalogName)) {
        if (schema != null && !schema.isEmpty() && !schema.equals(schemaName)) {
          continue;
        }
        for (TableInfo info : metadata.tables(catalogName, schemaName)) {
          if (table == null || table.equals(info.name())) {
            result.add(info);
          }
        }
      }
    }
    return result;
  }
}
