package io.quiver.engine.catalog;

import io.quiver.engine.connector.CatalogPin;
import io.quiver.engine.connector.Connector;
import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * The engine's catalogs: a Calcite root schema whose sub-schemas are the catalogs (one per
 * connector), and the executor-side data sources of the same connectors.
 */
public final class CatalogRegistry {

  private final SchemaPlus rootSchema = CalciteSchema.createRootSchema(false, false).plus();
  private final TableDataSources dataSources = new TableDataSources();
  private final List<Connector> connectors = new ArrayList<>();
  /** Names at the root that are not catalogs (information_schema). */
  private final java.util.Set<String> aliases = new java.util.concurrent.CopyOnWriteArraySet<>();

  /** Adds a connector's catalog. */
  public synchronized void register(Connector connector) {
    if (rootSchema.subSchemas().get(connector.catalogName()) != null) {
      throw new QuiverException(ErrorCode.DUPLICATE_OBJECT, "catalog '" + connector.catalogName() + "' already exists");
    }
    rootSchema.add(connector.catalogName(), connector.catalogSchema());
    dataSources.register(connector.dataSource());
    connectors.add(connector);
  }

  /**
   * Makes {@code schema} resolvable as {@code name.table} from any session schema (Calcite looks
   * names up in the session's schema, then at the root). The name is not a catalog: catalog
   * listings leave it out.
   */
  public synchronized void registerAlias(String name, org.apache.calcite.schema.Schema schema) {
    if (rootSchema.subSchemas().get(name) != null) {
      throw new QuiverException(ErrorCode.DUPLICATE_OBJECT, "'" + name + "' already exists at the root");
    }
    rootSchema.add(name, schema);
    aliases.add(name);
  }

  /** The catalogs' names, sorted (not the aliases). */
  public List<String> catalogNames() {
    List<String> names = new ArrayList<>();
    for (String name : rootSchema.subSchemas().getNames(org.apache.calcite.schema.lookup.LikePattern.any())) {
      if (!aliases.contains(name)) {
        names.add(name);
      }
    }
    names.sort(null);
    return names;
  }

  /** The connector of a catalog, by the catalog's name as stored. */
  public synchronized Optional<Connector> connector(String catalogName) {
    for (Connector connector : connectors) {
      if (connector.catalogName().equals(catalogName)) {
        return Optional.of(connector);
      }
    }
    return Optional.empty();
  }

  /** Pins every connector's catalog for the calling thread (see {@link Connector#pinForPlanning}). */
  public CatalogPin pinForPlanning() {
    List<Connector> all;
    synchronized (this) {
      all = List.copyOf(connectors);
    }
    List<CatalogPin> pins = new ArrayList<>(all.size());
    for (Connector connector : all) {
      CatalogPin pin = connector.pinForPlanning();
      if (pin != CatalogPin.NONE) {
        pins.add(pin);
      }
    }
    if (pins.isEmpty()) {
      return CatalogPin.NONE;
    }
    return () -> {
      for (int i = pins.size() - 1; i >= 0; i--) {
        pins.get(i).close();
      }
    };
  }

  /** Closes every connector. */
  public synchronized void close() {
    RuntimeException failure = null;
    for (Connector connector : connectors) {
      try {
        connector.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The root the planner resolves names in: catalogs, then schemas, then tables. */
  public SchemaPlus rootSchema() {
    return rootSchema;
  }

  public TableDataSources dataSources() {
    return dataSources;
  }

  /**
   * Finds a catalog by name: the exact name first, then ignoring case (unquoted names fold to lower
   * case, and users type them in any case).
   */
  public Optional<Named<SchemaPlus>> catalog(String name) {
    return find(rootSchema.subSchemas(), name).filter(found -> !aliases.contains(found.name()));
  }

  /** Finds a schema of a catalog, as {@link #catalog} finds catalogs. */
  public Optional<Named<SchemaPlus>> schema(String catalogName, String schemaName) {
    return catalog(catalogName).flatMap(catalog -> find(catalog.entity().subSchemas(), schemaName));
  }

  /** The catalog's schema names, as stored. */
  public List<String> schemaNames(String catalogName) {
    return catalog(catalogName)
        .map(catalog -> new ArrayList<>(catalog.entity().subSchemas().getNames(
            org.apache.calcite.schema.lookup.LikePattern.any())))
        .map(names -> (List<String>) names)
        .orElse(List.of());
  }

  private static Optional<Named<SchemaPlus>> find(Lookup<? extends SchemaPlus> lookup, String name) {
    if (name == null) {
      return Optional.empty();
    }
    SchemaPlus exact = lookup.get(name);
    if (exact != null) {
      return Optional.of(new Named<>(name, exact));
    }
    Named<? extends SchemaPlus> ignoringCase = lookup.getIgnoreCase(name);
    return ignoringCase == null ? Optional.empty()
        : Optional.of(new Named<>(ignoringCase.name(), ignoringCase.entity()));
  }
}
