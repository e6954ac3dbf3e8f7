package io.fieldprint.agent.service.outbox;

import io.fieldprint.agent.service.config.CollectorLink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to the collector, oldest first, one request at a time: {@code POST
 * /api/v1/reports} with the agent's bearer token, or without one over TLS with the agent's client
 * certificate. The body goes as the outbox stores it, gzip-compressed ({@code Content-Encoding:
 * gzip}; the collector inflates it within its body limit). A report leaves the outbox only after
 * the collector answered 201 (applied) or 200 (already received), so a retry after a lost answer or
 * a crash is applied once. Failures wait with exponential back-off. Runs on the event loop; outbox
 * access goes to worker threads.
 */
public final class ReportSender {
  private static final Logger LOG = LoggerFactory.getLogger(ReportSender.class);

  private final Vertx vertx;
  private final Outbox outbox;
  private final CollectorLink link;
  private final HttpClientAgent client;
  private final Backoff backoff;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private boolean sending;
  private boolean stopped;
  private long retryTimer = -1;

  public ReportSender(Vertx vertx, Outbox outbox, CollectorLink link) {
    this.vertx = vertx;
    this.outbox = outbox;
    this.link = link;
    HttpClientOptions options =
        new HttpClientOptions()
            .setConnectTimeout((int) link.requestTimeout().toMillis())
            .setVerifyHost(true);
    link.caCertificate()
        .ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
    link.clientCertificate()
        .ifPresent(
            c ->
                options.setKeyCertOptions(
                    new PemKeyCertOptions()
                        .setCertPath(c.certificate().toString())
                        .setKeyPath(c.key().toString())));
    this.client = vertx.createHttpClient(options);
    this.backoff = new Backoff(link.retryBase(), link.retryMax());
  }

  /** Sends what waits unless a send or a back-off wait is under way. Call on the event loop. */
  public void pump() {
    if (sending || stopped || retryTimer >= 0) {
      return;
    }
    sending = true;
    vertx
        .executeBlocking(outbox::oldest, false)
        .compose(next -> next.map(this::deliver).orElse(Future.succeededFuture(false)))
        .onComplete(
            ar -> {
              sending = false;
              if (ar.succeeded() && ar.result()) {
                pump();
              } else if (ar.failed()) {
                failedAttempts.incrementAndGet();
                retryLater(ar.cause().getMessage());
              }
            });
  }

  /** Delivers one entry; true when it left the outbox (delivered or refused for good). */
  private Future<Boolean> deliver(OutboxEntry entry) {
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(link.url() + "/api/v1/reports")
            .putHeader("Content-Type", "application/json")
            .setIdleTimeout(link.requestTimeout().toMillis());
    // without a token the collector knows the agent by its client certificate
    link.token().ifPresent(t -> request.putHeader("Authorization", "Bearer " + t));
    if (entry.body().compressed()) {
      request.putHeader("Content-Encoding", "gzip");
    }
    return client
        .request(request)
        .compose(req -> SlicedBody.send(req, entry.body().bytes()))
        .compose(resp -> resp.body().map(body -> outcome(entry, resp.statusCode(), body)))
        .compose(
            outcome ->
                switch (outcome) {
                  case DELIVERED, REFUSED -> remove(entry);
                  case RETRY -> Future.failedFuture("collector answered with a retryable status");
                });
  }

  private DeliveryOutcome outcome(OutboxEntry entry, int status, Buffer body) {
    DeliveryOutcome outcome = DeliveryOutcome.of(status);
    switch (outcome) {
      case DELIVERED -> {
        delivered.incrementAndGet();
        backoff.succeeded();
        LOG.info("report {} delivered ({})", entry.reportId(), status);
      }
      case REFUSED -> {
        refused.incrementAndGet();
        LOG.error(
            "report {} refused by the collector for good ({}): {}",
            entry.reportId(),
            status,
            excerpt(body));
      }
      case RETRY ->
          LOG.warn("report {}: collector answered {}: {}", entry.reportId(), status, excerpt(body));
    }
    return outcome;
  }

  private static String excerpt(Buffer body) {
    String text = body.toString();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  private Future<Boolean> remove(OutboxEntry entry) {
    return vertx.executeBlocking(
        () -> {
          outbox.remove(entry.sequence());
          return true;
        },
        false);
  }

  private void retryLater(String reason) {
    if (stopped) {
      return;
    }
    Duration wait = backoff.failed();
    LOG.warn(
        "delivery failed ({}); attempt {} again in {} ms",
        reason,
        backoff.failures() + 1,
        wait.toMillis());
    retryTimer =
        vertx.setTimer(
            Math.max(1, wait.toMillis()),
            id -> {
              retryTimer = -1;
              pump();
            });
  }

  /** Ends a back-off wait and sends now (used when stopping). Call on the event loop. */
  public void sendNow() {
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
    pump();
  }

  /** Whether a send or a back-off wait is under way. */
  public boolean busy() {
    return sending || retryTimer >= 0;
  }

  public long delivered() {
    return delivered.get();
  }

  public long refused() {
    return refused.get();
  }

  public long failedAttempts() {
    return failedAttempts.get();
  }

  /** Stops sending; a report in flight stays in the outbox unless its answer already arrived. */
  public Future<Void> stop() {
    stopped = true;
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
    return client.close();
  }
}
