package io.quiver.jdbc.server;

import org.apache.calcite.avatica.remote.Service;

/**
 * What an Avatica request must hold before it is run: a connection id (1 to 256 printable
 * characters), a statement id that is not negative, SQL where it runs SQL. Protobuf fills missing
 * fields with empty values, so a body cut short often still decodes; this tells such a request
 * apart from a real one.
 */
final class RequestChecks {

  private static final int MAX_ID_LENGTH = 256;

  private RequestChecks() {
  }

  /** What is wrong with the request; null if nothing is. */
  static String problem(Service.Request request) {
    if (request instanceof Service.ExecuteRequest execute) {
      if (execute.statementHandle == null) {
        return "no statement";
      }
      return firstOf(connection(execute.statementHandle.connectionId), statement(execute.statementHandle.id));
    }
    String connectionId = connectionIdOf(request);
    String problem = connection(connectionId);
    if (problem != null) {
      return problem;
    }
    if (request instanceof Service.PrepareAndExecuteRequest prepareAndExecute) {
      return firstOf(sql(prepareAndExecute.sql), statement(prepareAndExecute.statementId));
    }
    if (request instanceof Service.PrepareRequest prepare) {
      return sql(prepare.sql);
    }
    if (request instanceof Service.FetchRequest fetch) {
      return firstOf(statement(fetch.statementId), fetch.offset < 0 ? "a negative offset" : null);
    }
    if (request instanceof Service.CloseStatementRequest close) {
      return statement(close.statementId);
    }
    if (request instanceof Service.SyncResultsRequest sync) {
      return firstOf(statement(sync.statementId), sync.state == null ? "no query state" : null);
    }
    if (request instanceof Service.ConnectionSyncRequest sync) {
      return sync.connProps == null ? "no connection properties" : null;
    }
    if (request instanceof Service.PrepareAndExecuteBatchRequest batch) {
      return firstOf(statement(batch.statementId), batch.sqlCommands == null || batch.sqlCommands.contains(null)
          ? "no SQL" : null);
    }
    if (request instanceof Service.ExecuteBatchRequest batch) {
      return firstOf(statement(batch.statementId), batch.parameterValues == null ? "no parameter values" : null);
    }
    return null;
  }

  private static String connectionIdOf(Service.Request request) {
    if (request instanceof Service.CatalogsRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.DatabasePropertyRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.SchemasRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.TablesRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.TableTypesRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.ColumnsRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.TypeInfoRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.PrepareAndExecuteRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.PrepareRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.FetchRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.CreateStatementRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.CloseStatementRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.OpenConnectionRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.CloseConnectionRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.ConnectionSyncRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.SyncResultsRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.CommitRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.RollbackRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.PrepareAndExecuteBatchRequest r) {
      return r.connectionId;
    } else if (request instanceof Service.ExecuteBatchRequest r) {
      return r.connectionId;
    }
    return null;
  }

  private static String connection(String id) {
    if (id == null || id.isEmpty()) {
      return "no connection id";
    }
    if (id.length() > MAX_ID_LENGTH) {
      return "a connection id longer than " + MAX_ID_LENGTH + " characters";
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        return "a connection id with control characters";
      }
    }
    return null;
  }

  private static String statement(int id) {
    return id < 0 ? "a negative statement id" : null;
  }

  private static String sql(String sql) {
    return sql == null ? "no SQL" : null;
  }

  private static String firstOf(String... problems) {
    for (String problem : problems) {
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }
}
