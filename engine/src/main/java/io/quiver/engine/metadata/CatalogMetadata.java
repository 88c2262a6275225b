package io.quiver.engine.metadata;

import java.util.List;

/**
 * The catalog as metadata: answered from the catalog's own structures, never by scanning data, so
 * that BI tools' metadata calls are fast.
 */
public interface CatalogMetadata {

  /** Catalog names, sorted. */
  List<String> catalogs();

  /** Schema names of a catalog, sorted. */
  List<String> schemas(String catalog);

  /** Tables of a schema, sorted by name. */
  List<TableInfo> tables(String catalog, String schema);
}
