package io.quiver.engine.session;

import io.quiver.engine.QueryResult;
import io.quiver.engine.admission.Admission;
import io.quiver.engine.admission.AdmissionController;
import io.quiver.engine.admission.SessionLimits;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.SessionControl;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.memory.TemporaryScope;
import io.quiver.engine.driver.StatementContext;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.driver.QueryDriver;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.RowSchema;
import io.quiver.sql.statement.ObjectName;
import io.quiver.sql.statement.SetStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.Named;

/**
 * A session: its options (the current schema among them, {@link SessionSettings}) and the results it
 * has open. Thread-safe; a failed statement changes nothing. USE, SET and RESET reach it as
 * {@link SessionControl}.
 */
public final class SessionImpl implements Session, SessionControl {

  /** A new session's current schema: the memory catalog's first schema, where CREATE TABLE t goes. */
  public static final String DEFAULT_CATALOG = MemoryConnector.NAME;
  public static final String DEFAULT_SCHEMA = MemoryConnector.DEFAULT_SCHEMA;
  /** A new session's search path: the TPC-H tables of the smallest scale resolve unqualified. */
  public static final List<String> SEARCHED_BY_DEFAULT = List.of("tpch", "tiny");

  private final String id;
  /** JDBC's ApplicationName of the client, for the system tables; set from any thread. */
  private volatile String applicationName;
  private final QueryDriver driver;
  private final CatalogRegistry catalogs;
  private final Consumer<SessionImpl> onClose;
  private final String user;
  private final io.quiver.engine.access.Subject subject;
  private final AdmissionController admission;
  private final Set<QueryResult> openResults = ConcurrentHashMap.newKeySet();
  private volatile SessionSettings settings;
  private volatile boolean closed;
  private final io.quiver.engine.driver.TemporarySchemas temporarySchemas;
  /** [catalog, schema] of the session's temporary schema once it has one; dropped when the session closes. */
  private List<String> temporarySchema;

