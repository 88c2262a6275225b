package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bodies that are not requests at all; the TPC-H queries the load tests share. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerLoadTest {

  static final String Q1 = String.join("\n",
      "select l_returnflag, l_linestatus, sum(l_quantity) as sum_qty, sum(l_extendedprice) as sum_base_price,",
      "  sum(l_extendedprice * (1 - l_discount)) as sum_disc_price,",
      "  sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) as sum_charge, avg(l_quantity) as avg_qty,",
      "  avg(l_extendedprice) as avg_price, avg(l_discount) as avg_disc, count(*) as count_order",
      "from lineitem where l_shipdate <= date '1998-12-01' - interval '90' day",
      "group by l_returnflag, l_linestatus order by l_returnflag, l_linestatus");
  static final String Q3 = String.join("\n",
      "select l_orderkey, sum(l_extendedprice * (1 - l_discount)) as revenue, o_orderdate, o_shippriority",
      "from customer, orders, lineitem",
      "where c_mktsegment = 'BUILDING' and c_custkey = o_custkey and l_orderkey = o_orderkey",
      "  and o_orderdate < date '1995-03-15' and l_shipdate > date '1995-03-15'",
      "group by l_orderkey, o_orderdate, o_shippriority",
      "order by revenue desc, o_orderdate, l_orderkey",
      "limit 10");
  static final String Q6 = String.join("\n",
      "select sum(l_extendedprice * l_discount) as revenue from lineitem",
      "where l_shipdate >= date '1994-01-01' and l_shipdate < date '1994-01-01' + interval '1' year",
      "  and l_discount between 0.06 - 0.01 and 0.06 + 0.01 and l_quantity < 24");

  private ServerFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = new ServerFixture();
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void malformedBodiesGetClearErrorsAndTheServerKeepsAnswering() throws Exception {
    ProtobufTranslation translation = new ProtobufTranslationImpl();
    List<byte[]> valid = List.of(
        translation.serializeRequest(new Service.OpenConnectionRequest("fuzz-connection", Map.of())),
        translation.serializeRequest(new Service.PrepareAndExecuteRequest("fuzz-connection", 1,
            "SELECT count(*) FROM tpch.tiny.nation", 100)),
        translation.serializeRequest(new Service.FetchRequest("fuzz-connection", 1, 0, 100)),
        translation.serializeRequest(new Service.CatalogsRequest("fuzz-connection")));
    Random random = new Random(42);
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      byte[] bytes = new byte[random.nextInt(2000)];
      random.nextBytes(bytes);
      bodies.add(bytes);
    }
    for (int i = 0; i < 600; i++) {
      byte[] request = valid.get(i % valid.size());
      bodies.add(Arrays.copyOf(request, random.nextInt(request.length)));
    }
    for (int i = 0; i < 400; i++) {
      byte[] mutated = valid.get(i % valid.size()).clone();
      mutated[random.nextInt(mutated.length)] ^= (byte) (1 + random.nextInt(255));
      bodies.add(mutated);
    }
    // Fields that declare far more bytes than follow: 2^31 - 1, and 2^63 - 1 as a varint.
    bodies.add(new byte[] {0x0A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 'a', 'b'});
    bodies.add(new byte[] {0x12, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 2, 3});
    bodies.add("{\"request\": \"openConnection\"}".getBytes(StandardCharsets.UTF_8));

    HttpClient http = HttpClient.newHttpClient();
    String authorization = "Basic " + Base64.getEncoder().encodeToString(
        (ServerFixture.ALICE + ":" + ServerFixture.ALICE_PASSWORD).getBytes(StandardCharsets.UTF_8));
    int errors = 0;
    for (byte[] body : bodies) {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(fixture.server.url() + "/"))
          .header("Authorization", authorization)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertTrue(List.of(200, 400, 500).contains(response.statusCode()), "status " + response.statusCode());
      Service.Response decoded = translation.parseResponse(response.body());
      if (response.statusCode() != 200) {
        Service.ErrorResponse error = assertInstanceOf(Service.ErrorResponse.class, decoded);
        assertFalse(error.errorMessage == null || error.errorMessage.isBlank());
        errors++;
      }
    }
    assertTrue(errors > bodies.size() / 2, errors + " errors of " + bodies.size());
    // A body over the limit is refused before it is read whole.
    HttpResponse<String> huge = http.send(HttpRequest.newBuilder(URI.create(fixture.server.url() + "/"))
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[QuiverHttpHandler.MAX_BODY_BYTES + 1])).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(413, huge.statusCode());
    // And the server still answers real clients.
    try (Connection connection = fixture.connect("thin")) {
      assertEquals(List.of("25"), rows(connection, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  /** Every row as its values' strings joined by '|'. */
  static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          if (i > 1) {
            row.append('|');
          }
          row.append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
