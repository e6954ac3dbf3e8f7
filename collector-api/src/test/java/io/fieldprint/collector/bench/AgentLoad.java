package io.fieldprint.collector.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Agents posting reports at the same time, one thread each. Paced: agent {@code i} of {@code n}
 * posts round {@code r} at {@code start + i * period / n + r * period} (or at once when it is
 * late), so the offered load is {@code n * assets / period}. Closed (period 0): each agent posts
 * its next report as soon as the previous one is answered, which measures the most the collector
 * can take, and latency is then mostly queueing.
 */
final class AgentLoad {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI reports;

  AgentLoad(int port) {
    this.reports = URI.create("http://127.0.0.1:" + port + "/api/v1/reports");
  }

  /** What one load phase measured. */
  record Result(
      int reports,
      int assets,
      int failures,
      double seconds,
      List<Long> latencyNanos,
      Map<Integer, List<Long>> latencyByRound) {
    double assetsPerSecond() {
      return assets / seconds;
    }

    double percentileMillis(double p) {
      return percentileMillis(latencyNanos, p);
    }

    /**
     * The same percentiles without the first round: the collector's first reports after its start
     * run on code not compiled yet. Printed beside the whole phase's, never instead of it.
     */
    String afterFirstRound(int firstRound) {
      List<Long> later = new ArrayList<>();
      latencyByRound.forEach(
          (round, nanos) -> {
            if (round > firstRound) {
              later.addAll(nanos);
            }
          });
      if (later.isEmpty()) {
        return "";
      }
      return String.format(
          "  after the first round: %d reports; p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
          later.size(),
          percentileMillis(later, 50),
          percentileMillis(later, 95),
          percentileMillis(later, 99),
          percentileMillis(later, 100));
    }

    /** p50 and max per round, to see whether slow answers cluster (start-up, a stall) or not. */
    String byRound() {
      StringBuilder out = new StringBuilder();
      latencyByRound.forEach(
          (round, nanos) ->
              out.append(
                  String.format(
                      "  round %d: p50 %.0f ms, max %.0f ms%n",
                      round, percentileMillis(nanos, 50), percentileMillis(nanos, 100))));
      return out.toString();
    }

    private static double percentileMillis(List<Long> latencyNanos, double p) {
      List<Long> sorted = new ArrayList<>(latencyNanos);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, index)) / 1e6;
    }
  }

  Result run(
      List<String> tokens,
      List<SyntheticFleet> fleets,
      int firstRound,
      int rounds,
      int perReport,
      long periodMillis,
      String phase)
      throws InterruptedException {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    Map<Integer, List<Long>> byRound = new ConcurrentSkipListMap<>();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger assets = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < tokens.size(); i++) {
      int agent = i;
      long offset = periodMillis * 1_000_000L * i / tokens.size();
      Thread t =
          new Thread(
              () -> {
                for (int r = firstRound; r < firstRound + rounds; r++) {
                  long due = start + offset + (r - firstRound) * periodMillis * 1_000_000L;
                  long wait = due - System.nanoTime();
                  if (periodMillis > 0 && wait > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  String body =
                      new JsonObject()
                          .put("reportId", phase + "-" + agent + "-" + r)
                          .put("agent", new JsonObject().put("version", "bench"))
                          .put("inventory", fleets.get(agent).inventory(r, perReport))
                          .encode();
                  long t0 = System.nanoTime();
                  int status = post(tokens.get(agent), body);
                  long latency = System.nanoTime() - t0;
                  latencies.add(latency);
                  byRound
                      .computeIfAbsent(r, k -> Collections.synchronizedList(new ArrayList<>()))
                      .add(latency);
                  if (status == 201) {
                    assets.addAndGet(perReport);
                  } else {
                    failures.incrementAndGet();
                  }
                }
              },
              "agent-" + i);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(
        latencies.size(), assets.get(), failures.get(), seconds, List.copyOf(latencies), byRound);
  }

  private int post(String token, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(reports)
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        System.err.println("report answered " + response.statusCode() + ": " + response.body());
      }
      return response.statusCode();
    } catch (java.io.IOException e) {
      System.err.println("report failed: " + e);
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
