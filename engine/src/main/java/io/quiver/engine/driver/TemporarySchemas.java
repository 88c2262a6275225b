package io.quiver.engine.driver;

import io.quiver.engine.access.AccessControl;
import io.quiver.engine.access.SecuredObject;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.List;

/**
 * Makes and drops the sessions' temporary schemas in the memory catalog: a session's first CREATE
 * TEMPORARY TABLE or VIEW makes its schema, which its user owns (any user may make temporary
 * tables, as PUBLIC's TEMP privilege allows in PostgreSQL); the session's end drops it with
 * everything in it.
 */
public final class TemporarySchemas {

  private final CatalogRegistry catalogs;
  private final AccessControl access;

  public TemporarySchemas(CatalogRegistry catalogs, AccessControl access) {
    this.catalogs = catalogs;
    this.access = access;
  }

  /**
   * Makes a new temporary schema for the session.
   *
   * @return [catalog, schema]
   */
  public List<String> create(String sessionId, String user) {
    MemoryConnector memory = memory();
    String schema = memory.createTemporarySchema(sessionId);
    try {
      access.created(SecuredObject.schema(MemoryConnector.NAME, schema), user);
    } catch (RuntimeException | Error e) {
      memory.dropTemporarySchema(schema);
      throw e;
    }
    return List.of(MemoryConnector.NAME, schema);
  }

  /** Drops a temporary schema, its tables and views, and what the access control knew of them. */
  public void drop(List<String> schema) {
    try {
      memory().dropTemporarySchema(schema.get(1));
    } finally {
      access.dropped(SecuredObject.schema(schema.get(0), schema.get(1)));
    }
  }

  private MemoryConnector memory() {
    return catalogs.connector(MemoryConnector.NAME).filter(MemoryConnector.class::isInstance)
        .map(MemoryConnector.class::cast)
        .orElseThrow(() -> new QuiverException(ErrorCode.NOT_SUPPORTED, "temporary tables need the "
            + MemoryConnector.NAME + " catalog"));
  }
}
