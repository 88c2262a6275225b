package io.quiver.jdbc.server;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.jdbc.QuiverDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * A real server on a free loopback port over its own engine, with two users; the URLs and
 * connections the tests use.
 */
final class ServerFixture implements AutoCloseable {

  static final String ALICE = "alice";
  static final String ALICE_PASSWORD = "alice-secret";
  static final String BOB = "bob";
  static final String BOB_PASSWORD = "b0b:with colon";

  final Quiver engine;
  final QuiverServer server;
  /** The engine's data directory, where the server keeps its grants. */
  private final java.nio.file.Path data;

  ServerFixture() throws Exception {
    this(1000, UnaryOperator.identity());
  }

  /**
   * @param iterations the cost of the users' password hashes
   * @param options changes to the loopback server's default options
   */
  ServerFixture(int iterations, UnaryOperator<QuiverServer.Options> options) throws Exception {
    data = java.nio.file.Files.createTempDirectory("quiver-server-test");
    engine = Quiver.local(QuiverConfig.defaults().withSlots(2).withShufflePartitions(4)
        .withDataDirectories(List.of(data)));
    UserFile users = UserFile.parse(List.of(
        "# test users",
        UserFile.line(ALICE, PasswordHash.create(ALICE_PASSWORD.toCharArray(), iterations)),
        UserFile.line(BOB, PasswordHash.create(BOB_PASSWORD.toCharArray(), iterations))), "test users");
    QuiverServer started;
    try {
      started = QuiverServer.start(engine, options.apply(QuiverServer.Options.loopback(0, users)));
      // These tests share the memory catalog between both users and the embedded connection that
      // prepares their data; AuthorizationServerTest is where privileges are checked.
      try (Connection embedded = QuiverDriver.connect(engine, new Properties());
           java.sql.Statement statement = embedded.createStatement()) {
        statement.execute("GRANT ALL PRIVILEGES ON CATALOG memory TO PUBLIC");
      }
    } catch (Exception e) {
      engine.close();
      throw e;
    }
    server = started;
  }

  /** The stock Avatica remote URL, without credentials. */
  String avaticaUrl() {
    return "jdbc:avatica:remote:url=" + server.url() + ";serialization=protobuf";
  }

  /** The thin driver's URL. */
  String thinUrl() {
    return "jdbc:quiver://127.0.0.1:" + server.port();
  }

  Connection avatica(String user, String password) throws SQLException {
    return DriverManager.getConnection(avaticaUrl() + ";authentication=BASIC;avatica_user=" + user
        + ";avatica_password=" + password);
  }

  Connection thin(String user, String password) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", user);
    info.setProperty("password", password);
    return new QuiverDriver().connect(thinUrl(), info);
  }

  /** A connection of the named kind ("avatica", "thin"; "embedded" is in-process) as alice. */
  Connection connect(String kind) throws SQLException {
    switch (kind) {
      case "avatica":
        return avatica(ALICE, ALICE_PASSWORD);
      case "thin":
        return thin(ALICE, ALICE_PASSWORD);
      case "embedded":
        return embedded();
      default:
        throw new IllegalArgumentException("unknown connection kind " + kind);
    }
  }

  /** An embedded connection to the same engine, for expected answers. */
  Connection embedded() throws SQLException {
    return QuiverDriver.connect(engine, new Properties());
  }

  /** The application names of the engine's sessions that have one (JDBC's ApplicationName). */
  java.util.Set<String> applicationNames() {
    return server.applicationNames();
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      engine.close();
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(data)) {
        for (java.nio.file.Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.deleteIfExists(file);
        }
      }
    }
  }
}
