package io.quiver.jdbc.remote;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;

/**
 * The thin driver's way to the server: Avatica's protobuf-over-HTTP service on the connection's own
 * {@link HttpTransport} ({@code java.net.http}, not Avatica's HTTP client), with each error
 * response turned into a {@link ServerError} so that the server's SQLState, vendor code and message
 * reach the user unchanged. Avatica builds it through its {@code factory} connection property.
 */
public final class ErrorCarryingService implements Service.Factory {

  public ErrorCarryingService() {
  }

  @Override
  public Service create(AvaticaConnection connection) {
    HttpTransport transport;
    try {
      transport = new HttpTransport(connection.config());
    } catch (SQLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Service remote = new RemoteProtobufService(transport, new ProtobufTranslationImpl());
    return (Service) Proxy.newProxyInstance(Service.class.getClassLoader(), new Class<?>[] {Service.class},
        (proxy, method, args) -> {
          try {
            return method.invoke(remote, args);
          } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AvaticaClientRuntimeException avatica) {
              ServerError error = ServerError.of(avatica);
              throw error == null ? avatica : error;
            }
            throw cause;
          }
        });
  }
}
