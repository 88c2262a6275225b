package io.quiver.engine.ddl;

import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.connector.Connector;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.memory.SchemaObject;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.sql.statement.ObjectName;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.Named;

/**
 * Resolves the names DDL and DML statements write to: {@code [[catalog.]schema.]name}, completed
 * from the session's path. Only the memory catalog is writable; any other catalog is read-only.
 */
final class Targets {

  private final CatalogRegistry catalogs;

  Targets(CatalogRegistry catalogs) {
    this.catalogs = catalogs;
  }

  /**
   * Where a name points.
   *
   * @param schemaAsWritten the schema as written (or the session's schema)
   * @param name the object's own name as written
   */
  record Target(MemoryConnector memory, String schemaAsWritten, boolean schemaQuoted, String name,
      boolean nameQuoted) {

    /** The schema's stored name, if it exists. */
    Optional<String> schema() {
      return memory.schemaName(schemaAsWritten, schemaQuoted);
    }

    /** The schema's stored name. */
    String existingSchema() {
      return schema().orElseThrow(() -> schemaNotFound(schemaAsWritten));
    }

    /** The object's stored name in {@code schema}, if there is one. */
    Optional<String> storedName(String schema) {
      return memory.tableName(schema, name, nameQuoted);
    }

    Optional<SchemaObject> object(String schema) {
      return storedName(schema).flatMap(stored -> memory.object(schema, stored));
    }

    String qualified(String schema) {
      return MemoryConnector.NAME + "." + schema + "." + storedName(schema).orElse(name);
    }
  }

  Target resolve(ObjectName name, List<String> path) {
    List<String> parts = name.parts();
    String catalog;
    String schema;
    boolean schemaQuoted;
    if (parts.size() == 3) {
      catalog = parts.get(0);
      schema = parts.get(1);
      schemaQuoted = name.quoted().get(1);
    } else if (parts.size() == 2) {
      catalog = path.get(0);
      schema = parts.get(0);
      schemaQuoted = name.quoted().get(0);
    } else {
      if (path.size() < 2) {
        throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, name + " names no schema and the session has no "
            + "current schema");
      }
      catalog = path.get(0);
      schema = path.get(1);
      schemaQuoted = true;
    }
    MemoryConnector memory = writableCatalog(catalog, name);
    return new Target(memory, schema, schemaQuoted, name.last(), name.quoted().get(parts.size() - 1));
  }

  /** The memory catalog, if {@code catalog} names it; else the catalog is missing or read-only. */
  MemoryConnector writableCatalog(String catalog, ObjectName name) {
    Named<SchemaPlus> found = catalogs.catalog(catalog).orElseThrow(() -> new QuiverException(
        ErrorCode.SCHEMA_NOT_FOUND, "catalog '" + catalog + "' does not exist (in " + name + ")"));
    Connector connector = catalogs.connector(found.name()).orElse(null);
    if (connector instanceof MemoryConnector memory) {
      return memory;
    }
    throw new QuiverException(ErrorCode.NOT_SUPPORTED, "catalog '" + found.name() + "' is read-only; create, "
        + "change and drop schemas, tables and views in catalog '" + MemoryConnector.NAME + "' (" + name + ")");
  }

  static QuiverException schemaNotFound(String schema) {
    return new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema " + MemoryConnector.NAME + "." + schema
        + " does not exist");
  }

  static QuiverException tableNotFound(String qualified) {
    return new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + qualified + " does not exist");
  }
}
