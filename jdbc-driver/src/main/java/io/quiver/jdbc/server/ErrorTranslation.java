package io.quiver.jdbc.server;

import io.quiver.exec.error.QuiverException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the server's Meta so that each call marks its connection busy (see
 * {@link ServerMeta#closeIdle}) and its failures reach remote clients with Quiver's SQLState and
 * error code: Avatica's handler puts those of an {@link AvaticaRuntimeException} into the error
 * response, and reports anything else with SQLState 00000.
 */
final class ErrorTranslation {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslation.class);
  private static final java.security.SecureRandom REFERENCES = new java.security.SecureRandom();

  private ErrorTranslation() {
  }

  static ProtobufMeta wrap(ServerMeta meta) {
    InvocationHandler handler = (proxy, method, args) -> {
      String connectionId = connectionId(args);
      if (connectionId != null) {
        meta.requestStarted(connectionId);
      }
      try {
        return method.invoke(meta, args);
      } catch (InvocationTargetException e) {
        throw translate(e.getCause());
      } finally {
        if (connectionId != null) {
          meta.requestEnded(connectionId);
        }
      }
    };
    return (ProtobufMeta) Proxy.newProxyInstance(ProtobufMeta.class.getClassLoader(),
        new Class<?>[] {ProtobufMeta.class}, handler);
  }

  /** The connection a Meta call is about: its first argument names it. */
  private static String connectionId(Object[] args) {
    if (args == null || args.length == 0) {
      return null;
    }
    if (args[0] instanceof Meta.ConnectionHandle connection) {
      return connection.id;
    }
    if (args[0] instanceof Meta.StatementHandle statement) {
      return statement.connectionId;
    }
    return null;
  }

  /** Logs a failure inside the server with its stack trace; returns the reference a client is told. */
  static String logInternalError(Throwable failure) {
    String reference = Long.toHexString(REFERENCES.nextLong() & 0xffffffffL);
    LOG.error("internal error {} in the server", reference, failure);
    return reference;
  }

  /** What a client reads of an internal error: where to look, nothing of the error itself. */
  static String internalErrorMessage(String reference) {
    return "internal error in the server (reference " + reference + " in its log)";
  }

  /** The exception a client should see for a failure of the Meta. */
  static Throwable translate(Throwable failure) {
    if (failure instanceof AvaticaRuntimeException || failure instanceof NoSuchConnectionException
        || !(failure instanceof RuntimeException)) {
      // Avatica's own (and checked ones, which Avatica's service answers itself).
      return failure;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof QuiverException quiver) {
        return new AvaticaRuntimeException(quiver.getMessage(), quiver.errorCode().code(), quiver.sqlState(),
            AvaticaSeverity.ERROR);
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return new AvaticaRuntimeException(sql.getMessage(), sql.getErrorCode(), sql.getSQLState(),
            AvaticaSeverity.ERROR);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    // a bug: the client gets a reference to the log, never the exception
    return new AvaticaRuntimeException(internalErrorMessage(logInternalError(failure)), -1, "XX000",
        AvaticaSeverity.ERROR);
  }
}
