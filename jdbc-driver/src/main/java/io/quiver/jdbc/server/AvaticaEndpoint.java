package io.quiver.jdbc.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import io.quiver.jdbc.remote.KeyMetadataCall;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatica's protobuf protocol over one request body: Avatica's handler decodes the request, runs it
 * on a {@link LocalService} over the {@link ServerMeta} and encodes the response. Failures of the
 * Meta are error responses with Quiver's SQLState and code ({@link ErrorTranslation}) and HTTP
 * status 500, which Avatica's clients read. A body that is not a request, or a request Avatica
 * cannot run because fields are missing or wrong, gets HTTP 400 and an error response (SQLState
 * 08P01) that names the request. No error response carries a stack trace: Avatica would send the
 * exception's trace in every one.
 */
final class AvaticaEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(AvaticaEndpoint.class);

  /** An encoded response and its HTTP status. */
  record Reply(int status, byte[] body) {
  }

  private final ProtobufTranslation translation = new ProtobufTranslationImpl();
  private final ProtobufHandler handler;
  private final Service.RpcMetadataResponse serverAddress;
  private final ProtobufMeta meta;
  private final LocalService service;

  AvaticaEndpoint(ServerMeta meta, String serverAddress) {
    this.meta = ErrorTranslation.wrap(meta);
    this.service = new LocalService(this.meta);
    this.handler = new ProtobufHandler(service, translation, NoopMetricsSystem.getInstance());
    this.serverAddress = new Service.RpcMetadataResponse(serverAddress);
    service.setRpcMetadata(this.serverAddress);
    handler.setRpcMetadata(this.serverAddress);
  }

  Reply handle(byte[] body) {
    Service.Request request;
    try {
      request = translation.parseRequest(body);
      if (request == null) {
        throw new IOException("no request in the body");
      }
    } catch (IOException | RuntimeException e) {
      return error(400, "malformed request: the body (" + body.length + " bytes) is not an Avatica protobuf request",
          "08P01");
    }
    String problem = RequestChecks.problem(request);
    if (problem != null) {
      return error(400, "malformed request: the " + name(request) + " has " + problem, "08P01");
    }
    Handler.HandlerResponse<byte[]> response;
    try {
      response = handler.apply(body);
    } catch (RuntimeException e) {
      // Avatica could not even encode an error for this request
      return malformed(request);
    }
    if (response.getStatusCode() == 200) {
      return new Reply(200, response.getResponse());
    }
    return withoutInternals(request, response);
  }

  /**
   * A key or index metadata call of the thin driver (Avatica's protocol has none): the result as
   * Avatica's protobuf result set response, as getTables answers; a failure as an error response.
   */
  Reply keyMetadata(String connectionId, KeyMetadataCall call) {
    Meta.MetaResultSet result;
    try {
      result = call.apply(meta, new Meta.ConnectionHandle(connectionId));
    } catch (AvaticaRuntimeException e) {
      return error(500, e.getErrorMessage(), e.getErrorCode(), e.getSqlState());
    } catch (NoSuchConnectionException e) {
      return error(500, "no such connection " + connectionId, Service.ErrorResponse.MISSING_CONNECTION_ERROR_CODE,
          Service.ErrorResponse.UNKNOWN_SQL_STATE);
    }
    try {
      return new Reply(200, translation.serializeResponse(service.toResponse(result)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a metadata result", e);
    }
  }

  /**
   * An error reply with the message only. Errors of the Meta carry a SQLState (or Avatica's missing
   * connection code); any other error is Avatica failing on what the request holds.
   */
  private Reply withoutInternals(Service.Request request, Handler.HandlerResponse<byte[]> response) {
    Service.Response decoded;
    try {
      decoded = translation.parseResponse(response.getResponse());
    } catch (IOException | RuntimeException e) {
      decoded = null;
    }
    if (!(decoded instanceof Service.ErrorResponse error)) {
      LOG.warn("Avatica answered {} with status {} and no error response", name(request), response.getStatusCode());
      return error(500, "the server could not answer the request", "XX000");
    }
    boolean fromMeta = !Service.ErrorResponse.UNKNOWN_SQL_STATE.equals(error.sqlState)
        || error.errorCode == Service.ErrorResponse.MISSING_CONNECTION_ERROR_CODE;
    if (!fromMeta) {
      LOG.debug("malformed {}: {}", name(request), error.errorMessage);
      return malformed(request);
    }
    String message = error.errorMessage == null || error.errorMessage.isBlank() ? "the request failed"
        : error.errorMessage;
    Service.ErrorResponse clean = new Service.ErrorResponse(List.of(message), message, error.errorCode,
        error.sqlState, error.severity == null ? AvaticaSeverity.ERROR : error.severity, serverAddress);
    try {
      return new Reply(response.getStatusCode(), translation.serializeResponse(clean));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an error response", e);
    }
  }

  /** The reply to a request the server failed on (500; an Avatica error response naming the log reference). */
  Reply internalError(String reference) {
    return error(500, ErrorTranslation.internalErrorMessage(reference), "XX000");
  }

  private Reply malformed(Service.Request request) {
    return error(400, "malformed request: the " + name(request) + " lacks a required field or holds a wrong one",
        "08P01");
  }

  private static String name(Service.Request request) {
    String name = request.getClass().getSimpleName();
    return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) + " request" : name;
  }

  private Reply error(int status, String message, String sqlState) {
    return error(status, message, -1, sqlState);
  }

  private Reply error(int status, String message, int code, String sqlState) {
    Service.ErrorResponse response = new Service.ErrorResponse(List.of(message), message, code, sqlState,
        AvaticaSeverity.ERROR, serverAddress);
    try {
      return new Reply(status, translation.serializeResponse(response));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an error response", e);
    }
  }

  /** Reads a body of at most {@code limit} bytes; null if it is longer. */
  static byte[] readBody(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? null : bytes;
  }
}
