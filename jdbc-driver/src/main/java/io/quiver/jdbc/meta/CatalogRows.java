package io.quiver.jdbc.meta;

import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.metadata.ColumnInfo;
import io.quiver.engine.metadata.TableInfo;
import io.quiver.exec.type.DataType;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.avatica.MetaImpl;

/**
 * The rows of the JDBC catalog calls ({@code getTables}, {@code getColumns}, ...) built from the
 * engine's {@link CatalogMetadata}, filtered by the JDBC patterns and in the order JDBC specifies.
 */
final class CatalogRows {

  /** The table types Quiver has, in JDBC's order (by name). */
  static final List<String> TABLE_TYPES = List.of("SYSTEM TABLE", "TABLE", "VIEW");

  private CatalogRows() {
  }

  static List<MetaImpl.MetaCatalog> catalogs(CatalogMetadata metadata) {
    List<MetaImpl.MetaCatalog> rows = new ArrayList<>();
    for (String catalog : metadata.catalogs()) {
      rows.add(new MetaImpl.MetaCatalog(catalog));
    }
    return rows;
  }

  static List<MetaImpl.MetaSchema> schemas(CatalogMetadata metadata, String catalog, String schemaPattern) {
    LikePattern schemaMatch = LikePattern.of(schemaPattern);
    List<MetaImpl.MetaSchema> rows = new ArrayList<>();
    for (String catalogName : catalogs(metadata, catalog)) {
      for (String schema : metadata.schemas(catalogName)) {
        if (schemaMatch.matches(schema)) {
          rows.add(new MetaImpl.MetaSchema(catalogName, schema));
        }
      }
    }
    rows.sort(Comparator.comparing((MetaImpl.MetaSchema s) -> s.tableCatalog)
        .thenComparing(s -> s.tableSchem));
    return rows;
  }

  static List<MetaImpl.MetaTable> tables(CatalogMetadata metadata, String catalog, String schemaPattern,
      String tablePattern, List<String> types) {
    List<MetaImpl.MetaTable> rows = new ArrayList<>();
    for (TableInfo table : matchingTables(metadata, catalog, schemaPattern, tablePattern)) {
      if (types == null || types.contains(table.type())) {
        rows.add(new MetaImpl.MetaTable(table.catalog(), table.schema(), table.name(), table.type()));
      }
    }
    rows.sort(Comparator.comparing((MetaImpl.MetaTable t) -> t.tableType)
        .thenComparing(t -> t.tableCat)
        .thenComparing(t -> t.tableSchem)
        .thenComparing(t -> t.tableName));
    return rows;
  }

  static List<MetaImpl.MetaColumn> columns(CatalogMetadata metadata, String catalog, String schemaPattern,
      String tablePattern, String columnPattern) {
    LikePattern columnMatch = LikePattern.of(columnPattern);
    List<MetaImpl.MetaColumn> rows = new ArrayList<>();
    List<TableInfo> tables = matchingTables(metadata, catalog, schemaPattern, tablePattern);
    tables.sort(Comparator.comparing(TableInfo::catalog).thenComparing(TableInfo::schema)
        .thenComparing(TableInfo::name));
    for (TableInfo table : tables) {
      for (ColumnInfo column : table.columns()) {
        if (columnMatch.matches(column.name())) {
          rows.add(column(table, column));
        }
      }
    }
    return rows;
  }

  private static MetaImpl.MetaColumn column(TableInfo table, ColumnInfo column) {
    JdbcType type = JdbcType.of(column.type());
    boolean text = column.type().isText();
    return new MetaImpl.MetaColumn(
        table.catalog(), table.schema(), table.name(), column.name(),
        type.typeId(), typeName(column.type(), type),
        type.precision(), type.decimalDigits(), type.precisionRadix(),
        column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        text ? type.precision() : null,
        column.ordinal(),
        column.nullable() ? "YES" : "NO",
        "NO", "NO");
  }

