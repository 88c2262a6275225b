package io.quiver.engine.connector.plugin;

import io.quiver.exec.connector.TableDataSource;
import io.quiver.spi.Connector;
import io.quiver.spi.ConnectorException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * A plugin connector as one of the engine's catalogs: its schemas and tables, asked of the
 * connector each time the planner looks, and its data source.
 */
public final class PluginCatalog implements io.quiver.engine.connector.Connector {

  private final String name;
  private final Connector connector;
  private final PluginDataSource dataSource;

  public PluginCatalog(String name, Connector connector) {
    this.name = name;
    this.connector = connector;
    this.dataSource = new PluginDataSource(name, connector);
  }

  @Override
  public String catalogName() {
    return name;
  }

  @Override
  public Schema catalogSchema() {
    return new AbstractSchema() {
      @Override
      protected Map<String, Schema> getSubSchemaMap() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        try {
          for (String schema : connector.schemaNames()) {
            schemas.put(schema, schemaOf(schema));
          }
        } catch (ConnectorException e) {
          throw PluginConnectors.toQuiverException(name, e);
        }
        return schemas;
      }
    };
  }

  private Schema schemaOf(String schema) {
    return new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        try {
          for (String table : connector.tableNames(schema)) {
            connector.table(schema, table).ifPresent(metadata ->
                tables.put(table, new PluginTable(name, connector, metadata)));
          }
        } catch (ConnectorException e) {
          throw PluginConnectors.toQuiverException(name, e);
        }
        return tables;
      }
    };
  }

  @Override
  public TableDataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    PluginConnectors.closeQuietly(connector);
  }
}
