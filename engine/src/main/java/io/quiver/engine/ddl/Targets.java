package io.quiver.engine.ddl;

import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.catalog.TableResolver;
import io.quiver.engine.driver.StatementContext;
import io.quiver.engine.connector.Connector;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.memory.SchemaObject;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.sql.statement.ObjectName;
import java.util.ArrayList;
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
  private final TableResolver resolver;

  Targets(CatalogRegistry catalogs) {
    this.catalogs = catalogs;
    this.resolver = new TableResolver(catalogs);
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

  /**
   * Where a name of an object that should exist points (INSERT INTO, DROP): a name without a
   * catalog is looked up along the session's search path, as a query would find it; one found
   * nowhere points where a new object of that name would go (where its absence is reported).
   */
  Target resolveExisting(ObjectName name, StatementContext context) {
    if (name.parts().size() < 3) {
      Optional<TableResolver.Resolved> found = resolver.resolve(name, context.schemaPaths());
      if (found.isPresent() && found.get().qualifiedName().size() == 3) {
        return resolve(new ObjectName(found.get().qualifiedName(), List.of(true, true, true), name.pos()), context);
      }
    }
    return resolve(name, context);
  }

  /**
   * Where a name of an object to create points: {@code catalog.schema.name}; {@code schema.name}
   * in the catalog that has the schema (the current one, else those of the search path, else the
   * one catalog that has it, such as {@code information_schema}'s); {@code name} in the current
   * schema.
   */
  Target resolve(ObjectName name, StatementContext context) {
    List<String> parts = name.parts();
    List<String> current = context.currentSchema();
    String catalog;
    String schema;
    boolean schemaQuoted;
    if (parts.size() == 3) {
      catalog = parts.get(0);
      schema = parts.get(1);
      schemaQuoted = name.quoted().get(1);
    } else if (parts.size() == 2) {
      schema = parts.get(0);
      catalog = catalogOf(schema, context);
      schemaQuoted = name.quoted().get(0);
    } else {
      if (current.size() < 2) {
        throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, name + " names no schema and the session has no "
            + "current schema");
      }
      catalog = current.get(0);
      schema = current.get(1);
      schemaQuoted = true;
    }
    MemoryConnector memory = writableCatalog(catalog, name);
    return new Target(memory, schema, schemaQuoted, name.last(), name.quoted().get(parts.size() - 1));
  }

  /**
   * Where the name of a temporary table or view to create points: the session's temporary schema
   * (made now if the session has none). The name has no schema or catalog (42P16).
   */
  Target resolveTemporary(ObjectName name, StatementContext context, String kind) {
    if (name.parts().size() > 1) {
      throw new QuiverException(ErrorCode.INVALID_TABLE_DEFINITION, "cannot create temporary " + kind + " " + name
          + " in a named schema: a temporary " + kind + " goes into the session's temporary schema; write its "
          + "name alone");
    }
    if (context.session() == null) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "a temporary " + kind + " needs a session");
    }
    List<String> schema = context.session().temporarySchema();
    MemoryConnector memory = writableCatalog(schema.get(0), name);
    return new Target(memory, schema.get(1), true, name.last(), name.lastQuoted());
  }

  /** The catalog a schema named alone belongs to (the current catalog when none has it). */
  private String catalogOf(String schema, StatementContext context) {
    List<String> candidates = new ArrayList<>();
    candidates.add(context.currentSchema().get(0));
    for (List<String> path : context.schemaPaths()) {
      if (path.size() == 1) {
        candidates.add(path.get(0));
      }
    }
    for (String catalog : candidates) {
      if (catalogs.schema(catalog, schema).isPresent()) {
        return catalog;
      }
    }
    String only = null;
    for (String catalog : catalogs.catalogNames()) {
      if (catalogs.schema(catalog, schema).isPresent()) {
        if (only != null) {
          return candidates.get(0);
        }
        only = catalog;
      }
    }
    return only != null ? only : candidates.get(0);
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
