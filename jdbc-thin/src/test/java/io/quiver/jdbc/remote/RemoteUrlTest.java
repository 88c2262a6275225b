package io.quiver.jdbc.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Thin-driver URLs into Avatica's remote properties. */
class RemoteUrlTest {

  @Test
  void hostPortSchemaAndCredentials() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "ann");
    info.setProperty("password", "pw");
    Properties p = RemoteUrl.parse("jdbc:quiver://db.example:9000/tpch.sf1;ssl=true;truststore=/t.p12", info);
    assertEquals("https://db.example:9000", p.getProperty("url"));
    assertEquals("protobuf", p.getProperty("serialization"));
    assertEquals("BASIC", p.getProperty("authentication"));
    assertEquals("ann", p.getProperty("avatica_user"));
    assertEquals("pw", p.getProperty("avatica_password"));
    assertEquals("tpch.sf1", p.getProperty("schema"));
    assertEquals("/t.p12", p.getProperty("truststore"));
    assertNull(p.getProperty("password"));
    assertNull(p.getProperty("ssl"));
  }

  @Test
  void defaultsAndIpv6() throws SQLException {
    Properties p = RemoteUrl.parse("jdbc:quiver://localhost", null);
    assertEquals("http://localhost:8765", p.getProperty("url"));
    assertNull(p.getProperty("authentication"));
    assertEquals(String.valueOf(RemoteUrl.DEFAULT_RESPONSE_TIMEOUT_MILLIS), p.getProperty("http_response_timeout"));
    assertEquals("http://[::1]:8765", RemoteUrl.parse("jdbc:quiver://[::1]", null).getProperty("url"));
    assertEquals("http://[::1]:99", RemoteUrl.parse("jdbc:quiver://[::1]:99;USER=x", null).getProperty("url"));
  }

  @Test
  void wrongUrlsAreRefused() {
    for (String url : new String[] {"jdbc:quiver:", "jdbc:quiver://", "jdbc:quiver://h:0", "jdbc:quiver://h:x",
        "jdbc:quiver://h:70000", "jdbc:quiver://h;novalue"}) {
      SQLException e = assertThrows(SQLException.class, () -> RemoteUrl.parse(url, null), url);
      assertEquals("08001", e.getSQLState());
    }
  }
}
