package io.quiver.jdbc.remote;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * Calls the server's routes for what Avatica's protocol cannot say, over the connection's
 * {@link HttpTransport} (its credentials): the cancel
 * ({@code POST /quiver/cancel?connection=ID&statement=N}; Avatica's requests of the connection may
 * be busy in the one the query blocks), the client application's name
 * ({@code POST /quiver/client-info?connection=ID&ApplicationName=NAME}), and the key and index
 * metadata ({@link KeyMetadataCall}).
 */
final class ControlClient {

  static final String CANCEL_PATH = "/quiver/cancel";
  static final String CLIENT_INFO_PATH = "/quiver/client-info";

  private static final ProtobufTranslation TRANSLATION = new ProtobufTranslationImpl();

  private final HttpTransport transport;

  ControlClient(HttpTransport transport) {
    this.transport = transport;
  }

  /** Asks the server to stop the statement's running query. */
  void cancel(String connectionId, int statementId) throws SQLException {
    HttpResponse<String> response = transport.post(CANCEL_PATH + "?connection=" + encode(connectionId)
        + "&statement=" + statementId, "cancel", HttpResponse.BodyHandlers.ofString());
    // 404: the statement or connection is gone already, so nothing runs: that is a cancel too.
    if (response.statusCode() != 200 && response.statusCode() != 404) {
      throw refused(response.statusCode(), response.body(), "cancel");
    }
  }

  /** Names the connection's client application on the server (null: none). */
  void setApplicationName(String connectionId, String name) throws SQLException {
    HttpResponse<String> response = transport.post(CLIENT_INFO_PATH + "?connection=" + encode(connectionId)
        + (name == null ? "" : "&ApplicationName=" + encode(name)), "set the client info",
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw refused(response.statusCode(), response.body(), "client info");
    }
  }

  /**
   * Runs a key metadata call on the server ({@link KeyMetadataCall}); its answer is Avatica's result
   * set response, as for getTables.
   */
  Service.ResultSetResponse keyMetadata(String connectionId, KeyMetadataCall call) throws SQLException {
    HttpResponse<byte[]> response = transport.post(call.pathAndQuery(connectionId), "read key metadata",
        HttpResponse.BodyHandlers.ofByteArray());
    Service.Response decoded;
    try {
      decoded = TRANSLATION.parseResponse(response.body());
    } catch (IOException | RuntimeException e) {
      decoded = null; // a refusal in plain text (401, 429, ...)
    }
    if (response.statusCode() == 200 && decoded instanceof Service.ResultSetResponse result) {
      return result;
    }
    if (decoded instanceof Service.ErrorResponse error) {
      ServerError server = ServerError.of(new AvaticaClientRuntimeException(error.errorMessage, error.errorCode,
          error.sqlState, error.severity, error.exceptions, error.rpcMetadata));
      if (server == null) {
        throw new SQLNonTransientConnectionException("the connection is closed on the server", "08003");
      }
      throw server.toSqlException();
    }
    throw refused(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), "metadata call");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static SQLException refused(int status, String body, String what) {
    return new SQLException("the server refused the " + what + ": " + body.strip(), status == 401 ? "28000" : "08006");
  }
}
