package io.quiver.engine.access;

import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.metadata.TableInfo;
import java.util.List;

/**
 * The catalog as one subject may see it: only catalogs, schemas and tables it may use
 * ({@link AccessControl#visible}); what JDBC's metadata calls and SHOW list.
 */
public final class VisibleCatalogMetadata implements CatalogMetadata {

  private final CatalogMetadata all;
  private final AccessControl access;
  private final Subject subject;

  private VisibleCatalogMetadata(CatalogMetadata all, AccessControl access, Subject subject) {
    this.all = all;
    this.access = access;
    this.subject = subject;
  }

  /** The metadata the subject may see: all of it for subjects with every right or where nothing is enforced. */
  public static CatalogMetadata of(CatalogMetadata all, AccessControl access, Subject subject) {
    if (subject.everyRight() || !access.enforced()) {
      return all;
    }
    return new VisibleCatalogMetadata(all, access, subject);
  }

  @Override
  public List<String> catalogs() {
    return all.catalogs().stream().filter(catalog -> access.visible(subject, SecuredObject.catalog(catalog))).toList();
  }

  @Override
  public List<String> schemas(String catalog) {
    return all.schemas(catalog).stream()
        .filter(schema -> access.visible(subject, SecuredObject.schema(catalog, schema))).toList();
  }

  @Override
  public List<TableInfo> tables(String catalog, String schema) {
    return all.tables(catalog, schema).stream()
        .filter(table -> access.visible(subject, SecuredObject.table(List.of(catalog, schema, table.name())))).toList();
  }
}
