package io.quiver.jdbc.remote;

import io.quiver.jdbc.client.QuiverCursor;
import java.sql.ResultSetMetaData;
import java.util.Collections;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.QueryState;

/**
 * A thin-driver result set: a failure while rows are fetched (a cancel, the timeout) is reported
 * the way its statement reports failures; values read as in the embedded driver.
 */
public class RemoteResultSet extends AvaticaResultSet {

  RemoteResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData resultSetMetaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, state, signature, resultSetMetaData, timeZone, firstFrame);
  }

  /** Values are read as the embedded driver reads them ({@link QuiverCursor}). */
  @Override
  protected AvaticaResultSet execute() throws SQLException {
    Iterable<Object> rows = ((RemoteConnection) statement.connection).meta().createIterable(statement.handle,
        state, signature, Collections.emptyList(), firstFrame);
    return execute2(new QuiverCursor(MetaImpl.createCursor(signature.cursorFactory, rows)), columnMetaDataList);
  }

  @Override
  public boolean next() throws SQLException {
    try {
      return super.next();
    } catch (SQLException | RuntimeException e) {
      RemoteExecution execution = execution();
      if (execution == null) {
        throw e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), "XX000", e);
      }
      throw execution.convert(e);
    }
  }

  private RemoteExecution execution() {
    if (statement instanceof RemoteStatement plain) {
      return plain.execution();
    }
    return statement instanceof RemotePreparedStatement prepared ? prepared.execution() : null;
  }
}
