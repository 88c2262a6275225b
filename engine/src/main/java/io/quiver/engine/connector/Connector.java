package io.quiver.engine.connector;

import io.quiver.exec.connector.TableDataSource;
import org.apache.calcite.schema.Schema;

/**
 * A source of tables: a catalog for the planner (a Calcite schema whose sub-schemas are the
 * connector's schemas) and, for the executors, the {@link TableDataSource} that reads its tables.
 */
public interface Connector {

  /** The catalog name under the root schema; also the data source's connector name. */
  String catalogName();

  /** The catalog as a Calcite schema: its sub-schemas hold the tables. */
  Schema catalogSchema();

  /** Reads this connector's tables on an executor. */
  TableDataSource dataSource();

  /**
   * Makes the catalog look unchanged to the calling thread until the pin is closed; catalogs that
   * change (DDL) override it. Called around planning.
   */
  default CatalogPin pinForPlanning() {
    return CatalogPin.NONE;
  }

  /** Releases what the connector keeps (caches, files); called when the engine closes. */
  default void close() {
  }
}
