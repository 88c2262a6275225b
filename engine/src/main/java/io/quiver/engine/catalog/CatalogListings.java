package io.quiver.engine.catalog;

import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.metadata.TableInfo;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.sql.analyze.FunctionListing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The answers of SHOW CATALOGS, SHOW SCHEMAS, SHOW TABLES and SHOW FUNCTIONS, from the catalog's
 * metadata (never by reading data), sorted by name. LIKE patterns are SQL's ({@code %}, {@code _}),
 * matched case-sensitively as in PostgreSQL.
 */
public final class CatalogListings {

  public static final RowSchema CATALOGS = schema("catalog_name");
  public static final RowSchema SCHEMAS = schema("catalog_name", "schema_name");
  public static final RowSchema TABLES = schema("table_name", "table_type");
  public static final RowSchema FUNCTIONS = schema("function_name", "function_type");

  private final CatalogMetadata metadata;

  public CatalogListings(CatalogMetadata metadata) {
    this.metadata = metadata;
  }

  public List<List<Object>> catalogs(String like) {
    Pattern pattern = pattern(like);
    List<List<Object>> rows = new ArrayList<>();
    for (String catalog : metadata.catalogs()) {
      if (matches(pattern, catalog)) {
        rows.add(List.of(catalog));
      }
    }
    return rows;
  }

  /** @throws QuiverException SCHEMA_NOT_FOUND for a catalog that does not exist */
  public List<List<Object>> schemas(String catalog, String like) {
    String found = catalogName(catalog);
    Pattern pattern = pattern(like);
    List<List<Object>> rows = new ArrayList<>();
    for (String schema : metadata.schemas(found)) {
      if (matches(pattern, schema)) {
        rows.add(List.of(found, schema));
      }
    }
    return rows;
  }

  /**
   * The tables and views of a schema.
   *
   * @throws QuiverException SCHEMA_NOT_FOUND for a schema that does not exist
   */
  public List<List<Object>> tables(String catalog, String schema, String like) {
    String found = catalogName(catalog);
    if (!metadata.schemas(found).contains(schema)) {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema " + found + "." + schema + " does not exist");
    }
    Pattern pattern = pattern(like);
    List<List<Object>> rows = new ArrayList<>();
    for (TableInfo table : metadata.tables(found, schema)) {
      if (matches(pattern, table.name())) {
        String type = tableType(table.type());
        rows.add(List.of(table.name(), temporary(found, schema, type)));
      }
    }
    return rows;
  }

  /** The functions the validator resolves ({@link FunctionListing}), by name. */
  public List<List<Object>> functions(String like) {
    Pattern pattern = pattern(like);
    List<List<Object>> rows = new ArrayList<>();
    for (FunctionListing.Function function : FunctionListing.functions(io.quiver.planner.function.RegistryOperatorTable.INSTANCE)) {
      if (matches(pattern, function.name())) {
        rows.add(List.of(function.name(), function.kind()));
      }
    }
    return rows;
  }

  /** "LOCAL TEMPORARY" for a table of a session's temporary schema (information_schema's name), else {@code type}. */
  public static String temporary(String catalog, String schema, String type) {
    return type.equals("BASE TABLE") && io.quiver.engine.connector.memory.MemoryConnector.NAME.equals(catalog)
        && io.quiver.engine.connector.memory.MemoryConnector.isTemporaryName(schema) ? "LOCAL TEMPORARY" : type;
  }

  /** information_schema's name of a table type. */
  public static String tableType(String jdbcType) {
    return jdbcType.equals("TABLE") ? "BASE TABLE" : jdbcType;
  }

  private String catalogName(String catalog) {
    for (String name : metadata.catalogs()) {
      if (name.equals(catalog)) {
        return name;
      }
    }
    for (String name : metadata.catalogs()) {
      if (name.equalsIgnoreCase(catalog)) {
        return name;
      }
    }
    throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "catalog '" + catalog + "' does not exist");
  }

  /** SQL's LIKE as a regular expression: % any characters, _ one character, no escape character. */
  private static Pattern pattern(String like) {
    if (like == null) {
      return null;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static boolean matches(Pattern pattern, String name) {
    return pattern == null || pattern.matcher(name).matches();
  }

  private static RowSchema schema(String... names) {
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(new Column(name.toLowerCase(Locale.ROOT), DataType.VARCHAR, false));
    }
    return new RowSchema(columns);
  }
}
