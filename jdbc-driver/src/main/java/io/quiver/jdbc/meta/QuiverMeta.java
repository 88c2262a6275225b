package io.quiver.jdbc.meta;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Quiver;
import io.quiver.engine.Session;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.RowSchema;
import io.quiver.jdbc.client.JdbcEscapeException;
import io.quiver.jdbc.client.JdbcEscapes;
import io.quiver.jdbc.client.QuiverVersion;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import io.quiver.exec.function.FunctionCategory;
import io.quiver.exec.function.FunctionRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Avatica's {@link org.apache.calcite.avatica.Meta} over one Quiver {@link Session}: one instance per
 * JDBC connection, as in Calcite's own driver. Statements run through {@link Session#execute};
 * their Arrow batches become frames lazily ({@link ResultStream}); catalog metadata comes from
 * {@link Quiver#metadata()} without running SQL ({@link CatalogRows}).
 *
 * <p>Errors leave as {@link QuiverException}s; the JDBC objects of {@code io.quiver.jdbc} turn them
 * into {@link SQLException}s with the code's SQLState.
 */
public final class QuiverMeta extends MetaImpl {

  /** Product and driver version. */
  public static final String VERSION = QuiverVersion.VERSION;
  public static final int MAJOR_VERSION = QuiverVersion.MAJOR_VERSION;
  public static final int MINOR_VERSION = QuiverVersion.MINOR_VERSION;

  /** Marks (in a signature's internal parameters) the result sets of metadata calls. */
  public static final String METADATA_RESULT = "quiver.metadata";

  private final Quiver engine;
  private final Session session;
  /**
   * The client reads results with Avatica's stock accessors rather than Quiver's: TIME and TIMESTAMP
   * travel as milliseconds and columns are described for those accessors (see {@link #columns}).
   */
  private boolean stockClient;
  private final Map<Integer, StatementState> statements = new ConcurrentHashMap<>();
  /** The catalog and schema the client last heard from a sync. */
  private volatile String reportedCatalog;
  private volatile String reportedSchema;
  /** Statement ids are random, so one cannot be guessed from another (the server's clients see them). */
  private static final java.security.SecureRandom STATEMENT_IDS = new java.security.SecureRandom();

  public QuiverMeta(AvaticaConnection connection, Quiver engine, Session session) {
    super(connection);
    this.engine = engine;
    this.session = session;
    connProps.setAutoCommit(true);
    connProps.setReadOnly(false);
    connProps.setTransactionIsolation(java.sql.Connection.TRANSACTION_NONE);
    reportedCatalog = session.currentCatalog();
    reportedSchema = session.currentSchema();
    connProps.setCatalog(reportedCatalog);
    connProps.setSchema(reportedSchema);
    connProps.setDirty(false);
  }

  public Session session() {
    return session;
  }

  /**
   * Marks the connection as one of a stock Avatica client: its result columns are described so that
   * Avatica's own accessors read values as Quiver's do (see {@link #columns}).
   */
  public void describeForStockClient() {
    this.stockClient = true;
  }

  // ---------------------------------------------------------------------------------------------
  // Connection

  /**
   * Applies the catalog and schema a client chose ({@code Connection.setSchema}) and reports the
   * session's. A remote client sends back what it last heard with every sync; only a value that
   * differs from what this side last reported is a choice, so USE and SET schema, which change
   * the session on the server, are not undone by the next sync.
   */
  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties properties) {
    // Catalog first: a schema without a catalog resolves in the current one.
    String catalog = properties.getCatalog();
    if (catalog != null && !catalog.equals(reportedCatalog) && !catalog.equals(session.currentCatalog())) {
      session.setCatalog(catalog);
    }
    String schema = properties.getSchema();
    if (schema != null && !schema.equals(reportedSchema) && !schema.equals(session.currentSchema())) {
      session.setSchema(schema);
    }
    ConnectionProperties merged = super.connectionSync(ch, properties);
    reportedCatalog = session.currentCatalog();
    reportedSchema = session.currentSchema();
    connProps.setCatalog(reportedCatalog);
    connProps.setSchema(reportedSchema);
    merged.setCatalog(reportedCatalog);
    merged.setSchema(reportedSchema);
    return merged;
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    try {
      for (StatementState state : statements.values()) {
        state.close();
      }
      statements.clear();
    } finally {
      session.close();
    }
  }

  /** Quiver runs every statement on its own: there is nothing to commit or roll back. */
  @Override
  public void commit(ConnectionHandle ch) {
  }

  @Override
  public void rollback(ConnectionHandle ch) {
  }

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    Map<DatabaseProperty, Object> properties = new java.util.EnumMap<>(DatabaseProperty.class);
    properties.put(DatabaseProperty.GET_DATABASE_PRODUCT_NAME, "Quiver");
    properties.put(DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, VERSION);
    properties.put(DatabaseProperty.GET_DRIVER_NAME, "Quiver JDBC Driver");
    properties.put(DatabaseProperty.GET_DRIVER_VERSION, VERSION);
    properties.put(DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION, java.sql.Connection.TRANSACTION_NONE);
    // The function registry's names by category; each also works in the {fn ...} escape.
    FunctionRegistry functions = FunctionRegistry.builtIn();
    properties.put(DatabaseProperty.GET_NUMERIC_FUNCTIONS, functions.jdbcList(FunctionCategory.NUMERIC));
    properties.put(DatabaseProperty.GET_STRING_FUNCTIONS, functions.jdbcList(FunctionCategory.STRING));
    properties.put(DatabaseProperty.GET_TIME_DATE_FUNCTIONS, functions.jdbcList(FunctionCategory.TIME_DATE));
    properties.put(DatabaseProperty.GET_SYSTEM_FUNCTIONS,
        functions.jdbcList(FunctionCategory.SYSTEM, FunctionCategory.CONDITIONAL));
    properties.put(DatabaseProperty.GET_S_Q_L_KEYWORDS, "");
    return properties;
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    while (true) {
      StatementHandle handle = new StatementHandle(ch.id, 1 + STATEMENT_IDS.nextInt(Integer.MAX_VALUE - 1), null);
      if (statements.putIfAbsent(handle.id, new StatementState(handle)) == null) {
        return handle;
      }
    }
  }

  @Override
  public void closeStatement(StatementHandle h) {
    StatementState state = statements.remove(h.id);
    if (state != null) {
      state.close();
    }
  }

  /** Settings of the JDBC statement that apply to its next execution. */
  public void configure(StatementHandle h, int fetchSize, long maxRows) {
    StatementState state = statements.get(h.id);
    if (state != null) {
      state.fetchSize = fetchSize;
      state.maxRows = maxRows;
      state.cancelRequested = false;
    }
  }

  /**
   * Forgets a cancel that came while nothing ran; the server calls it as each remote execution
   * starts (the embedded driver does the same through {@link #configure}).
   */
  public void clearCancel(StatementHandle h) {
    StatementState state = statements.get(h.id);
    if (state != null) {
      state.cancelRequested = false;
    }
  }

  /** Cancels the statement's running query (from any thread); JDBC's {@code Statement.cancel()}. */
  public void cancel(StatementHandle h) {
    StatementState state = statements.get(h.id);
    if (state != null) {
      state.cancel();
    }
  }

  /** Closes the statement's current result (its result set was closed); stops the query if it runs. */
  public void closeResults(StatementHandle h) {
    StatementState state = statements.get(h.id);
    if (state != null) {
      state.closeStream();
    }
  }

  /**
   * Prepares a statement: its JDBC escapes are translated and, for a query, the engine plans it
   * (without running it) so that its result columns are known before the first execution. A query
   * with parameters is planned with NULLs in their place; where that does not plan, its columns
   * are known after the first execution. Syntax and validation errors of a statement without
   * parameters are thrown here.
   */
  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    String translated = translateEscapes(sql);
    int parameterCount = SqlParameters.count(translated);
    StatementType kind = StatementKind.of(translated);
    List<ColumnMetaData> columns = kind == StatementType.SELECT
        ? plannedColumns(translated, parameterCount) : Collections.emptyList();
    List<AvaticaParameter> parameters = parameters(translated, parameterCount, kind);
    StatementHandle handle = createStatement(ch);
    StatementState state = statements.get(handle.id);
    // The text as given: each execution translates it anew (CURDATE() is the day it runs).
    state.preparedSql = sql;
    state.maxRows = Math.max(0, maxRowCount);
    handle.signature = Signature.create(columns, translated, parameters, CursorFactory.ARRAY, kind);
    return handle;
  }

  /**
   * The parameters of a prepared statement: of a query, with the types the validator infers for its
   * {@code ?} markers; OTHER ("ANY") where it cannot tell (a marker whose place says no type, a
   * statement that is not a query).
   */
  private List<AvaticaParameter> parameters(String sql, int parameterCount, StatementType kind) {
    List<io.quiver.exec.type.Column> types = List.of();
    if (parameterCount > 0 && kind == StatementType.SELECT) {
      try {
        types = session.describeParameters(sql);
      } catch (QuiverException e) {
        // no types: the execution says what is wrong with the statement, if anything
      }
    }
    List<AvaticaParameter> parameters = new ArrayList<>(parameterCount);
    for (int i = 0; i < parameterCount; i++) {
      String name = "?" + (i + 1);
      if (types.size() == parameterCount && types.get(i).type().kind() != io.quiver.exec.type.TypeKind.NULL) {
        JdbcType type = JdbcType.of(types.get(i).type());
        parameters.add(new AvaticaParameter(type.signed(), type.precision(), type.scale(), type.typeId(),
            type.typeName(), type.className(), name));
      } else {
        parameters.add(new AvaticaParameter(false, 0, 0, Types.OTHER, "ANY", Object.class.getName(), name));
      }
    }
    return parameters;
  }

  /** The columns the engine plans for a query; empty where it cannot tell without running it. */
  private List<ColumnMetaData> plannedColumns(String sql, int parameterCount) {
    if (parameterCount == 0) {
      RowSchema schema = describeOrNull(sql);
      return schema == null ? Collections.emptyList() : columns(schema);
    }
    List<TypedValue> nulls = Collections.nCopies(parameterCount, TypedValue.ofSerial(ColumnMetaData.Rep.OBJECT, null));
    try {
      RowSchema schema = describeOrNull(SqlParameters.bind(sql, nulls));
      return schema == null ? Collections.emptyList() : columns(schema);
    } catch (QuiverException e) {
      // An untyped NULL does not fit everywhere a parameter does; the first execution tells.
      return Collections.emptyList();
    }
  }

  /**
   * The session's plan-only description; null where it has none: DDL, or NOT_SUPPORTED (a session
   * that cannot plan without running, or a query the engine cannot run, whose execution reports it).
   */
  private RowSchema describeOrNull(String sql) {
    try {
      return session.describe(sql);
    } catch (QuiverException e) {
      if (e.errorCode() == ErrorCode.NOT_SUPPORTED) {
        return null;
      }
      throw e;
    }
  }

  /**
   * The result columns of a prepared statement: planned at prepare time or known from its last
   * result; for a session that cannot plan without running, the query is started and at once
   * cancelled.
   */
  public Signature describe(StatementHandle h) {
    StatementState state = statements.get(h.id);
    if (state == null || state.preparedSql == null) {
      return h.signature;
    }
    if (state.lastSignature != null) {
      return state.lastSignature;
    }
    if (!h.signature.columns.isEmpty() || !h.signature.parameters.isEmpty()
        || h.signature.statementType != StatementType.SELECT) {
      return h.signature;
    }
    String sql = preparedSql(state);
    try (QueryResult result = session.execute(sql)) {
      return signature(sql, h.signature.parameters, result.schema());
    }
  }

  @Deprecated
  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      PrepareCallback callback) throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    StatementState state = state(h);
    try {
      synchronized (callback.getMonitor()) {
        // Closes the statement's previous result set before the new query starts.
        callback.clear();
      }
      MetaResultSet resultSet = run(state, translateEscapes(sql), Collections.emptyList(), maxRowCount,
          maxRowsInFirstFrame);
      synchronized (callback.getMonitor()) {
        callback.assign(resultSet.signature, resultSet.firstFrame, resultSet.updateCount);
      }
      callback.execute();
      return new ExecuteResult(List.of(resultSet));
    } catch (SQLException e) {
      throw new RuntimeException(e);
    }
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    StatementState state = state(h);
    long[] counts = new long[sqlCommands.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = runForCount(state, translateEscapes(sqlCommands.get(i)));
    }
    return new ExecuteBatchResult(counts);
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    StatementState state = state(h);
    long[] counts = new long[parameterValues.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = runForCount(state, SqlParameters.bind(preparedSql(state), parameterValues.get(i)));
    }
    return new ExecuteBatchResult(counts);
  }

  @Deprecated
  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
      throws NoSuchStatementException {
    return execute(h, parameterValues, (int) Math.min(Integer.MAX_VALUE, Math.max(-1, maxRowCount)));
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    StatementState state = state(h);
    String sql = preparedSql(state);
    String bound = parameterValues == null || parameterValues.isEmpty()
        ? sql : SqlParameters.bind(sql, parameterValues);
    List<AvaticaParameter> parameters = h.signature == null ? List.of() : h.signature.parameters;
    return new ExecuteResult(List.of(run(state, bound, parameters, state.maxRows, maxRowsInFirstFrame)));
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    StatementState state = state(h);
    ResultStream stream = state.stream();
    if (stream == null) {
      throw new MissingResultsException(h);
    }
    return stream.nextFrame(offset, fetchMaxRowCount);
  }

  @Override
  public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
    // Results live in this JVM and never need re-creating.
    return false;
  }

  /** Runs one statement and opens its result stream; the first frame is fetched at once. */
  private MetaResultSet run(StatementState state, String sql, List<AvaticaParameter> parameters,
      long maxRowCount, int maxRowsInFirstFrame) {
    StatementHandle h = state.handle;
    state.closeStream();
    if (LimitZero.endsWithLimitZero(sql)) {
      RowSchema schema = describeOrNull(sql);
      if (schema != null) {
        Signature signature = signature(sql, parameters, schema);
        state.lastSignature = signature;
        return MetaResultSet.create(h.connectionId, h.id, false, signature, Frame.EMPTY);
      }
    }
    io.quiver.exec.task.CancellationToken cancellation = new io.quiver.exec.task.CancellationToken();
    state.starting = cancellation;
    QueryResult result;
    try {
      if (state.cancelRequested) {
        cancellation.cancel(io.quiver.exec.task.CancellationToken.cancelledByUser());
      }
      result = session.execute(sql, cancellation);
    } finally {
      state.starting = null;
    }
    if (!result.isRowResult()) {
      long count;
      try {
        count = Math.max(0, result.updateCount());
      } finally {
        result.close();
      }
      Signature signature = Signature.create(Collections.emptyList(), sql, parameters, CursorFactory.ARRAY,
          StatementKind.of(sql) == StatementType.IS_DML ? StatementType.IS_DML : StatementType.OTHER_DDL);
      state.lastSignature = signature;
      return MetaResultSet.create(h.connectionId, h.id, false, signature, null, count);
    }
    Signature signature;
    try {
      signature = signature(sql, parameters, result.schema());
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
    state.lastSignature = signature;
    long maxRows = maxRowCount > 0 ? maxRowCount : 0;
    ResultStream stream = new ResultStream(result, maxRows, !stockClient);
    state.open(stream);
    int firstFrameRows = state.fetchSize > 0 ? state.fetchSize : ResultStream.DEFAULT_FRAME_ROWS;
    if (maxRowsInFirstFrame > 0) {
      firstFrameRows = Math.min(firstFrameRows, maxRowsInFirstFrame);
    }
    Frame firstFrame;
    try {
      firstFrame = stream.nextFrame(0, firstFrameRows);
    } catch (RuntimeException e) {
      state.closeStream();
      throw e;
    }
    return MetaResultSet.create(h.connectionId, h.id, false, signature, firstFrame);
  }

  private long runForCount(StatementState state, String sql) {
    state.closeStream();
    try (QueryResult result = session.execute(sql)) {
      if (result.isRowResult()) {
        throw new QuiverException(ErrorCode.INVALID_PARAMETER,
            "a batch may only hold statements without results; this one is a query: " + sql);
      }
      return Math.max(0, result.updateCount());
    }
  }

  private Signature signature(String sql, List<AvaticaParameter> parameters, RowSchema schema) {
    return Signature.create(columns(schema), sql, parameters, CursorFactory.ARRAY, StatementType.SELECT);
  }

  /**
   * The result columns as JDBC describes them. For a stock Avatica client, whose accessors print a
   * TIME's and a TIMESTAMP's fraction with as many digits as the column's precision and pad CHAR to
   * its display size, those two say 3 and 0: its text is then the engine's value (to the
   * millisecond, as Avatica's frames carry it) and CHAR comes as stored, as through Quiver's drivers.
   */
  private List<ColumnMetaData> columns(RowSchema schema) {
    List<ColumnMetaData> columns = new ArrayList<>(schema.size());
    for (int i = 0; i < schema.size(); i++) {
      Column column = schema.column(i);
      JdbcType type = JdbcType.of(column.type());
      if (stockClient) {
        type = type.forStockClient();
      }
      columns.add(type.columnMetaData(i, column.name(), column.nullable()));
    }
    return columns;
  }

  /** The SQL with its JDBC escapes translated; a bad escape is the engine's error of its kind. */
  public static String translateEscapes(String sql) {
    try {
      return JdbcEscapes.translate(sql, name -> FunctionRegistry.builtIn().find(name).isPresent());
    } catch (JdbcEscapeException e) {
      throw new QuiverException(e.kind() == JdbcEscapeException.Kind.SYNTAX_ERROR ? ErrorCode.SYNTAX_ERROR
          : ErrorCode.NOT_SUPPORTED, e.getMessage());
    }
  }

  private StatementState state(StatementHandle h) throws NoSuchStatementException {
    StatementState state = statements.get(h.id);
    if (state == null) {
      throw new NoSuchStatementException(h);
    }
    return state;
  }

  private static String preparedSql(StatementState state) {
    if (state.preparedSql == null) {
      throw new QuiverException(ErrorCode.INVALID_PARAMETER, "the statement was not prepared");
    }
    return translateEscapes(state.preparedSql);
  }

  // ---------------------------------------------------------------------------------------------
  // Catalog metadata, answered from the engine's catalog without running SQL

  /** The catalog as the session's user may see it (everything for the embedded user). */
  private io.quiver.engine.metadata.CatalogMetadata visibleMetadata() {
    return io.quiver.engine.access.VisibleCatalogMetadata.of(engine.metadata(), engine.access(), session.subject());
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return rows(CatalogRows.catalogs(visibleMetadata()), MetaCatalog.class, "TABLE_CAT");
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return rows(CatalogRows.schemas(visibleMetadata(), catalog, schemaPattern.s), MetaSchema.class,
        "TABLE_SCHEM", "TABLE_CATALOG");
  }

  @Override
  public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, List<String> typeList) {
    return rows(CatalogRows.tables(visibleMetadata(), catalog, schemaPattern.s, tableNamePattern.s, typeList),
        MetaTable.class, "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
        "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
  }

  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return rows(CatalogRows.columns(visibleMetadata(), catalog, schemaPattern.s, tableNamePattern.s,
            columnNamePattern.s),
        MetaColumn.class, "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
        "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
        "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
        "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE",
        "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
  }

  @Override
  public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return rows(KeyRows.primaryKeys(visibleMetadata(), catalog, schema, table), KeyRows.PrimaryKeyRow.class,
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
  }

  @Override
  public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return rows(KeyRows.importedKeys(visibleMetadata(), catalog, schema, table), KeyRows.KeyReferenceRow.class,
        KEY_REFERENCE_COLUMNS);
  }

  @Override
  public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return rows(KeyRows.exportedKeys(visibleMetadata(), catalog, schema, table), KeyRows.KeyReferenceRow.class,
        KEY_REFERENCE_COLUMNS);
  }

  @Override
  public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog, String parentSchema,
      String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) {
    return rows(KeyRows.crossReference(visibleMetadata(), parentCatalog, parentSchema, parentTable, foreignCatalog,
        foreignSchema, foreignTable), KeyRows.KeyReferenceRow.class, KEY_REFERENCE_COLUMNS);
  }

  @Override
  public MetaResultSet getIndexInfo(ConnectionHandle ch, String catalog, String schema, String table,
      boolean unique, boolean approximate) {
    return rows(KeyRows.indexInfo(visibleMetadata(), catalog, schema, table, unique), MetaIndexInfo.class,
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME", "TYPE",
        "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES", "FILTER_CONDITION");
  }

  private static final String[] KEY_REFERENCE_COLUMNS = {"PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
      "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
      "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERABILITY"}; // Avatica's spelling, as the thin driver reports it

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return rows(CatalogRows.tableTypes(), MetaTableType.class, "TABLE_TYPE");
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return rows(CatalogRows.typeInfo(), MetaTypeInfo.class, "TYPE_NAME", "DATA_TYPE", "PRECISION",
        "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE",
        "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE", "AUTO_INCREMENT", "LOCAL_TYPE_NAME", "MINIMUM_SCALE",
        "MAXIMUM_SCALE", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "NUM_PREC_RADIX");
  }

  /** A complete, in-memory result set of metadata records, as Calcite's Meta builds them. */
  private <E> MetaResultSet rows(List<E> rows, Class<E> rowClass, String... names) {
    List<ColumnMetaData> columns = new ArrayList<>(names.length);
    List<Field> fields = new ArrayList<>(names.length);
    List<String> fieldNames = new ArrayList<>(names.length);
    for (String name : names) {
      String fieldName = AvaticaUtils.toCamelCase(name);
      Field field;
      try {
        field = rowClass.getField(fieldName);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("no field " + fieldName + " in " + rowClass, e);
      }
      columns.add(columnMetaData(name, columns.size(), field.getType(), getColumnNullability(field)));
      fields.add(field);
      fieldNames.add(fieldName);
    }
    @SuppressWarnings("unchecked")
    List<Object> objects = (List<Object>) rows;
    return createResultSet(Map.of(METADATA_RESULT, true), columns, CursorFactory.record(rowClass, fields, fieldNames),
        new Frame(0, true, objects));
  }
}
