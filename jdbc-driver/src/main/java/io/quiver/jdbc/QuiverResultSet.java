package io.quiver.jdbc;

import io.quiver.jdbc.meta.QuiverMeta;
import io.quiver.jdbc.client.QuiverCursor;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Collections;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.QueryState;

/**
 * A result set. Adds to Avatica's: a failure or cancel of the query while rows are fetched becomes
 * Quiver's SQLException; closing it stops the query; values are read through {@link QuiverCursor}.
 */
public class QuiverResultSet extends AvaticaResultSet {

  QuiverResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData resultSetMetaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, state, signature, resultSetMetaData, timeZone, firstFrame);
  }

  @Override
  protected AvaticaResultSet execute() throws SQLException {
    QuiverConnection connection = (QuiverConnection) statement.connection;
    Iterable<Object> rows = connection.quiverMeta().createIterable(statement.handle, state, signature,
        Collections.emptyList(), firstFrame);
    return execute2(new QuiverCursor(MetaImpl.createCursor(signature.cursorFactory, rows)), columnMetaDataList);
  }

  @Override
  public boolean next() throws SQLException {
    try {
      return super.next();
    } catch (SQLException | RuntimeException e) {
      ExecutionControl control = control();
      if (control == null) {
        throw QuiverSqlExceptions.convert(e);
      }
      if (QuiverSqlExceptions.find(e) == null && cancelled()) {
        throw control.cancelled();
      }
      throw control.convert(e);
    }
  }

  @Override
  public void close() {
    boolean wasOpen = cursor != null;
    super.close();
    if (wasOpen && signature.internalParameters.containsKey(QuiverMeta.METADATA_RESULT)) {
      // The statement Avatica made for a metadata call lives as long as its result set.
      try {
        statement.close();
      } catch (SQLException e) {
        // closing anyway
      }
      return;
    }
    if (wasOpen && statement != null && statement.connection instanceof QuiverConnection connection) {
      try {
        if (!connection.isClosed()) {
          connection.quiverMeta().closeResults(statement.handle);
        }
      } catch (SQLException e) {
        // The connection is gone, and its results with it.
      }
    }
  }

  private ExecutionControl control() {
    if (statement instanceof QuiverStatement plain) {
      return plain.control();
    }
    return statement instanceof QuiverPreparedStatement prepared ? prepared.control() : null;
  }

  private boolean cancelled() {
    if (statement instanceof QuiverStatement plain) {
      return plain.cancelRequested();
    }
    return statement instanceof QuiverPreparedStatement prepared && prepared.cancelRequested();
  }
}
