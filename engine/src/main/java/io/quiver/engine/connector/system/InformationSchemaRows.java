package io.quiver.engine.connector.system;

import io.quiver.engine.access.SecuredObject;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.connector.memory.StoredView;
import io.quiver.engine.metadata.ConstrainedTable;
import io.quiver.exec.type.DataType;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.sql.analyze.SqlAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * The rows of the information_schema tables, read from the catalogs now (names and row types, never
 * table data), sorted by catalog, schema, table and column position.
 */
final class InformationSchemaRows {

  private final CatalogRegistry catalogs;

  InformationSchemaRows(CatalogRegistry catalogs) {
    this.catalogs = catalogs;
  }

  /**
   * The table's rows now: one array per row, values in the table's column order.
   *
   * @param visible the schemas and tables the reader may see
   */
  List<Object[]> rows(InformationSchemaTable table, Predicate<SecuredObject> visible) {
    List<Object[]> rows = new ArrayList<>();
    RelDataTypeFactory typeFactory = SqlAnalyzer.newTypeFactory();
    for (String catalog : catalogs.catalogNames()) {
      SchemaPlus catalogSchema = catalogs.catalog(catalog).map(named -> named.entity()).orElse(null);
      if (catalogSchema == null) {
        continue;
      }
      for (String schemaName : sorted(catalogSchema.subSchemas().getNames(LikePattern.any()))) {
        SchemaPlus schema = catalogSchema.subSchemas().get(schemaName);
        if (schema == null || !visible.test(SecuredObject.schema(catalog, schemaName))) {
          continue;
        }
        if (table == InformationSchemaTable.SCHEMATA) {
          rows.add(new Object[] {catalog, schemaName});
          continue;
        }
        for (String tableName : sorted(schema.tables().getNames(LikePattern.any()))) {
          Table found = schema.tables().get(tableName);
          if (found != null && visible.test(SecuredObject.table(List.of(catalog, schemaName, tableName)))) {
            addRows(rows, table, catalog, schemaName, tableName, found, typeFactory);
          }
        }
      }
    }
    return rows;
  }

  private static void addRows(List<Object[]> rows, InformationSchemaTable table, String catalog, String schema,
      String name, Table found, RelDataTypeFactory typeFactory) {
    switch (table) {
      case TABLES:
        rows.add(new Object[] {catalog, schema, name,
            io.quiver.engine.catalog.CatalogListings.temporary(catalog, schema, tableType(found))});
        break;
      case VIEWS:
        if (found instanceof StoredView view) {
          rows.add(new Object[] {catalog, schema, name, view.definition()});
        }
        break;
      case TABLE_CONSTRAINTS:
      case KEY_COLUMN_USAGE:
      case CHECK_CONSTRAINTS:
      case REFERENTIAL_CONSTRAINTS:
        if (found instanceof ConstrainedTable constrained) {
          ConstraintRows.add(rows, table, catalog, schema, name, constrained.constraints());
        }
        break;
      case COLUMNS:
        List<RelDataTypeField> fields;
        try {
          fields = found.getRowType(typeFactory).getFieldList();
        } catch (RuntimeException e) {
          // A table whose columns cannot be read now (files gone) must not hide every other table.
          break;
        }
        int ordinal = 1;
        for (RelDataTypeField field : fields) {
          DataType type = TypeMapping.toDataType(field.getType());
          String columnDefault = found instanceof ConstrainedTable constrained
              ? constrained.columnDefault(field.getName()).orElse(null) : null;
          rows.add(new Object[] {catalog, schema, name, field.getName(), ordinal++, columnDefault,
              field.getType().isNullable() ? "YES" : "NO", dataType(type), characterLength(type),
              numericPrecision(type), precisionRadix(type), numericScale(type)});
        }
        break;
      default:
        break;
    }
  }

  /** BASE TABLE, VIEW or SYSTEM TABLE (the information_schema tables, as JDBC lists them). */
  static String tableType(Table table) {
    Schema.TableType type = table.getJdbcTableType();
    if (type == Schema.TableType.VIEW) {
      return "VIEW";
    }
    if (type == Schema.TableType.SYSTEM_TABLE) {
      return "SYSTEM TABLE";
    }
    return "BASE TABLE";
  }

  /** The type's name without length, precision or scale (those have columns of their own). */
  static String dataType(DataType type) {
    return type.kind().name().replace('_', ' ');
  }

  private static Integer characterLength(DataType type) {
    return type.isText() && type.precision() >= 0 ? type.precision() : null;
  }

  /** Bits for binary numbers (as PostgreSQL), digits for DECIMAL. */
  private static Integer numericPrecision(DataType type) {
    switch (type.kind()) {
      case TINYINT:
        return 8;
      case SMALLINT:
        return 16;
      case INTEGER:
        return 32;
      case BIGINT:
        return 64;
      case REAL:
        return 24;
      case DOUBLE:
        return 53;
      case DECIMAL:
        return type.precision();
      default:
        return null;
    }
  }

  private static Integer precisionRadix(DataType type) {
    if (type.kind() == io.quiver.exec.type.TypeKind.DECIMAL) {
      return 10;
    }
    return type.isNumeric() ? 2 : null;
  }

  private static Integer numericScale(DataType type) {
    if (type.kind() == io.quiver.exec.type.TypeKind.DECIMAL) {
      return type.scale();
    }
    return type.isInteger() ? 0 : null;
  }

  private static List<String> sorted(java.util.Collection<String> names) {
    List<String> result = new ArrayList<>(names);
    result.sort(null);
    return result;
  }
}
