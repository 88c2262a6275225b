package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.Test;

/**
 * The server under abuse, with real clients on loopback: a flood of wrong passwords next to a
 * working user, repeated failures, malformed bodies, other users' ids, stalled connections.
 */
class ServerProtectionTest {

  private static final ProtobufTranslation TRANSLATION = new ProtobufTranslationImpl();
  private static final String USER_QUERY = "SELECT l_returnflag, count(*), sum(l_quantity) FROM tpch.tiny.lineitem "
      + "WHERE l_shipdate < DATE '1995-01-01' GROUP BY l_returnflag ORDER BY 1";

  @Test
  void aFloodOfWrongPasswordsDoesNotStopALoggedInUser() throws Exception {
    // realistic limits: the flood from one address soon meets 429s
    flood("default limits", AuthenticationLimits.defaults());
    // no failure limit at all: every wrong password needs a hash, the hash pool is full all the time
    flood("no failure limits", AuthenticationLimits.defaults().withFailures(1_000_000, 1_000_000));
  }

  private void flood(String scenario, AuthenticationLimits limits) throws Exception {
    try (ServerFixture fixture = new ServerFixture(100_000, options -> options.withAuthentication(limits));
         Connection user = fixture.thin(ServerFixture.ALICE, ServerFixture.ALICE_PASSWORD)) {
      List<String> expected;
      try (Connection embedded = fixture.embedded()) {
        expected = ServerLoadTest.rows(embedded, USER_QUERY);
      }
      assertEquals(expected, ServerLoadTest.rows(user, USER_QUERY), "logged in before the flood");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
      AtomicBoolean stop = new AtomicBoolean();
      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      AtomicInteger inFlight = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(500);
      Random random = new Random(7);
      for (int i = 0; i < 500; i++) {
        String name = i % 2 == 0 ? ServerFixture.ALICE : "guess" + random.nextInt(50);
        attack(http, fixture, name + ":wrong-" + i, stop, statuses, inFlight, done);
      }
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        long start = System.nanoTime();
        assertEquals(expected, ServerLoadTest.rows(user, USER_QUERY), "query " + i + " during the flood");
        micros.add((System.nanoTime() - start) / 1000);
      }
      stop.set(true);
      assertTrue(done.await(300, TimeUnit.SECONDS), "the attackers' requests ended");
      Collections.sort(micros);
      System.out.printf("%s: 100 queries during a flood of 500 concurrent wrong-password requests: "
          + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; attack responses %s%n", scenario,
          micros.get(49) / 1000.0, micros.get(89) / 1000.0, micros.get(98) / 1000.0, micros.get(99) / 1000.0,
          statuses);
      for (int status : statuses.keySet()) {
        assertTrue(status == 401 || status == 429, "attack answered " + status + ": " + statuses);
      }
    }
  }

  /** One attacker: sends a wrong password again and again until told to stop. */
  private static void attack(HttpClient http, ServerFixture fixture, String credentials, AtomicBoolean stop,
      Map<Integer, AtomicInteger> statuses, AtomicInteger inFlight, CountDownLatch done) {
    if (stop.get()) {
      done.countDown();
      return;
    }
    inFlight.incrementAndGet();
    http.sendAsync(HttpRequest.newBuilder(URI.create(fixture.server.url() + "/"))
            .header("Authorization", basic(credentials)).timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(),
        HttpResponse.BodyHandlers.discarding())
        .whenComplete((response, failure) -> {
          inFlight.decrementAndGet();
          int status = failure == null ? response.statusCode() : -1;
          statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
          attack(http, fixture, credentials, stop, statuses, inFlight, done);
        });
  }

  @Test
  void repeatedFailuresAreAnswered429WithRetryAfterButTheLoggedInUserGoesOn() throws Exception {
    try (ServerFixture fixture = new ServerFixture(1000,
        options -> options.withAuthentication(AuthenticationLimits.defaults().withFailures(3, 100)));
         Connection alice = fixture.thin(ServerFixture.ALICE, ServerFixture.ALICE_PASSWORD)) {
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 4; i++) {
        assertEquals(401, post(http, fixture, basic("bob:wrong" + i), new byte[0], null).statusCode(), "try " + i);
      }
      HttpResponse<byte[]> limited = post(http, fixture, basic("bob:wrong"), new byte[0], null);
      assertEquals(429, limited.statusCode());
      long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
      // bob's right password from the same address must wait too: it is not known yet
      assertEquals(429, post(http, fixture, basic(ServerFixture.BOB + ":" + ServerFixture.BOB_PASSWORD),
          new byte[0], null).statusCode());
      // alice is known: her queries go on
      assertEquals(List.of("25"), ServerLoadTest.rows(alice, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  @Test
  void malformedBodiesGet4xxWithoutInternals() throws Exception {
    try (ServerFixture fixture = new ServerFixture()) {
      HttpClient http = HttpClient.newHttpClient();
      String alice = basic(ServerFixture.ALICE + ":" + ServerFixture.ALICE_PASSWORD);
      List<byte[]> valid = List.of(
          TRANSLATION.serializeRequest(new Service.OpenConnectionRequest("fuzz-connection", Map.of())),
          TRANSLATION.serializeRequest(new Service.PrepareAndExecuteRequest("fuzz-connection", 1,
              "SELECT count(*) FROM tpch.tiny.nation", 100)),
          TRANSLATION.serializeRequest(new Service.FetchRequest("fuzz-connection", 1, 0, 100)),
          TRANSLATION.serializeRequest(new Service.CatalogsRequest("fuzz-connection")),
          TRANSLATION.serializeRequest(new Service.TablesRequest("fuzz-connection", null, null, "%", null)));
      Random random = new Random(2026);
      List<byte[]> bodies = new ArrayList<>();
      while (bodies.size() < 800) {
        byte[] bytes = new byte[1 + random.nextInt(2000)];
        random.nextBytes(bytes);
        addIfUnparseable(bodies, bytes);
      }
      while (bodies.size() < 1400) {
        byte[] request = valid.get(random.nextInt(valid.size()));
        addIfUnparseable(bodies, Arrays.copyOf(request, random.nextInt(request.length)));
      }
      while (bodies.size() < 1800) {
        byte[] mutated = valid.get(random.nextInt(valid.size())).clone();
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
          mutated[random.nextInt(mutated.length)] ^= (byte) (1 + random.nextInt(255));
        }
        addIfUnparseable(bodies, mutated);
      }
      // requests that decode but cannot be run: no connection id, a negative statement id
      for (String id : List.of("", "x".repeat(300), "a\u0001b")) {
        bodies.add(TRANSLATION.serializeRequest(new Service.CatalogsRequest(id)));
        bodies.add(TRANSLATION.serializeRequest(new Service.OpenConnectionRequest(id, Map.of())));
        bodies.add(TRANSLATION.serializeRequest(new Service.FetchRequest(id, 1, 0, 10)));
        bodies.add(TRANSLATION.serializeRequest(new Service.PrepareRequest(id, "SELECT 1", 10)));
        bodies.add(TRANSLATION.serializeRequest(new Service.CreateStatementRequest(id)));
      }
      for (int i = 0; bodies.size() < 1900; i++) {
        bodies.add(TRANSLATION.serializeRequest(new Service.FetchRequest("fuzz-connection", -1 - i, 0, 10)));
      }
      // JSON, as a client set to Avatica's JSON serialization sends it
      while (bodies.size() < 1950) {
        bodies.add(("{\"request\": \"openConnection\", \"connectionId\": \"" + random.nextInt() + "\"}")
            .getBytes(StandardCharsets.UTF_8));
      }
      int answered = 0;
      for (byte[] body : bodies) {
        check(post(http, fixture, alice, body, answered % 3 == 0 ? "application/octet-stream" : null));
        answered++;
      }
      // wrong content types, with bodies that would be fine
      List<String> types = List.of("application/json", "text/plain", "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x", "text/html;charset=utf-8");
      for (int i = 0; i < 50; i++) {
        check(post(http, fixture, alice, valid.get(i % valid.size()), types.get(i % types.size())));
        answered++;
      }
      assertTrue(answered >= 2000, answered + " malformed bodies");
      // and the server still answers real clients
      try (Connection connection = fixture.connect("thin")) {
        assertEquals(List.of("25"), ServerLoadTest.rows(connection, "SELECT count(*) FROM tpch.tiny.nation"));
      }
    }
  }

  private static void addIfUnparseable(List<byte[]> bodies, byte[] body) {
    try {
      if (TRANSLATION.parseRequest(body) != null) {
        return;
      }
    } catch (IOException | RuntimeException e) {
      // malformed: wanted
    }
    bodies.add(body);
  }

  private static void check(HttpResponse<byte[]> response) {
    String text = new String(response.body(), StandardCharsets.ISO_8859_1);
    assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
        "status " + response.statusCode() + ": " + text);
    assertFalse(text.contains("Exception") || text.contains("at io.") || text.contains("\tat "), text);
  }

  @Test
  void anotherUsersConnectionAndStatementIdsBehaveLikeUnknownOnes() throws Exception {
    try (ServerFixture fixture = new ServerFixture();
         Connection alice = fixture.thin(ServerFixture.ALICE, ServerFixture.ALICE_PASSWORD);
         Statement statement = alice.createStatement()) {
      String aliceId = alice.unwrap(AvaticaConnection.class).id;
      int statementId = statement.unwrap(AvaticaStatement.class).getId();
      HttpClient http = HttpClient.newHttpClient();
      String bob = basic(ServerFixture.BOB + ":" + ServerFixture.BOB_PASSWORD);
      String unknownId = "00000000-0000-0000-0000-000000000000";
      for (java.util.function.Function<String, Service.Request> request : List.<java.util.function.Function<String,
          Service.Request>>of(Service.CatalogsRequest::new, id -> new Service.FetchRequest(id, statementId, 0, 10),
          id -> new Service.CloseStatementRequest(id, statementId), Service.CloseConnectionRequest::new,
          id -> new Service.PrepareAndExecuteRequest(id, statementId, "SELECT 1", 10))) {
        Service.ErrorResponse others = error(post(http, fixture, bob, TRANSLATION.serializeRequest(
            request.apply(aliceId)), null));
        Service.ErrorResponse unknown = error(post(http, fixture, bob, TRANSLATION.serializeRequest(
            request.apply(unknownId)), null));
        assertEquals(unknown.errorCode, others.errorCode);
        assertEquals(unknown.sqlState, others.sqlState);
        assertEquals(unknown.errorMessage.replace(unknownId, "ID"), others.errorMessage.replace(aliceId, "ID"));
      }
      assertEquals(404, post(http, fixture, bob, "/quiver/cancel?connection=" + aliceId + "&statement=" + statementId));
      // opening a connection with alice's id opens bob's own, and closing it leaves alice's
      assertEquals(200, post(http, fixture, bob, TRANSLATION.serializeRequest(
          new Service.OpenConnectionRequest(aliceId, Map.of())), null).statusCode());
      assertEquals(200, post(http, fixture, bob, TRANSLATION.serializeRequest(
          new Service.CloseConnectionRequest(aliceId)), null).statusCode());
      assertEquals(List.of("25"), ServerLoadTest.rows(alice, "SELECT count(*) FROM tpch.tiny.nation"));
      // statement ids are random: not one after another
      try (Statement second = alice.createStatement(); Statement third = alice.createStatement()) {
        int a = second.unwrap(AvaticaStatement.class).getId();
        int b = third.unwrap(AvaticaStatement.class).getId();
        assertNotEquals(1, Math.abs(a - b));
        assertNotEquals(1, Math.abs(a - statementId));
      }
    }
  }

  private static Service.ErrorResponse error(HttpResponse<byte[]> response) throws IOException {
    assertEquals(500, response.statusCode());
    return assertInstanceOf(Service.ErrorResponse.class, TRANSLATION.parseResponse(response.body()));
  }

  @Test
  void stalledConnectionsAreCutOff() throws Exception {
    try (ServerFixture fixture = new ServerFixture(1000,
        options -> options.withHttpIdleTimeout(Duration.ofMillis(500)))) {
      // headers that never end
      try (Socket socket = connect(fixture)) {
        OutputStream out = socket.getOutputStream();
        out.write("POST / HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic ".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertClosedByServer(socket);
      }
      // a body that stops half way
      try (Socket socket = connect(fixture)) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
            + basic(ServerFixture.ALICE + ":" + ServerFixture.ALICE_PASSWORD)
            + "\r\nContent-Length: 1000\r\n\r\n0123456789").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertClosedByServer(socket);
      }
      // a connection that says nothing
      try (Socket socket = connect(fixture)) {
        assertClosedByServer(socket);
      }
    }
  }

  private static Socket connect(ServerFixture fixture) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", fixture.server.port()), 10_000);
    // a safety net for the test only: the server's timeout is 500 ms
    socket.setSoTimeout(60_000);
    return socket;
  }

  /** Reads until the server closes the connection (it may answer first, e.g. 408). */
  private static void assertClosedByServer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      while (in.read(buffer) >= 0) {
        // an error response before the close
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept a stalled connection open", e);
    } catch (IOException e) {
      // reset by the server: closed too
    }
  }

  private static HttpResponse<byte[]> post(HttpClient http, ServerFixture fixture, String authorization, byte[] body,
      String contentType) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.server.url() + "/"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static int post(HttpClient http, ServerFixture fixture, String authorization, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(fixture.server.url() + path)).header("Authorization",
        authorization).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
