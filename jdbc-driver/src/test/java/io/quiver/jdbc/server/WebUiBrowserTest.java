package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): while a multi-stage query runs on the server, the queries page
 * lists it as running, its job page draws its stages, a stage's task table fills; after it ends
 * the page shows it finished. Without a browser on a developer machine the test says so and is
 * skipped; on CI (the {@code CI} environment variable set) a missing browser fails it.
 *
 * <p>The query is held running without timing luck: its result is larger than the server's result
 * buffer, so its result tasks wait until the client reads on, which the test does at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(60);

  private ServerFixture fixture;
  private WebDriver browser;

  @BeforeAll
  void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && System.getenv("CI") != null) {
      throw new IllegalStateException("CI must run the browser test: install chromium and chromium-driver"
          + " (.ci/run does)");
    }
    assumeTrue(present, "no browser on this machine: " + CHROMIUM + " and " + CHROMEDRIVER
        + " (Debian packages chromium and chromium-driver) are needed for the web UI's browser test");
    fixture = new ServerFixture();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aRunningQueryShowsItsStagesAndTasksAndThenFinishes() throws Exception {
    String sql = "SELECT a.l_orderkey, b.l_partkey FROM tpch.tiny.lineitem a JOIN tpch.tiny.lineitem b"
        + " ON a.l_orderkey = b.l_orderkey";
    try (Connection connection = fixture.connect("thin"); Statement statement = connection.createStatement()) {
      ResultSet rows = statement.executeQuery(sql);
      assertTrue(rows.next());
      String base = fixture.server.url().replaceFirst("^http://", "http://" + ServerFixture.ALICE + ":"
          + ServerFixture.ALICE_PASSWORD + "@") + "/ui/";
      browser.get(base);
      // the pages redraw every second: look elements up inside each wait, never keep them
      WebDriverWait wait = new WebDriverWait(browser, WAIT);
      wait.ignoring(StaleElementReferenceException.class);
      String queryId = wait.until(driver -> driver.findElements(
          By.cssSelector("#queries-table tr[data-state='RUNNING']")).stream()
          .filter(row -> row.getText().contains("JOIN tpch.tiny.lineitem b"))
          .map(row -> row.getAttribute("data-query-id")).findFirst().orElse(null));
      screenshot("queries-running");

      browser.get(base + "#/job/" + queryId);
      wait.until(driver -> driver.findElements(By.cssSelector("#dag g.stage")).size() >= 2);
      wait.until(driver -> "RUNNING".equals(driver.findElement(By.id("job-state")).getText()));
      wait.until(driver -> driver.findElements(By.cssSelector("#dag path.edge")).size() >= 1);
      screenshot("job-dag-running");

      browser.get(base + "#/stage/" + queryId + "/0");
      wait.until(driver -> driver.findElements(By.cssSelector("#tasks-table tbody tr")).size() >= 1);
      wait.until(driver -> driver.findElement(By.id("summary-table")).getText().contains("Median"));

      while (rows.next()) {
        // the rest of the result: the job can end
      }
      rows.close();
      browser.get(base);
      wait.until(driver -> driver.findElements(
          By.cssSelector("#queries-table tr[data-query-id='" + queryId + "']")).stream()
          .anyMatch(row -> "SUCCEEDED".equals(row.getAttribute("data-state"))));
      browser.get(base + "#/job/" + queryId);
      wait.until(driver -> "SUCCEEDED".equals(driver.findElement(By.id("job-state")).getText()));
      wait.until(driver -> {
        List<WebElement> stages = driver.findElements(By.cssSelector("#dag g.stage"));
        return !stages.isEmpty() && stages.stream().allMatch(stage -> stage.getAttribute("class").contains("SUCCEEDED"));
      });
      wait.until(driver -> driver.findElement(By.id("plan")).getText().contains("actual"));
      screenshot("job-finished");
    }
  }

  private void screenshot(String name) throws IOException {
    byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
    Path directory = Path.of("target", "ui-screenshots");
    Files.createDirectories(directory);
    Files.write(directory.resolve(name + ".png"), png);
  }
}
