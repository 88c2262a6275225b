package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The web UI's routes over HTTP: authentication, pages, JSON, and what is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALICE = ServerFixture.ALICE + ":" + ServerFixture.ALICE_PASSWORD;

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
  void withoutCredentialsTheUiAnswers401() throws Exception {
    for (String path : new String[] {"/ui/", "/ui/app.js", "/ui/api/queries", "/ui/api/progress"}) {
      assertEquals(401, get(path, null).getResponseCode(), path);
      assertEquals(401, get(path, "alice:wrong").getResponseCode(), path);
    }
  }

  @Test
  void pagesAndAssetsComeFromTheJar() throws Exception {
    HttpURLConnection page = get("/ui/", ALICE);
    assertEquals(200, page.getResponseCode());
    assertTrue(page.getContentType().startsWith("text/html"));
    assertTrue(body(page).contains("<script src=\"app.js\">"));
    assertEquals(200, get("/ui/app.js", ALICE).getResponseCode());
    assertEquals(200, get("/ui/style.css", ALICE).getResponseCode());
    HttpURLConnection redirect = get("/ui", ALICE);
    redirect.setInstanceFollowRedirects(false);
    assertEquals(302, redirect.getResponseCode());
    assertTrue(get("/ui/../pom.xml", ALICE).getResponseCode() >= 400, "no file outside the UI's own");
    assertEquals(404, get("/ui/nosuch.html", ALICE).getResponseCode());
    assertEquals(404, get("/ui/api/jobs/nosuch", ALICE).getResponseCode());
    assertEquals(404, get("/ui/api/nosuch", ALICE).getResponseCode());
    HttpURLConnection post = (HttpURLConnection) new URL(fixture.server.url() + "/ui/api/queries").openConnection();
    post.setRequestMethod("POST");
    post.setRequestProperty("Authorization", basic(ALICE));
    assertEquals(405, post.getResponseCode());
  }

  @Test
  void theJsonShowsQueriesJobsStagesAndExecutors() throws Exception {
    try (Connection connection = fixture.connect("thin"); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT l_returnflag, count(*) FROM tpch.tiny.lineitem GROUP BY l_returnflag")) {
      while (rows.next()) {
        // read all
      }
    }
    JsonNode queries = JSON.readTree(body(get("/ui/api/queries", ALICE)));
    JsonNode query = null;
    for (JsonNode candidate : queries) {
      if (candidate.path("sql").asText().contains("GROUP BY l_returnflag")) {
        query = candidate;
      }
    }
    assertTrue(query != null, queries.toString());
    String id = query.path("queryId").asText();
    for (int i = 0; i < 100 && !"SUCCEEDED".equals(query.path("state").asText()); i++) {
      Thread.sleep(50);
      for (JsonNode candidate : JSON.readTree(body(get("/ui/api/queries", ALICE)))) {
        if (candidate.path("queryId").asText().equals(id)) {
          query = candidate;
        }
      }
    }
    assertEquals("SUCCEEDED", query.path("state").asText());
    assertEquals(3, query.path("rows").asLong());
    assertEquals(ServerFixture.ALICE, query.path("user").asText(), "the request's user");
    JsonNode job = JSON.readTree(body(get("/ui/api/jobs/" + id, ALICE)));
    assertEquals(2, job.path("stages").size());
    assertEquals(0, job.path("stages").get(1).path("sourceStageIds").get(0).asInt(), "the exchange is an edge");
    assertTrue(job.path("plan").asText().contains("actual 60175 rows"), job.path("plan").asText());
    JsonNode stage = JSON.readTree(body(get("/ui/api/jobs/" + id + "/stages/0", ALICE)));
    assertEquals(stage.path("partitions").asInt(), stage.path("taskList").size());
    assertEquals(5, stage.path("summary").path("durationMs").size(), "min, 25th, median, 75th, max");
    JsonNode executors = JSON.readTree(body(get("/ui/api/executors", ALICE)));
    assertEquals("driver", executors.get(0).path("executorId").asText());
    assertTrue(JSON.readTree(body(get("/ui/api/progress", ALICE))).isArray());
  }

  private HttpURLConnection get(String path, String credentials) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(fixture.server.url() + path).openConnection();
    if (credentials != null) {
      connection.setRequestProperty("Authorization", basic(credentials));
    }
    return connection;
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static String body(HttpURLConnection connection) throws IOException {
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
