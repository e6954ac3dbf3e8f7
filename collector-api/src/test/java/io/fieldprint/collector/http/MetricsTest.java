package io.fieldprint.collector.http;

import static io.fieldprint.collector.http.Inventories.onePlc;
import static io.fieldprint.collector.http.Inventories.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} is valid Prometheus text: checked by our strict reader always, and by {@code
 * promtool check metrics} (Debian's prometheus package) when it is installed.
 */
class MetricsTest {
  @TempDir Path dir;

  @Test
  void metricsAreValidPrometheusTextAndCountReports() throws Exception {
    try (RunningCollector c = new RunningCollector(dir, "")) {
      String agent = c.siteWithAgent("plant-a");
      c.post("/api/v1/reports", agent, report("r-1", onePlc("V1")));
      c.post("/api/v1/reports", agent, report("r-1", onePlc("V1")));
      c.post("/api/v1/reports", agent, "{}");
      HttpResponse<String> r = c.get("/metrics", null);
      assertEquals(200, r.statusCode());
      assertTrue(
          r.headers()
              .firstValue("content-type")
              .orElse("")
              .startsWith("text/plain; version=0.0.4"));

      Map<String, List<Double>> samples = PrometheusText.parse(r.body());
      assertEquals(List.of(1.0), samples.get("fieldprint_assets_ingested_total"));
      assertEquals(
          3, samples.get("fieldprint_reports_total").size(), "applied, duplicate, rejected");
      assertEquals(
          List.of(0.0),
          samples.get("fieldprint_reports_in_flight"),
          "every answered report left the in-flight count");
      assertTrue(samples.containsKey("fieldprint_http_requests_seconds_count"));
      assertTrue(samples.containsKey("jvm_memory_used_bytes"));
      promtool(r.body(), dir);
    }
  }

  @Test
  void correlationYieldsCoresWhileAReportIsInFlightAndForOneSecondAfter() throws Exception {
    try (CollectorMetrics metrics = new CollectorMetrics()) {
      assertFalse(metrics.arriving(), "a collector that has received nothing is quiet");
      metrics.reportStarted();
      metrics.reportStarted();
      metrics.reportDone();
      assertTrue(metrics.inFlight(), "one report still in flight");
      assertTrue(metrics.arriving(), "one report still in flight");
      metrics.reportDone();
      assertFalse(metrics.inFlight(), "both reports answered");
      assertTrue(metrics.arriving(), "a report was answered just now");
      Thread.sleep(CollectorMetrics.QUIET_AFTER.toMillis() + 200);
      assertFalse(metrics.arriving(), "quiet one second after the last report");
    }
  }

  private static void promtool(String text, Path dir) throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    if (!Files.isExecutable(promtool)) {
      System.out.println(
          "MetricsTest: promtool not installed (apt-get install prometheus); strict reader only");
      return;
    }
    Path file = dir.resolve("metrics.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool finished");
    assertEquals(0, p.exitValue(), "promtool check metrics: " + out);
    assertEquals("", out.strip(), "promtool lint findings");
  }
}
