package io.quiver.engine.connector.system;

import io.quiver.engine.access.AccessControl;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.connector.Connector;
import io.quiver.engine.profile.RuntimeHistory;
import io.quiver.exec.connector.TableDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code system} catalog, read-only. Its schema {@code runtime} shows the queries, jobs, stages,
 * tasks and executors running now and lately ({@link RuntimeTable}). Its schema {@code information_schema} lists the schemas,
 * tables, views and columns of every catalog (this one included), with a {@code table_catalog}
 * column, as DuckDB's does. One catalog-wide placement rather than one information_schema per
 * catalog (Trino): a query sees everything in one place, and {@code information_schema.tables}
 * resolves from any session schema (the engine registers the schema under that name at the root as
 * well; see {@link CatalogRegistry#registerAlias}).
 */
public final class SystemConnector implements Connector {

  public static final String NAME = "system";

  private final Schema informationSchema;
  private final Schema catalogSchema;
  private final InformationSchemaDataSource dataSource;

  /**
   * @param catalogs what information_schema lists
   * @param history what the runtime schema shows
   * @param access what each user may see of them
   */
  public SystemConnector(CatalogRegistry catalogs, RuntimeHistory history, AccessControl access) {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (InformationSchemaTable table : InformationSchemaTable.values()) {
      tables.put(table.tableName(), table.table());
    }
    Map<String, Table> frozen = Map.copyOf(tables);
    this.informationSchema = new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        return frozen;
      }
    };
    Map<String, Table> runtimeTables = new LinkedHashMap<>();
    for (RuntimeTable table : RuntimeTable.values()) {
      runtimeTables.put(table.tableName(), new SystemTable(RuntimeTable.SCHEMA_NAME, table.tableName(),
          table.columns()));
    }
    Map<String, Table> runtimeFrozen = Map.copyOf(runtimeTables);
    Schema runtime = new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        return runtimeFrozen;
      }
    };
    Map<String, Schema> schemas = Map.of(InformationSchemaTable.SCHEMA_NAME, informationSchema,
        RuntimeTable.SCHEMA_NAME, runtime);
    this.catalogSchema = new AbstractSchema() {
      @Override
      protected Map<String, Schema> getSubSchemaMap() {
        return schemas;
      }
    };
    this.dataSource = new InformationSchemaDataSource(new InformationSchemaRows(catalogs), new RuntimeRows(history),
        access);
  }

  @Override
  public String catalogName() {
    return NAME;
  }

  @Override
  public Schema catalogSchema() {
    return catalogSchema;
  }

  /** The information_schema schema itself (to register under its own name at the root). */
  public Schema informationSchema() {
    return informationSchema;
  }

  @Override
  public TableDataSource dataSource() {
    return dataSource;
  }
}
