package io.fieldprint.agent.service;

import io.fieldprint.agent.service.advisories.LocalAdvisories;
import io.fieldprint.agent.service.capture.CaptureUnavailableException;
import io.fieldprint.agent.service.capture.LiveCapture;
import io.fieldprint.agent.service.capture.ReplayCapture;
import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.agent.service.ops.AgentMetrics;
import io.fieldprint.agent.service.ops.HealthState;
import io.fieldprint.agent.service.ops.OpsServer;
import io.fieldprint.agent.service.outbox.Outbox;
import io.fieldprint.agent.service.outbox.ReportSender;
import io.fieldprint.agent.service.scan.PassiveSightings;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running edge agent: live captures and scheduled scans feed one inventory, snapshotted into
 * the outbox every report interval and delivered to the collector; {@code /health} and {@code
 * /metrics} on the ops port. {@link #close()} stops in bounded time after a last snapshot and a
 * delivery attempt.
 */
public final class AgentService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentService.class);

  /** Longest the stop waits for the outbox to drain to a reachable collector. */
  public static final Duration FLUSH_BUDGET = Duration.ofSeconds(10);

  /**
   * The first report comes this long after the process started (the JVM's start time: the service's
   * own start-up counts), or earlier when the first scan pass completes first; never later than one
   * report interval. Later reports come every report interval.
   */
  public static final Duration FIRST_REPORT_AFTER = Duration.ofMillis(1500);

  /**
   * ... but never sooner than this after the service started, so that it carries what the captures
   * saw meanwhile (a slow start on a loaded box does not make it an empty report).
   */
  public static final Duration FIRST_REPORT_SOONEST = Duration.ofMillis(500);

  /**
   * Event-loop threads: the ops port, the collector connection and the timers need little (captures
   * and scans have their own threads, snapshots run on workers); Vert.x would take two per core.
   */
  static final int EVENT_LOOPS = 2;

  /** Worker threads for snapshots and outbox writes (Vert.x would take 20). */
  static final int WORKERS = 4;

  private final AgentConfig config;
  private final Vertx vertx;
  private final Context context;
  private final Outbox outbox;
  private final List<LiveCapture> captures;
  private final List<ReplayCapture> replays;
  private final AgentMetrics metrics;
  private final ReportCycle cycle;
  private final LiveInventory inventory;
  private final Optional<ReportSender> sender;
  private final Optional<ScanSchedule> scans;
  private final Optional<LocalAdvisories> advisories;
  private final InstantSource clock;
  private OpsServer ops;
  private volatile boolean up = true;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private ReportTimer reportTimer;

  private AgentService(Builder b) {
    this.config = b.config;
    this.vertx = b.vertx;
    this.context = b.context;
    this.outbox = b.outbox;
    this.captures = b.captures;
    this.replays = b.replays;
    this.metrics = b.metrics;
    this.cycle = b.cycle;
    this.inventory = b.inventory;
    this.sender = b.sender;
    this.scans = b.scans;
    this.advisories = b.advisories;
    this.clock = b.clock;
  }

  /** Starts the agent; blocks until it runs (call from a main thread, not an event loop). */
  public static AgentService start(AgentConfig config, String version, InstantSource clock)
      throws IOException, CaptureUnavailableException {
    long started = System.nanoTime();
    NettyArenas.limit();
    LOG.info(Versions.describe(version, config.capture().isPresent()));
    LOG.info("configuration: {}", config);
    Builder b = new Builder(config, clock);
    b.outbox = Outbox.open(config.dataDirectory(), config.outboxMaxBytes());
    LiveInventory inventory =
        new LiveInventory(MergeLimits.DEFAULT.withMaxDevices(config.maxDevices()));
    b.inventory = inventory;
    PassiveSightings sightings = new PassiveSightings();
    try {
      b.captures = Captures.start(config, inventory, sightings.recording(inventory));
    } catch (CaptureUnavailableException e) {
      b.outbox.close();
      throw e;
    }
    b.advisories = openAdvisories(config, b);
    b.replays = Captures.replays(config, inventory);
    b.metrics = new AgentMetrics();
    b.vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(EVENT_LOOPS)
                .setWorkerPoolSize(WORKERS)
                .setInternalBlockingPoolSize(WORKERS));
    b.context = b.vertx.getOrCreateContext();
    b.cycle = new ReportCycle(config, version, inventory, b.outbox, b.metrics, b.advisories, clock);
    b.sender = config.collector().map(link -> new ReportSender(b.vertx, b.outbox, link));
    b.scans =
        config.scan().map(s -> new ScanSchedule(b.vertx, s, inventory, sightings, config, clock));
    AgentService agent = new AgentService(b);
    try {
      agent.begin();
    } catch (RuntimeException | IOException e) {
      agent.close();
      throw e;
    }
    LOG.info(
        "agent {} running for site {} ({}), ops on {}:{}, started in {} ms",
        config.agentId(),
        config.site(),
        b.sender.isPresent() ? "online" : "offline: reports kept in " + config.dataDirectory(),
        config.ops().host(),
        agent.opsPort(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return agent;
  }

  /** The local advisory store, or a failed start that releases what was opened. */
  private static Optional<LocalAdvisories> openAdvisories(AgentConfig config, Builder b)
      throws IOException {
    try {
      return config.advisoryStore().map(LocalAdvisories::open);
    } catch (RuntimeException e) {
      Captures.close(b.captures);
      b.outbox.close();
      throw new IOException("advisory store: " + e.getMessage(), e);
    }
  }

  private void begin() throws IOException {
    AgentGauges.bind(metrics, outbox, captures, sender, scans, cycle, inventory);
    advisories.ifPresent(a -> AgentGauges.bindAdvisories(metrics, a));
    try {
      ops = OpsServer.start(vertx, config.ops(), metrics, this::health).await();
    } catch (Exception e) { // await() rethrows the bind failure as it is, checked or not
      throw new IOException("ops listener " + config.ops() + ": " + e.getMessage(), e);
    }
    context.runOnContext(
        v -> {
          reportTimer =
              new ReportTimer(ContextTimers.of(vertx), config.reportInterval(), this::report);
          reportTimer.start(
              ReportTimer.firstReportDelay(
                  processStart(), clock.instant(), config.reportInterval()));
          sender.ifPresent(ReportSender::pump);
          scans.ifPresent(s -> s.start(reportTimer::scanPassDone));
        });
  }

  /** When this JVM started (the agent's process: the launcher execs it). */
  private static Instant processStart() {
    return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
  }

  private void report() {
    vertx
        .executeBlocking(cycle::run, true)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                LOG.error("report not queued: {}", ar.cause().getMessage());
              }
              sender.ifPresent(ReportSender::pump);
            });
  }

  /** What {@code /health} shows (no blocking call: safe on the event loop). */
  public HealthState health() {
    return new HealthState(
        up,
        sender.isPresent() ? "online" : "offline",
        outbox.count(),
        cycle.lastAssets(),
        cycle.queued(),
        sender.map(ReportSender::delivered).orElse(0L));
  }

  /** Whether every configured capture file has been replayed to its end (true without any). */
  public boolean replaysFinished() {
    return replays.stream().allMatch(ReplayCapture::finished);
  }

  /** Scan passes completed since the start (0 without scans). */
  public long scanPasses() {
    return scans.map(ScanSchedule::passes).orElse(0L);
  }

  /** The bound port of {@code /health} and {@code /metrics}. */
  public int opsPort() {
    return ops == null ? -1 : ops.port();
  }

  /**
   * Stops: no new scans or reports, captures closed, one last snapshot queued, the outbox sent for
   * at most {@link #FLUSH_BUDGET}; what is left stays on disk for the next start. After a start
   * that failed half-way only the resources are released.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long t0 = System.nanoTime();
    up = false;
    LOG.info("agent stopping");
    context.runOnContext(
        v -> {
          if (reportTimer != null) {
            reportTimer.stop();
          }
        });
    scans.ifPresent(ScanSchedule::stop);
    Captures.close(captures);
    Captures.closeReplays(replays);
    if (ops != null) {
      try {
        cycle.run();
      } catch (IOException e) {
        LOG.error("last report not queued: {}", e.getMessage());
      }
      sender.ifPresent(this::flush);
    }
    try {
      vertx.close().await(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.warn("Vert.x did not stop within 5 s");
    }
    try {
      outbox.close();
    } catch (IOException e) {
      LOG.error(e.getMessage());
    }
    advisories.ifPresent(LocalAdvisories::close);
    metrics.close();
    LOG.info("agent stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  private void flush(ReportSender s) {
    long deadline = System.nanoTime() + FLUSH_BUDGET.toNanos();
    long failuresBefore = s.failedAttempts();
    context.runOnContext(v -> s.sendNow());
    try {
      while (outbox.count() > 0
          && System.nanoTime() < deadline
          && s.failedAttempts() == failuresBefore) {
        Thread.sleep(50);
      }
      long left = outbox.count();
      if (left > 0) {
        LOG.warn("{} report(s) stay in the outbox for the next start", left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    io.vertx.core.Promise<Void> stopped = io.vertx.core.Promise.promise();
    context.runOnContext(v -> s.stop().onComplete(stopped));
    try {
      stopped.future().await(2, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.warn("collector connection did not close within 2 s");
    }
  }

  /** The parts {@link #start} assembles. */
  private static final class Builder {
    final AgentConfig config;
    Vertx vertx;
    Context context;
    Outbox outbox;
    List<LiveCapture> captures = new ArrayList<>();
    List<ReplayCapture> replays = new ArrayList<>();
    AgentMetrics metrics;
    ReportCycle cycle;
    LiveInventory inventory;
    Optional<ReportSender> sender = Optional.empty();
    Optional<ScanSchedule> scans = Optional.empty();
    Optional<LocalAdvisories> advisories = Optional.empty();
    final InstantSource clock;

    Builder(AgentConfig config, InstantSource clock) {
      this.config = config;
      this.clock = clock;
    }
  }
}
