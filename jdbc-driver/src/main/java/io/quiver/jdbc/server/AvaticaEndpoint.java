package io.quiver.jdbc.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * Avatica's protobuf protocol over one request body: Avatica's handler decodes the request, runs it
 * on a {@link LocalService} over the {@link ServerMeta} and encodes the response; failures are
 * error responses with Quiver's SQLState and code ({@link ErrorTranslation}) and HTTP status 500,
 * which Avatica's clients read. A body that is not a protobuf request at all gets HTTP 400 and an
 * error response that says so.
 */
final class AvaticaEndpoint {

  /** An encoded response and its HTTP status. */
  record Reply(int status, byte[] body) {
  }

  private final ProtobufTranslation translation = new ProtobufTranslationImpl();
  private final ProtobufHandler handler;
  private final Service.RpcMetadataResponse serverAddress;

  AvaticaEndpoint(ServerMeta meta, String serverAddress) {
    LocalService service = new LocalService(ErrorTranslation.wrap(meta));
    this.handler = new ProtobufHandler(service, translation, NoopMetricsSystem.getInstance());
    this.serverAddress = new Service.RpcMetadataResponse(serverAddress);
    service.setRpcMetadata(this.serverAddress);
    handler.setRpcMetadata(this.serverAddress);
  }

  Reply handle(byte[] body) {
    try {
      if (translation.parseRequest(body) == null) {
        throw new IOException("no request in the body");
      }
    } catch (IOException | RuntimeException e) {
      return error(400, "malformed Avatica protobuf request (" + body.length + " bytes): " + describe(e),
          "08P01");
    }
    Handler.HandlerResponse<byte[]> response = handler.apply(body);
    if (response.getStatusCode() != 200) {
      return withMessage(response);
    }
    return new Reply(response.getStatusCode(), response.getResponse());
  }

  /**
   * An error reply that says what failed: Avatica leaves the message empty for exceptions without
   * one (a request whose fields are missing fails with a bare NullPointerException).
   */
  private Reply withMessage(Handler.HandlerResponse<byte[]> response) {
    try {
      Service.Response decoded = translation.parseResponse(response.getResponse());
      if (decoded instanceof Service.ErrorResponse error
          && (error.errorMessage == null || error.errorMessage.isBlank())) {
        String cause = error.exceptions == null || error.exceptions.isEmpty()
            ? "unknown error" : error.exceptions.get(0).lines().findFirst().orElse("unknown error");
        return error(response.getStatusCode(), "the server could not run the request: " + cause,
            error.sqlState == null || error.sqlState.equals(Service.ErrorResponse.UNKNOWN_SQL_STATE)
                ? "XX000" : error.sqlState);
      }
    } catch (IOException | RuntimeException e) {
      // Not an error response after all; pass it on as it is.
    }
    return new Reply(response.getStatusCode(), response.getResponse());
  }

  private Reply error(int status, String message, String sqlState) {
    Service.ErrorResponse response = new Service.ErrorResponse(List.of(message), message, -1, sqlState,
        AvaticaSeverity.ERROR, serverAddress);
    try {
      return new Reply(status, translation.serializeResponse(response));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an error response", e);
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Reads a body of at most {@code limit} bytes; null if it is longer. */
  static byte[] readBody(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? null : bytes;
  }
}
