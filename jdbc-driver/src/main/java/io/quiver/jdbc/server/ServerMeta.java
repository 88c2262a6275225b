package io.quiver.jdbc.server;

import io.quiver.engine.Quiver;
import io.quiver.jdbc.QuiverConnection;
import io.quiver.jdbc.QuiverDriver;
import io.quiver.jdbc.meta.QuiverMeta;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The server's {@link org.apache.calcite.avatica.Meta}: routes each remote call to the
 * {@link QuiverMeta} of the caller's connection. Every remote connection is an embedded connection
 * on the server's one engine, hence its own session, opened for the authenticated user. Connection
 * ids (which Avatica's clients choose, as random UUIDs) live in one namespace per user: another
 * user's id is looked up among the caller's own connections, so it behaves exactly like an unknown
 * one, and opening a connection with it opens the caller's own.
 */
final class ServerMeta implements ProtobufMeta {

  /** Connection properties a client may choose; everything else it sends is ignored. */
  private static final List<String> CLIENT_PROPERTIES = List.of("schema", "catalog");

  private final Quiver engine;
  private final Map<String, OpenConnection> connections = new ConcurrentHashMap<>();

  /**
   * One client's connection: who opened it, the embedded connection that does the work, when a
   * request last used it and how many requests are using it now.
   */
  private static final class OpenConnection {
    final String owner;
    final Connection connection;
    final QuiverMeta meta;
    volatile long lastUsedNanos = System.nanoTime();
    final AtomicInteger activeRequests = new AtomicInteger();

    OpenConnection(String owner, Connection connection, QuiverMeta meta) {
      this.owner = owner;
      this.connection = connection;
      this.meta = meta;
    }
  }

  ServerMeta(Quiver engine) {
    this.engine = engine;
  }

  /** Open connections (for tests and the server's shutdown). */
  int connectionCount() {
    return connections.size();
  }

  /** The key of a connection: its id in its user's namespace. */
  private static String key(String user, String connectionId) {
    return user + '\u0000' + connectionId;
  }

  /** Cancels a statement's running query, if the connection is the user's; false if unknown. */
  boolean cancel(String user, String connectionId, int statementId) {
    OpenConnection open = connections.get(key(user, connectionId));
    if (open == null) {
      return false;
    }
    open.meta.cancel(new StatementHandle(connectionId, statementId, null));
    return true;
  }

  /**
   * Marks the start of a request on a connection (so it is not closed as idle while the request
   * waits for a query); {@link #requestEnded} follows. Unknown ids are ignored here.
   */
  void requestStarted(String connectionId) {
    OpenConnection open = connections.get(key(RequestUser.name(), connectionId));
    if (open != null) {
      open.activeRequests.incrementAndGet();
      open.lastUsedNanos = System.nanoTime();
    }
  }

  void requestEnded(String connectionId) {
    OpenConnection open = connections.get(key(RequestUser.name(), connectionId));
    if (open != null) {
      open.lastUsedNanos = System.nanoTime();
      open.activeRequests.updateAndGet(n -> Math.max(0, n - 1));
    }
  }

  /**
   * Closes connections that no request used for longer than {@code idleNanos}: clients that went
   * away without closing (Avatica's protocol has no heartbeat). A client that comes back finds its
   * connection gone; Avatica's client then opens a new one.
   *
   * @return how many were closed
   */
  int closeIdle(long idleNanos) {
    long now = System.nanoTime();
    int closed = 0;
    for (Map.Entry<String, OpenConnection> entry : connections.entrySet()) {
      OpenConnection open = entry.getValue();
      if (open.activeRequests.get() == 0 && now - open.lastUsedNanos > idleNanos) {
        close(entry.getKey());
        closed++;
      }
    }
    return closed;
  }

  /** Closes every connection (their queries stop). */
  void closeAll() {
    for (String id : new ArrayList<>(connections.keySet())) {
      close(id);
    }
  }

  private OpenConnection connection(String id) {
    OpenConnection open = connections.get(key(RequestUser.name(), id));
    if (open == null) {
      throw new NoSuchConnectionException(id);
    }
    return open;
  }

  private QuiverMeta meta(ConnectionHandle ch) {
    return connection(ch.id).meta;
  }

  private QuiverMeta meta(StatementHandle h) {
    return connection(h.connectionId).meta;
  }

  // ---------------------------------------------------------------------------------------------
  // Connections

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    Properties properties = new Properties();
    if (info != null) {
      for (String name : CLIENT_PROPERTIES) {
        String value = info.get(name);
        if (value != null) {
          properties.setProperty(name, value);
        }
      }
    }
    String user = RequestUser.name();
    Connection connection;
    try {
      connection = QuiverDriver.connect(engine, properties, user);
    } catch (SQLException e) {
      throw new AvaticaRuntimeException(e.getMessage(), e.getErrorCode(), e.getSQLState(), AvaticaSeverity.ERROR);
    }
    QuiverMeta meta;
    try {
      meta = connection.unwrap(QuiverConnection.class).quiverMeta();
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException(e);
    }
    OpenConnection previous = connections.putIfAbsent(key(user, ch.id), new OpenConnection(user, connection, meta));
    if (previous != null) {
      closeQuietly(connection);
      throw new AvaticaRuntimeException("connection id " + ch.id + " is already in use", -1, "08002",
          AvaticaSeverity.ERROR);
    }
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    connection(ch.id);
    close(key(RequestUser.name(), ch.id));
  }

  private void close(String key) {
    OpenConnection open = connections.remove(key);
    if (open != null) {
      closeQuietly(open.connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // The session is gone either way; nothing a client could do about it.
    }
  }

  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties connProps) {
    return meta(ch).connectionSync(ch, connProps);
  }

  @Override
  public void commit(ConnectionHandle ch) {
    meta(ch).commit(ch);
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    meta(ch).rollback(ch);
  }

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    return meta(ch).getDatabaseProperties(ch);
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    return meta(ch).createStatement(ch);
  }

  @Override
  public void closeStatement(StatementHandle h) {
    meta(h).closeStatement(h);
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    return meta(ch).prepare(ch, sql, maxRowCount);
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
    QuiverMeta meta = meta(h);
    meta.clearCancel(h);
    return meta.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    QuiverMeta meta = meta(h);
    meta.clearCancel(h);
    return meta.prepareAndExecuteBatch(h, sqlCommands);
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    QuiverMeta meta = meta(h);
    meta.clearCancel(h);
    return meta.executeBatch(h, parameterValues);
  }

  @Override
  public ExecuteBatchResult executeBatchProtobuf(StatementHandle h, List<Requests.UpdateBatch> updateBatches)
      throws NoSuchStatementException {
    List<List<TypedValue>> values = new ArrayList<>(updateBatches.size());
    for (Requests.UpdateBatch batch : updateBatches) {
      List<TypedValue> row = new ArrayList<>(batch.getParameterValuesCount());
      for (Common.TypedValue value : batch.getParameterValuesList()) {
        row.add(TypedValue.fromProto(value));
      }
      values.add(row);
    }
    return executeBatch(h, values);
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    return meta(h).fetch(h, offset, fetchMaxRowCount);
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
    QuiverMeta meta = meta(h);
    meta.clearCancel(h);
    return meta.execute(h, parameterValues, maxRowsInFirstFrame);
  }

  @Override
  public boolean syncResults(StatementHandle sh, QueryState state, long offset) throws NoSuchStatementException {
    return meta(sh).syncResults(sh, state, offset);
  }

  @Override
  public Iterable<Object> createIterable(StatementHandle stmt, QueryState state, Signature signature,
      List<TypedValue> parameters, Frame firstFrame) {
    throw new UnsupportedOperationException("the server fetches frames, it does not iterate results");
  }

  // ---------------------------------------------------------------------------------------------
  // Catalog metadata: the embedded Meta answers; its records become plain rows for the wire.

  @Override
  public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
      List<String> typeList) {
    return forWire(ch, meta(ch).getTables(ch, catalog, schemaPattern, tableNamePattern, typeList));
  }

  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
      Pat columnNamePattern) {
    return forWire(ch, meta(ch).getColumns(ch, catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return forWire(ch, meta(ch).getSchemas(ch, catalog, schemaPattern));
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return forWire(ch, meta(ch).getCatalogs(ch));
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return forWire(ch, meta(ch).getTableTypes(ch));
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return forWire(ch, meta(ch).getTypeInfo(ch));
  }

  @Override
  public MetaResultSet getProcedures(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat procedureNamePattern) {
    return forWire(ch, meta(ch).getProcedures(ch, catalog, schemaPattern, procedureNamePattern));
  }

  @Override
  public MetaResultSet getProcedureColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat procedureNamePattern, Pat columnNamePattern) {
    return forWire(ch, meta(ch).getProcedureColumns(ch, catalog, schemaPattern, procedureNamePattern,
        columnNamePattern));
  }

  @Override
  public MetaResultSet getColumnPrivileges(ConnectionHandle ch, String catalog, String schema, String table,
      Pat columnNamePattern) {
    return forWire(ch, meta(ch).getColumnPrivileges(ch, catalog, schema, table, columnNamePattern));
  }

  @Override
  public MetaResultSet getTablePrivileges(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern) {
    return forWire(ch, meta(ch).getTablePrivileges(ch, catalog, schemaPattern, tableNamePattern));
  }

  @Override
  public MetaResultSet getBestRowIdentifier(ConnectionHandle ch, String catalog, String schema, String table,
      int scope, boolean nullable) {
    return forWire(ch, meta(ch).getBestRowIdentifier(ch, catalog, schema, table, scope, nullable));
  }

  @Override
  public MetaResultSet getVersionColumns(ConnectionHandle ch, String catalog, String schema, String table) {
    return forWire(ch, meta(ch).getVersionColumns(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return forWire(ch, meta(ch).getPrimaryKeys(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return forWire(ch, meta(ch).getImportedKeys(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return forWire(ch, meta(ch).getExportedKeys(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog, String parentSchema,
      String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) {
    return forWire(ch, meta(ch).getCrossReference(ch, parentCatalog, parentSchema, parentTable, foreignCatalog,
        foreignSchema, foreignTable));
  }

  @Override
  public MetaResultSet getIndexInfo(ConnectionHandle ch, String catalog, String schema, String table,
      boolean unique, boolean approximate) {
    return forWire(ch, meta(ch).getIndexInfo(ch, catalog, schema, table, unique, approximate));
  }

  @Override
  public MetaResultSet getUDTs(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern,
      int[] types) {
    return forWire(ch, meta(ch).getUDTs(ch, catalog, schemaPattern, typeNamePattern, types));
  }

  @Override
  public MetaResultSet getSuperTypes(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern) {
    return forWire(ch, meta(ch).getSuperTypes(ch, catalog, schemaPattern, typeNamePattern));
  }

  @Override
  public MetaResultSet getSuperTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern) {
    return forWire(ch, meta(ch).getSuperTables(ch, catalog, schemaPattern, tableNamePattern));
  }

  @Override
  public MetaResultSet getAttributes(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern, Pat attributeNamePattern) {
    return forWire(ch, meta(ch).getAttributes(ch, catalog, schemaPattern, typeNamePattern,
        attributeNamePattern));
  }

  @Override
  public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
    return forWire(ch, meta(ch).getClientInfoProperties(ch));
  }

  @Override
  public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat functionNamePattern) {
    return forWire(ch, meta(ch).getFunctions(ch, catalog, schemaPattern, functionNamePattern));
  }

  @Override
  public MetaResultSet getFunctionColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat functionNamePattern, Pat columnNamePattern) {
    return forWire(ch, meta(ch).getFunctionColumns(ch, catalog, schemaPattern, functionNamePattern,
        columnNamePattern));
  }

  @Override
  public MetaResultSet getPseudoColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return forWire(ch, meta(ch).getPseudoColumns(ch, catalog, schemaPattern, tableNamePattern,
        columnNamePattern));
  }

  /**
   * A metadata result as the wire can carry it: records become arrays of their fields (protobuf
   * frames hold lists of values), and the result names the remote connection (the embedded Meta
   * names its own).
   */
  private static MetaResultSet forWire(ConnectionHandle ch, MetaResultSet result) {
    Signature signature = result.signature;
    Frame frame = result.firstFrame;
    if (signature != null && signature.cursorFactory.style == Style.RECORD) {
      List<Field> fields = signature.cursorFactory.fields;
      if (frame != null) {
        List<Object> rows = new ArrayList<>();
        for (Object record : frame.rows) {
          Object[] row = new Object[fields.size()];
          for (int i = 0; i < row.length; i++) {
            try {
              row[i] = fields.get(i).get(record);
            } catch (IllegalAccessException e) {
              throw new IllegalStateException("cannot read metadata field " + fields.get(i), e);
            }
          }
          rows.add(row);
        }
        frame = new Frame(frame.offset, frame.done, rows);
      }
      signature = signature.setCursorFactory(CursorFactory.ARRAY);
    }
    return MetaResultSet.create(ch.id, result.statementId, result.ownStatement, signature, frame,
        result.updateCount);
  }
}
