package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.jdbc.QuiverDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over HTTPS with a keystore made by the JDK's keytool, and the thin driver trusting it. */
class TlsServerTest {

  @TempDir
  Path directory;

  @Test
  void thinDriverOverHttps() throws Exception {
    Path keystore = directory.resolve("server.p12");
    String password = "keystore-secret";
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "quiver", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password)
        .redirectErrorStream(true).start();
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes()));

    UserFile users = UserFile.parse(List.of(UserFile.line("carol", PasswordHash.create("pw".toCharArray(), 1000))),
        "test users");
    try (Quiver engine = Quiver.local(QuiverConfig.defaults().withSlots(1).withShufflePartitions(2))) {
      QuiverServer server = QuiverServer.start(engine,
          new QuiverServer.Options("127.0.0.1", 0, users, keystore, password, false));
      try {
        assertTrue(server.url().startsWith("https://"), server.url());
        Properties info = new Properties();
        info.setProperty("user", "carol");
        info.setProperty("password", "pw");
        String url = "jdbc:quiver://127.0.0.1:" + server.port() + ";ssl=true;truststore=" + keystore
            + ";truststore_password=" + password;
        try (Connection connection = new QuiverDriver().connect(url, info);
             Statement statement = connection.createStatement()) {
          assertEquals(List.of("25"), ServerLoadTest.rows(connection, "SELECT count(*) FROM tpch.tiny.nation"));
          statement.cancel();   // the cancel route over HTTPS: nothing runs, so nothing happens
        }
      } finally {
        server.close();
      }
    }
  }
}