  /**
   * @param subject who runs the session's statements: their privileges, and their user's admission and memory limits
   * @param admission decides when each statement may start
   * @param config the engine's configuration: the options' defaults
   * @param temporarySchemas makes the session's temporary schema and drops it when the session closes
   * @param onClose told when the session closes (the engine forgets it)
   */
  public SessionImpl(String id, io.quiver.engine.access.Subject subject, AdmissionController admission,
      QueryDriver driver, CatalogRegistry catalogs, QuiverConfig config,
      io.quiver.engine.driver.TemporarySchemas temporarySchemas, Consumer<SessionImpl> onClose) {
    this.temporarySchemas = temporarySchemas;
    this.id = id;
    this.subject = subject;
    this.user = subject.user();
    this.admission = admission;
    this.driver = driver;
    this.catalogs = catalogs;
    this.onClose = onClose;
    this.settings = new SessionSettings(config);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String applicationName() {
    return applicationName;
  }

  @Override
  public void setApplicationName(String name) {
    this.applicationName = name;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public io.quiver.engine.access.Subject subject() {
    return subject;
  }

  @Override
  public SessionLimits limits() {
    return admission.limitsFor(user);
  }

  @Override
  public QueryResult execute(String sql) {
    return execute(sql, new io.quiver.exec.task.CancellationToken());
  }

  @Override
  public QueryResult execute(String sql, io.quiver.exec.task.CancellationToken cancellation) {
    checkOpen();
    QueryResult[] holder = new QueryResult[1];
    // waits for its turn; runs until its result is closed
    Admission admitted = admission.admit(user, id);
    QueryResult result;
    try {
      // The statement's thread sees the session's temporary schema while it plans and changes the catalog.
      result = TemporaryScope.with(id, () -> driver.execute(sql, context(), user, () -> {
        openResults.remove(holder[0]);
        admitted.release();
      }, cancellation));
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
    return TemporaryScope.with(id, () -> driver.describe(sql, context()));
  }

  @Override
  public java.util.List<io.quiver.exec.type.Column> describeParameters(String sql) {
    checkOpen();
    return TemporaryScope.with(id, () -> driver.describeParameters(sql, context()));
  }

  /**
   * What the next statement runs with: the current schema, the search path (the temporary schema
   * first, if the session has one), the options.
   */
  private StatementContext context() {
    SessionSettings now = settings;
    List<String> schema = now.schema();
    List<String> temporary;
    synchronized (this) {
      temporary = temporarySchema;
    }
    return new StatementContext(schema, SearchPath.schemaPaths(temporary, schema, now.searchPath()), now, this,
        subject);
  }

  @Override
  public synchronized List<String> temporarySchema() {
    checkOpen();
    if (temporarySchema == null) {
      temporarySchema = temporarySchemas.create(id, user);
    }
    return temporarySchema;
  }

  /** The session's options now. */
  public SessionSettings settings() {
    return settings;
  }

  @Override
  public String currentCatalog() {
    return settings.schema().get(0);
  }

  @Override
  public String currentSchema() {
    List<String> schema = settings.schema();
    return schema.size() > 1 ? schema.get(1) : null;
  }

  @Override
  public synchronized void setCatalog(String newCatalog) {
    checkOpen();
    Named<SchemaPlus> found = catalogs.catalog(unquote(newCatalog))
        .orElseThrow(() -> new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "catalog '" + newCatalog + "' does not exist"));
    String schema = currentSchema();
    String keptSchema = schema == null ? null
        : catalogs.schema(found.name(), schema).map(Named::name).orElse(null);
    settings = settings.with(SessionOption.SCHEMA,
        keptSchema == null ? List.of(found.name()) : List.of(found.name(), keptSchema));
  }

  @Override
  public synchronized void setSchema(String newSchema) {
    checkOpen();
    if (newSchema == null || newSchema.isBlank()) {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema name is empty");
    }
    settings = settings.with(SessionOption.SCHEMA, resolveSchema(splitName(newSchema), newSchema));
  }

  @Override
  public synchronized void use(ObjectName schema) {
    checkOpen();
    settings = settings.with(SessionOption.SCHEMA, resolveSchema(schema.parts(), schema.toString()));
  }

  @Override
  public synchronized void set(SetStatement statement) {
    checkOpen();
    if (statement.option().equals("all")) {
      if (!statement.isReset()) {
        throw new QuiverException(ErrorCode.UNKNOWN_OPTION, "unrecognized option \"all\"; RESET ALL resets "
            + "every option");
      }
      settings = settings.resetAll();
      return;
    }
    SessionOption option = SessionOption.require(statement.option());
    if (statement.isReset()) {
      settings = settings.reset(option);
    } else if (option == SessionOption.SCHEMA) {
      if (statement.values().size() != 1) {
        throw new QuiverException(ErrorCode.INVALID_PARAMETER, "SET schema takes one schema, not "
            + statement.values().size());
      }
      setSchema(statement.values().get(0));
    } else if (option == SessionOption.SEARCH_PATH) {
      List<List<String>> schemas = new ArrayList<>();
      for (String value : statement.values()) {
        if (!value.isBlank()) {
          schemas.add(resolveSchema(splitName(value), value));
        }
      }
      settings = settings.with(option, List.copyOf(schemas));
    } else {
      settings = settings.with(option, option.parse(statement.values()));
    }
  }

  /**
   * [catalog, schema] of an existing schema named {@code catalog.schema}, or {@code schema}: in the
   * current catalog, else in the catalogs of the search path, in order.
   */
  private List<String> resolveSchema(List<String> parts, String written) {
    String catalogName;
    String schemaName;
    if (parts.size() == 1) {
      schemaName = parts.get(0);
      catalogName = currentCatalog();
      if (catalogs.schema(catalogName, schemaName).isEmpty()) {
        for (List<String> searched : settings.searchPath()) {
          if (catalogs.schema(searched.get(0), schemaName).isPresent()) {
            catalogName = searched.get(0);
            break;
          }
        }
      }
    } else if (parts.size() == 2) {
      catalogName = parts.get(0);
      schemaName = parts.get(1);
    } else {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema '" + written + "' does not exist");
    }
    String catalogAsWritten = catalogName;
    String resolvedCatalog = catalogs.catalog(catalogName).map(Named::name).orElseThrow(
        () -> new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "catalog '" + catalogAsWritten + "' does not exist"));
    String resolvedSchema = catalogs.schema(resolvedCatalog, schemaName).map(Named::name).orElseThrow(
        () -> new QuiverException(ErrorCode.SCHEMA_NOT_FOUND,
            "schema '" + schemaName + "' does not exist in catalog '" + resolvedCatalog + "'"));
    return List.of(resolvedCatalog, resolvedSchema);
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
    List<String> temporary;
    synchronized (this) {
      temporary = temporarySchema;
      temporarySchema = null;
    }
    if (temporary != null) {
      try {
        temporarySchemas.drop(temporary);
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
