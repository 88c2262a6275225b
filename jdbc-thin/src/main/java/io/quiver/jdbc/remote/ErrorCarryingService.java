package io.quiver.jdbc.remote;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.MalformedURLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;

/**
 * The thin driver's way to the server: Avatica's protobuf-over-HTTP service, with each error
 * response turned into a {@link ServerError} so that the server's SQLState, vendor code and message
 * reach the user unchanged. Avatica builds it through its {@code factory} connection property.
 */
public final class ErrorCarryingService implements Service.Factory {

  public ErrorCarryingService() {
  }

  @Override
  public Service create(AvaticaConnection connection) {
    ConnectionConfig config = connection.config();
    AvaticaHttpClient client;
    try {
      client = config.httpClientFactory().getClient(new URI(config.url()).toURL(), config,
          connection.getKerberosConnection());
    } catch (MalformedURLException | URISyntaxException e) {
      throw new IllegalArgumentException("invalid server URL " + config.url(), e);
    }
    Service remote = new RemoteProtobufService(client, new ProtobufTranslationImpl());
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
