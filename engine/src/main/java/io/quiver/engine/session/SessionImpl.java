package io.quiver.engine.session;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import io.quiver.engine.admission.Admission;
import io.quiver.engine.admission.AdmissionController;
import io.quiver.engine.admission.SessionLimits;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.driver.QueryDriver;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.Named;

/**
 * A session: a current catalog and schema, and the results it has open. Thread-safe; a failed
 * statement changes nothing.
 */
public final class SessionImpl implements Session {

  public static final String DEFAULT_CATALOG = "tpch";
  public static final String DEFAULT_SCHEMA = "tiny";

  private final String id;
  private final String user;
  private final AdmissionController admission;
  private final QueryDriver driver;
  private final CatalogRegistry catalogs;
  private final Consumer<SessionImpl> onClose;
  private final Set<QueryResult> openResults = ConcurrentHashMap.newKeySet();
  private volatile String catalog = DEFAULT_CATALOG;
  private volatile String schema = DEFAULT_SCHEMA;
  private volatile boolean closed;

  /**
   * @param user who runs the session's statements (their admission and memory limits)
   * @param admission decides when each statement may start
   * @param onClose told when the session closes (the engine forgets it)
   */
  public SessionImpl(String id, String user, AdmissionController admission, QueryDriver driver,
      CatalogRegistry catalogs, Consumer<SessionImpl> onClose) {
    this.id = id;
    this.user = user;
    this.admission = admission;
    this.driver = driver;
    this.catalogs = catalogs;
    this.onClose = onClose;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public QueryResult execute(String sql) {
    return execute(sql, new io.quiver.exec.task.CancellationToken());
  }

  @Override
  public QueryResult execute(String sql, io.quiver.exec.task.CancellationToken cancellation) {
    checkOpen();
    List<String> path;
    synchronized (this) {
      path = schema == null ? List.of(catalog) : List.of(catalog, schema);
    }
    QueryResult[] holder = new QueryResult[1];
    // waits for its turn; runs until its result is closed
    Admission admitted = admission.admit(user, id);
    QueryResult result;
    try {
      result = driver.execute(sql, path, user, () -> {
        openResults.remove(holder[0]);
        admitted.release();
      }, cancellation);
    } catch (RuntimeException | Error e) {
      admitted.release();
      throw e;
    }
    holder[0] = result;
    openResults.add(result);
    if (closed) {
      // The session closed while the statement started: do not leave it running.
      result.close();
      checkOpen();
    }
    return result;
  }

  @Override
  public RowSchema describe(String sql) {
    checkOpen();
    List<String> path;
    synchronized (this) {
      path = schema == null ? List.of(catalog) : List.of(catalog, schema);
    }
    return driver.describe(sql, path);
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public SessionLimits limits() {
    return admission.limitsFor(user);
  }

  @Override
  public String currentCatalog() {
    return catalog;
  }

  @Override
  public String currentSchema() {
    return schema;
  }

  @Override
  public synchronized void setCatalog(String newCatalog) {
    checkOpen();
    Named<SchemaPlus> found = catalogs.catalog(unquote(newCatalog))
        .orElseThrow(() -> new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "catalog '" + newCatalog + "' does not exist"));
    String keptSchema = schema == null ? null
        : catalogs.schema(found.name(), schema).map(Named::name).orElse(null);
    catalog = found.name();
    schema = keptSchema;
  }

  @Override
  public synchronized void setSchema(String newSchema) {
    checkOpen();
    if (newSchema == null || newSchema.isBlank()) {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema name is empty");
    }
    List<String> parts = splitName(newSchema);
    String catalogName;
    String schemaName;
    if (parts.size() == 1) {
      catalogName = catalog;
      schemaName = parts.get(0);
    } else if (parts.size() == 2) {
      catalogName = parts.get(0);
      schemaName = parts.get(1);
    } else {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema '" + newSchema + "' does not exist");
    }
    String resolvedCatalog = catalogs.catalog(catalogName).map(Named::name).orElseThrow(
        () -> new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "catalog '" + catalogName + "' does not exist"));
    String resolvedSchema = catalogs.schema(resolvedCatalog, schemaName).map(Named::name).orElseThrow(
        () -> new QuiverException(ErrorCode.SCHEMA_NOT_FOUND,
            "schema '" + schemaName + "' does not exist in catalog '" + resolvedCatalog + "'"));
    catalog = resolvedCatalog;
    schema = resolvedSchema;
  }

  /** Results not closed yet. */
  public int openResultCount() {
    return openResults.size();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    admission.cancelWaiting(id);
    RuntimeException failure = null;
    for (QueryResult result : new ArrayList<>(openResults)) {
      try {
        result.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    onClose.accept(this);
    if (failure != null) {
      throw failure;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new QuiverException(ErrorCode.INVALID_PARAMETER, "session " + id + " is closed");
    }
  }

  /** Splits {@code a.b} at dots outside double quotes; quoted parts lose their quotes. */
  private static List<String> splitName(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        current.append(c);
      } else if (c == '.' && !quoted) {
        parts.add(unquote(current.toString().trim()));
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(unquote(current.toString().trim()));
    return parts;
  }

  private static String unquote(String name) {
    if (name != null && name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name;
  }
}
