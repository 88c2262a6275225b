package io.quiver.cli.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The shell's progress line against a server ({@code --url}): every {@link ConsoleProgress#REFRESH_MILLIS}
 * it reads the server's running stages from {@code /ui/api/progress} (with the shell's credentials)
 * and draws them as the embedded shell does. A server that cannot be reached or refuses the
 * request just shows no line.
 */
public final class RemoteProgress {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RemoteProgress() {
  }

  /**
   * @param jdbcUrl the shell's {@code jdbc:quiver://HOST[:PORT][/schema][;ssl=true]} URL
   * @return the line, to close when the shell ends; null for a URL this cannot follow
   */
  public static ConsoleProgress start(String jdbcUrl, String user, String password, PrintStream out, int width) {
    URI endpoint = progressUri(jdbcUrl);
    if (endpoint == null) {
      return null;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    ConsoleProgress progress = new ConsoleProgress(out, width, System::currentTimeMillis);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "quiver-shell-remote-progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleWithFixedDelay(() -> {
      progress.showRunning(fetch(http, endpoint, authorization));
      progress.refresh();
    }, ConsoleProgress.REFRESH_MILLIS, ConsoleProgress.REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    progress.onClose(timer::shutdownNow);
    return progress;
  }

  /** The progress resource of the server a JDBC URL names, or null if it names none. */
  static URI progressUri(String jdbcUrl) {
    String prefix = "jdbc:quiver://";
    if (jdbcUrl == null || !jdbcUrl.startsWith(prefix)) {
      return null;
    }
    String rest = jdbcUrl.substring(prefix.length());
    boolean tls = rest.toLowerCase(java.util.Locale.ROOT).contains(";ssl=true");
    String address = rest.split("[;/]", 2)[0];
    if (address.isEmpty()) {
      return null;
    }
    if (!address.contains(":")) {
      address = address + ":8765";
    }
    return URI.create((tls ? "https://" : "http://") + address + "/ui/api/progress");
  }

  static List<ConsoleProgress.RemoteStage> fetch(HttpClient http, URI endpoint, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return List.of();
      }
      return parse(response.body());
    } catch (java.io.IOException | RuntimeException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  static List<ConsoleProgress.RemoteStage> parse(String json) throws java.io.IOException {
    List<ConsoleProgress.RemoteStage> stages = new ArrayList<>();
    for (JsonNode stage : JSON.readTree(json)) {
      stages.add(new ConsoleProgress.RemoteStage(stage.path("jobId").asText(), stage.path("stageId").asInt(),
          stage.path("totalTasks").asInt(), stage.path("completedTasks").asInt(), stage.path("runningTasks").asInt()));
    }
    return stages;
  }
}
