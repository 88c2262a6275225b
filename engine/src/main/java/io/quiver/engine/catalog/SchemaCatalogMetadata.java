package io.quiver.engine.catalog;

import io.quiver.planner.fragment.TypeMapping;
import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.metadata.ColumnInfo;
import io.quiver.engine.metadata.ConstrainedTable;
import io.quiver.engine.metadata.TableInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;

/** Catalog metadata read from the schemas themselves: names and row types, never table data. */
public final class SchemaCatalogMetadata implements CatalogMetadata {

  private final CatalogRegistry catalogs;
  private final RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl();

  public SchemaCatalogMetadata(CatalogRegistry catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public List<String> catalogs() {
    return catalogs.catalogNames();
  }

  @Override
  public List<String> schemas(String catalog) {
    return sorted(catalogs.schemaNames(catalog));
  }

  @Override
  public List<TableInfo> tables(String catalog, String schema) {
    var named = catalogs.schema(catalog, schema).orElse(null);
    if (named == null) {
      return List.of();
    }
    SchemaPlus found = named.entity();
    String catalogName = catalogs.catalog(catalog).map(c -> c.name()).orElse(catalog);
    String schemaName = named.name();
    List<TableInfo> result = new ArrayList<>();
    for (String name : sorted(found.tables().getNames(LikePattern.any()))) {
      Table table = found.tables().get(name);
      if (table == null) {
        continue;
      }
      List<ColumnInfo> columns = new ArrayList<>();
      int ordinal = 1;
      ConstrainedTable constrained = table instanceof ConstrainedTable declares ? declares : null;
      for (RelDataTypeField field : table.getRowType(typeFactory).getFieldList()) {
        columns.add(new ColumnInfo(field.getName(), TypeMapping.toDataType(field.getType()), field.getType().isNullable(),
            ordinal++, constrained == null ? null : constrained.columnDefault(field.getName()).orElse(null)));
      }
      result.add(new TableInfo(catalogName, schemaName, name, tableType(table), columns,
          constrained == null ? List.of() : constrained.constraints(),
          constrained == null ? List.of() : constrained.indexes()));
    }
    return result;
  }

  private static String tableType(Table table) {
    switch (table.getJdbcTableType()) {
      case VIEW:
        return "VIEW";
      case SYSTEM_TABLE:
        return "SYSTEM TABLE";
      default:
        return "TABLE";
    }
  }

  private static List<String> sorted(java.util.Collection<String> names) {
    List<String> result = new ArrayList<>(names);
    result.sort(null);
    return List.copyOf(result);
  }
}