  /** The type as written in SQL, with its length or precision (what tools show in a column list). */
  private static String typeName(DataType dataType, JdbcType type) {
    switch (dataType.kind()) {
      case DECIMAL:
      case CHAR:
        return dataType.toString().replace(", ", ",");
      case VARCHAR:
        return dataType.precision() < 0 ? "VARCHAR" : "VARCHAR(" + dataType.precision() + ")";
      default:
        return type.typeName();
    }
  }

  static List<MetaImpl.MetaTableType> tableTypes() {
    List<MetaImpl.MetaTableType> rows = new ArrayList<>();
    for (String type : TABLE_TYPES) {
      rows.add(new MetaImpl.MetaTableType(type));
    }
    return rows;
  }

  static List<MetaImpl.MetaTypeInfo> typeInfo() {
    List<MetaImpl.MetaTypeInfo> rows = new ArrayList<>();
    rows.add(typeInfo(DataType.TINYINT, null, null));
    rows.add(typeInfo(DataType.BIGINT, null, null));
    rows.add(typeInfo(DataType.VARBINARY, "X'", "'"));
    rows.add(typeInfo(DataType.character(1), "'", "'"));
    rows.add(typeInfo(DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 0), null, null));
    rows.add(typeInfo(DataType.INTEGER, null, null));
    rows.add(typeInfo(DataType.SMALLINT, null, null));
    rows.add(typeInfo(DataType.REAL, null, null));
    rows.add(typeInfo(DataType.DOUBLE, null, null));
    rows.add(typeInfo(DataType.VARCHAR, "'", "'"));
    rows.add(typeInfo(DataType.BOOLEAN, null, null));
    rows.add(typeInfo(DataType.DATE, "DATE '", "'"));
    rows.add(typeInfo(DataType.TIME, "TIME '", "'"));
    rows.add(typeInfo(DataType.TIMESTAMP, "TIMESTAMP '", "'"));
    rows.sort(Comparator.comparingInt((MetaImpl.MetaTypeInfo t) -> t.dataType).thenComparing(t -> t.typeName));
    return rows;
  }

  private static MetaImpl.MetaTypeInfo typeInfo(DataType dataType, String prefix, String suffix) {
    JdbcType type = JdbcType.of(dataType);
    boolean decimal = type.typeId() == Types.DECIMAL;
    int precision = type.typeId() == Types.CHAR || type.typeId() == Types.VARCHAR
        || type.typeId() == Types.VARBINARY ? JdbcType.UNBOUNDED_LENGTH : type.precision();
    return new MetaImpl.MetaTypeInfo(
        type.typeName(), type.typeId(), precision, prefix, suffix,
        (short) DatabaseMetaData.typeNullable,
        type.caseSensitive(),
        (short) DatabaseMetaData.typeSearchable,
        false,                    // unsignedAttribute
        false,                    // fixedPrecScale
        false,                    // autoIncrement
        (short) 0,
        (short) (decimal ? DataType.MAX_DECIMAL_PRECISION : 0),
        type.precisionRadix() == null ? 0 : type.precisionRadix());
  }

  private static List<String> catalogs(CatalogMetadata metadata, String catalog) {
    if (catalog == null) {
      return metadata.catalogs();
    }
    return metadata.catalogs().contains(catalog) ? List.of(catalog) : List.of();
  }

  private static List<TableInfo> matchingTables(CatalogMetadata metadata, String catalog,
      String schemaPattern, String tablePattern) {
    LikePattern schemaMatch = LikePattern.of(schemaPattern);
    LikePattern tableMatch = LikePattern.of(tablePattern);
    List<TableInfo> tables = new ArrayList<>();
    for (String catalogName : catalogs(metadata, catalog)) {
      for (String schema : metadata.schemas(catalogName)) {
        if (!schemaMatch.matches(schema)) {
          continue;
        }
        for (TableInfo table : metadata.tables(catalogName, schema)) {
          if (tableMatch.matches(table.name())) {
            tables.add(table);
          }
        }
      }
    }
    return tables;
  }
}
