package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The thin driver's jar ({@code jdbc-thin/target/quiver-jdbc-thin-*-all.jar}, built by the jdbc-thin
 * module's package phase, which a full build runs before this module's tests) as a BI tool loads
 * it: alone in a class loader whose parent is the platform loader, found through
 * {@code java.sql.Driver}'s service file, against a real server on loopback.
 */
class ThinJarTest {

  /** Far above today's size (a few MB), far below the embedded driver's 126 MB. */
  static final long MAX_BYTES = 15L * 1024 * 1024;

  @Test
  void theJarAloneConnectsQueriesAndReportsErrors() throws Exception {
    Path jar = thinJar();
    try (ServerFixture fixture = new ServerFixture();
         URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
             ClassLoader.getPlatformClassLoader())) {
      List<Driver> drivers = new ArrayList<>();
      ServiceLoader.load(Driver.class, loader).forEach(driver -> {
        if (driver.getClass().getClassLoader() == loader) {
          drivers.add(driver);
        }
      });
      assertEquals(1, drivers.size(), drivers::toString);
      Driver driver = drivers.get(0);
      assertEquals("io.quiver.jdbc.remote.QuiverRemoteDriver", driver.getClass().getName());
      assertTrue(driver.acceptsURL(fixture.thinUrl()));
      assertFalse(driver.acceptsURL("jdbc:quiver:schema=tpch.tiny"));
      Properties info = new Properties();
      info.setProperty("user", ServerFixture.ALICE);
      info.setProperty("password", ServerFixture.ALICE_PASSWORD);
      try (Connection connection = driver.connect(fixture.thinUrl() + "/tpch.tiny", info);
           Statement statement = connection.createStatement()) {
        assertEquals("Quiver", connection.getMetaData().getDatabaseProductName());
        try (ResultSet rs = statement.executeQuery(
            "SELECT n_name, n_nationkey, CAST('2024-01-31 10:11:12.123456' AS TIMESTAMP) AS ts FROM nation"
                + " ORDER BY n_nationkey")) {
          assertTrue(rs.next());
          assertEquals("ALGERIA", rs.getString(1));
          assertEquals(0L, rs.getLong(2));
          assertEquals("2024-01-31 10:11:12.123456", rs.getString(3));
        }
        SQLException missing = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM nosuch"));
        assertEquals("42P01", missing.getSQLState());
        assertEquals("Table or schema 'nosuch' not found (at line 1, column 15)", missing.getMessage());
        // Avatica's classes are inside, relocated: the tool's own Avatica (or none) is not touched.
        assertNotNull(loader.loadClass("io.quiver.thin.shaded.avatica.AvaticaConnection"));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.apache.calcite.avatica.AvaticaConnection"));
      }
    }
  }

  @Test
  void theJarHoldsTheThinDriverAndRelocatedLibrariesOnly() throws Exception {
    Path jar = thinJar();
    assertTrue(Files.size(jar) < MAX_BYTES, jar + " has " + Files.size(jar) + " bytes");
    List<String> outside = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        boolean classFile = name.endsWith(".class");
        if (name.startsWith("META-INF/versions/") && classFile) {
          name = name.substring(name.indexOf('/', "META-INF/versions/".length()) + 1);
        }
        if (classFile && !name.startsWith("io/quiver/jdbc/client/") && !name.startsWith("io/quiver/jdbc/remote/")
            && !name.startsWith("io/quiver/thin/shaded/")
            // Avatica's protobuf messages keep their names: the wire names messages by them
            && !name.startsWith("org/apache/calcite/avatica/proto/")) {
          outside.add(name);
        }
      }
    }
    assertEquals(List.of(), outside.size() > 20 ? outside.subList(0, 20) : outside);
  }

  /** The shaded jar of the jdbc-thin module; the test is skipped where only the test phase ran. */
  static Path thinJar() throws IOException {
    Path target = Path.of("..", "jdbc-thin", "target");
    List<Path> jars = new ArrayList<>();
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        files.filter(p -> p.getFileName().toString().matches("quiver-jdbc-thin-.*-all\\.jar")).forEach(jars::add);
      }
    }
    Assumptions.assumeTrue(jars.size() == 1,
        "the thin jar is built by jdbc-thin's package phase (./mvnw verify builds it before this test)");
    return jars.get(0).toAbsolutePath();
  }
}
