package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: headless Debian chromium driven by its chromedriver (Selenium,
 * no driver download), against a real collector on loopback. Screenshots of each step go to {@code
 * target/screenshots}. Without chromium the test fails: {@code scripts/setup} installs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Path dir;
  private DashboardFixture f;
  private WebDriver browser;
  private WebDriverWait wait;
  private String test;
  private int step;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail(
          "the dashboard browser tests need "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (Debian packages chromium and chromium-driver): run scripts/setup");
    }
    f = new DashboardFixture(dir.resolve("collector"));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  @BeforeEach
  void openBrowser(TestInfo info) {
    test = info.getTestMethod().orElseThrow().getName();
    step = 0;
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--window-size=1366,900",
        "--user-data-dir=" + dir.resolve("profile-" + test));
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (browser == null) {
      return;
    }
    shot("last");
    try {
      // a blocked script or style (Content-Security-Policy) or a script error is a failure; the
      // 403/404 answers the error pages show are logged by the browser too, and are expected
      List<String> problems =
          browser.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(LogEntry::getMessage)
              .filter(
                  m ->
                      m.contains("Content Security Policy")
                          || m.contains("Uncaught")
                          || m.contains("SyntaxError"))
              .toList();
      assertEquals(List.of(), problems, "browser console");
    } finally {
      browser.quit();
    }
  }

  @Test
  @Order(1) // before the triage below closes the only match
  void adminSeesTheOverviewCountsAndFiltersTheInventory() throws Exception {
    signIn(f.c.adminToken);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
    long total =
        new JsonObject(f.c.get("/api/v1/sites/plant-a/assets?limit=1", f.c.adminToken).body())
            .getLong("total");
    assertEquals(String.valueOf(total), text("#count-devices .card-value"));
    assertEquals("1", text("#count-matched .card-value"));
    assertTrue(text("#top-devices").contains("6ES7 516-3AN01-0AB0"), text("#top-devices"));
    assertTrue(text("#agents").contains("edge-plant-a"), text("#agents"));
    shot("overview");

    browser.findElement(By.id("nav-inventory")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "of " + total));
    WebElement search = browser.findElement(By.id("f-q"));
    search.sendKeys("6ES7 516");
    browser.findElement(By.id("apply-filters")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "of 1 devices"));
    assertTrue(text("#inventory tbody").contains("Siemens AG"));
    shot("inventory-search");

    browser.findElement(By.id("clear-filters")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "of " + total));
    browser.findElement(By.id("f-protocol")).sendKeys("opcua");
    browser.findElement(By.id("apply-filters")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "of 3 devices"));
    browser.findElement(By.id("sort-name")).click();
    WebElement sorted =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("th[aria-sort=descending] a")));
    assertEquals("sort-name", sorted.getAttribute("id"));
    shot("inventory-protocol-sorted");
  }

  @Test
  void aHostileDeviceNameIsShownAsTextAndNeverRuns() throws Exception {
    signIn(f.viewerA);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
    browser.get(f.url("#/sites/plant-a/inventory?q=onerror"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "of 1 devices"));
    WebElement link = browser.findElement(By.cssSelector("#inventory a.asset-link"));
    assertEquals(DashboardFixture.HOSTILE, link.getText());
    link.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("identity")));
    assertEquals(DashboardFixture.HOSTILE, text("main h1"));
    assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty());
    assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.pwned;"));
    shot("hostile-name");
  }

  @Test
  void adminReadsTheEvidenceAndExplanationAndTriagesTheMatchAsNotAffected() throws Exception {
    signIn(f.c.adminToken);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
    browser.get(f.url("#/sites/plant-a/inventory?hasMatch=true"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "of 1 devices"));
    browser.findElement(By.cssSelector("#inventory a.asset-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("identity")));
    String identity = text("#identity");
    assertTrue(identity.contains("s7comm.szl") && identity.contains("\"V2.9.4\""), identity);
    String explanation = text("#match-0");
    assertTrue(explanation.contains(DashboardFixture.ADVISORY), explanation);
    assertTrue(explanation.contains("Why this confidence"), explanation);
    assertTrue(explanation.contains("V2.9.7"), "fixed version shown: " + explanation);
    String history = text("#firmware-history");
    assertTrue(history.contains("V2.9.2") && history.contains("V2.9.4"), history);
    shot("device");

    new Select(browser.findElement(By.id("triage-state-0"))).selectByValue("not_affected");
    new Select(browser.findElement(By.id("triage-justification-0")))
        .selectByValue("inline_mitigations_already_exist");
    browser.findElement(By.id("triage-note-0")).sendKeys("cell firewall blocks S7 from outside");
    browser.findElement(By.id("triage-save-0")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("triage-message-0"), "Saved"));
    shot("triaged");

    JsonObject triage =
        DashboardFixture.items(f.c.get("/api/v1/sites/plant-a/matches", f.c.adminToken))
            .getJsonObject(0)
            .getJsonObject("triage");
    assertEquals("not_affected", triage.getString("state"));
    assertEquals("inline_mitigations_already_exist", triage.getString("justification"));
    String audit = f.c.get("/api/v1/audit", f.c.adminToken).body();
    assertTrue(
        audit.contains("state=not_affected justification=inline_mitigations_already_exist"), audit);

    browser.findElement(By.cssSelector("#match-0 h3 a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("affected")));
    assertTrue(text("#affected").contains("Not affected"), text("#affected"));
    assertTrue(text("#cves").contains("CVE-"), text("#cves"));
    shot("advisory");
  }

  @Test
  void viewerAcknowledgesAnAlert() throws Exception {
    signIn(f.viewerA);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
    browser.findElement(By.id("nav-alerts")).click();
    By button = By.id("ack-button-" + f.alertId);
    wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("ack-" + f.alertId), "user:vera"));
    shot("acknowledged");
    JsonObject alert =
        DashboardFixture.items(f.c.get("/api/v1/alerts?site=plant-a", f.viewerA)).getJsonObject(0);
    assertEquals("user:vera", alert.getString("ackedBy"));
  }

  @Test
  void aViewerOfSiteASeesOnlySiteAAndAnErrorPageForASiteBDevice() throws Exception {
    signIn(f.viewerA);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
    List<String> sites =
        new Select(browser.findElement(By.id("site")))
            .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    assertEquals(List.of("plant-a"), sites);
    assertTrue(browser.findElements(By.cssSelector("form.triage")).isEmpty());
    shot("viewer-overview");

    browser.get(f.url("#/assets/" + f.siteBUid));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-page")));
    assertEquals("Not found", text("#error-page h1"));
    shot("site-b-device");
    browser.get(f.url("#/sites/plant-b/overview"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#error-page h1"), "No access"));
    shot("site-b-overview");
  }

  @Test
  void keyboardAloneReachesTheSignInAndTriageControls() throws Exception {
    browser.get(f.url(""));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
    assertEquals(
        "token", browser.switchTo().activeElement().getAttribute("id"), "focus starts here");
    new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertEquals("skip", browser.switchTo().activeElement().getAttribute("id"));
    WebElement token = tabTo("token", 3);
    token.sendKeys(f.c.adminToken);
    tabTo("signin-button", 3);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
    browser.get(f.url("#/assets/" + f.cpuUid));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("triage-state-0")));
    tabTo("triage-state-0", 120);
    shot("keyboard-triage-state");
    tabTo("triage-save-0", 5);
    shot("keyboard-triage-save");
  }

  @Test
  void aRefusedTokenStaysOnTheSignInAndSignOutForgetsTheToken() throws Exception {
    signIn("fpu_not-a-real-token");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin-error")));
    shot("refused");
    signIn(f.viewerB);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
    browser.findElement(By.id("signout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
    Object stored =
        ((JavascriptExecutor) browser)
            .executeScript("return sessionStorage.getItem('fieldprint.token');");
    assertEquals(null, stored);
  }

  private void signIn(String token) {
    if (browser.findElements(By.id("token")).isEmpty()) {
      browser.get(f.url(""));
    }
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("token")));
    input.clear();
    input.sendKeys(token);
    shot("sign-in");
    browser.findElement(By.id("signin-button")).click();
  }

  /** Presses Tab until the element with {@code id} has the focus, at most {@code limit} times. */
  private WebElement tabTo(String id, int limit) {
    for (int i = 0; i < limit; i++) {
      WebElement active = browser.switchTo().activeElement();
      if (id.equals(active.getAttribute("id"))) {
        return active;
      }
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab did not reach #" + id + " within " + limit + " presses");
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private void shot(String name) {
    try {
      byte[] png =
          ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(test + "-" + (++step) + "-" + name + ".png"), png);
    } catch (IOException | RuntimeException e) {
      System.err.println("screenshot " + name + " not saved: " + e.getMessage());
    }
  }
}
