package io.quiver.jdbc.remote;

import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.UnregisteredDriver;

/** A thin-driver connection: Avatica's remote connection and the way to the server's cancel route. */
public class RemoteConnection extends AvaticaConnection {

  private volatile CancelClient cancelClient;

  RemoteConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
  }

  /** Stops the statement's running query on the server. */
  void cancel(int statementId) throws SQLException {
    CancelClient client = cancelClient;
    if (client == null) {
      synchronized (this) {
        client = cancelClient;
        if (client == null) {
          client = new CancelClient(config());
          cancelClient = client;
        }
      }
    }
    client.cancel(id, statementId);
  }
}
