package io.fieldprint.collector;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.collector.alerts.AlertDelivery;
import io.fieldprint.collector.alerts.AlertRouting;
import io.fieldprint.collector.auth.Tokens;
import io.fieldprint.collector.config.Alerting;
import io.fieldprint.collector.config.CollectorConfig;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.correlation.Correlator;
import io.fieldprint.collector.http.Blocking;
import io.fieldprint.collector.http.ClientCertificates;
import io.fieldprint.collector.http.CollectorMetrics;
import io.fieldprint.collector.http.HttpApi;
import io.fieldprint.collector.storage.AssetUids;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.Database;
import io.fieldprint.collector.storage.JdbcCollectorStore;
import io.fieldprint.collector.storage.JdbcCorrelationStore;
import io.fieldprint.collector.storage.JdbcDashboardStore;
import io.fieldprint.collector.storage.WriterQueue;
import io.fieldprint.collector.sync.AdvisorySyncJob;
import io.fieldprint.collector.sync.JobLock;
import io.fieldprint.collector.sync.SyncRuns;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running collector: database (migrated), first-start admin, HTTP server. {@link #close()} stops
 * the server, then the workers, then the pool.
 */
public final class Collector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Collector.class);

  private final Vertx vertx;
  private final Database database;
  private final WorkerExecutor workers;
  private final CollectorMetrics metrics;
  private final HttpServer server;
  private final Optional<Path> adminTokenFile;
  private final BackgroundJobs jobs;
  private final SilenceWatch silence;

  /** The version named in CEF records. */
  static final String VERSION =
      Optional.ofNullable(Collector.class.getPackage().getImplementationVersion()).orElse("dev");

  private Collector(
      Vertx vertx,
      Database database,
      WorkerExecutor workers,
      CollectorMetrics metrics,
      HttpServer server,
      Optional<Path> adminTokenFile,
      BackgroundJobs jobs,
      SilenceWatch silence) {
    this.jobs = jobs;
    this.silence = silence;
    this.vertx = vertx;
    this.database = database;
    this.workers = workers;
    this.metrics = metrics;
    this.server = server;
    this.adminTokenFile = adminTokenFile;
  }

  /** Names this collector in sync runs: host and a random id per start. */
  private static String runner() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "unknown-host";
    }
    String id = java.util.UUID.randomUUID().toString().substring(0, 8);
    String name = host + "/" + id;
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  /** Starts a collector; blocks until it listens (call from a main thread, not an event loop). */
  public static Collector start(CollectorConfig config, Clock clock) throws IOException {
    LOG.info("starting with {}", config);
    Files.createDirectories(config.dataDirectory());
    Database database = Database.open(config.storage());
    Tokens tokens = new Tokens();
    // one queue for every write transaction of this collector (on SQLite, one writer at a time)
    WriterQueue writers = database.writers();
    CollectorStore store =
        new JdbcCollectorStore(
            database.dataSource(), database.dialect(), clock, AssetUids.of(clock), writers);
    Optional<Path> adminFile;
    try {
      adminFile = new AdminBootstrap(store, tokens).ensureAdmin(config.dataDirectory());
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e;
    }
    Vertx vertx = Vertx.vertx();
    WorkerExecutor workers =
        vertx.createSharedWorkerExecutor("fieldprint-db", config.storage().poolSize());
    CollectorMetrics metrics = new CollectorMetrics();
    CorrelationStore correlations =
        new JdbcCorrelationStore(database.dataSource(), database.dialect(), clock, writers);
    CsafReader csaf = new CsafReader();
    AdvisoryImporter importer = new AdvisoryImporter(correlations, csaf, clock);
    Alerting alerting = config.alerting();
    try {
      alerting.kevFile().ifPresent(k -> correlations.replaceKev(k.catalog(), "config"));
      HttpServer server =
          vertx
              .createHttpServer(serverOptions(config))
              .requestHandler(
                  HttpApi.router(
                      vertx,
                      store,
                      new Blocking(workers),
                      config.limits(),
                      metrics,
                      clock,
                      correlations,
                      importer,
                      alerting.maxBatchDocuments(),
                      new SyncRuns(database.dataSource()),
                      new JdbcDashboardStore(database.dataSource())))
              .listen(config.listen().port(), config.listen().host())
              .await();
      LOG.info(
          "collector listening on {}:{} ({}, storage {})",
          config.listen().host(),
          server.actualPort(),
          config.tls().isPresent() ? "https" : "http",
          config.storage().kind());
      adminFile.ifPresent(f -> LOG.info("first start: admin token written to {}", f));
      Optional<AdvisorySyncJob> sync =
          config.advisorySync().enabled()
              ? Optional.of(
                  new AdvisorySyncJob(
                      config.advisorySync(), database.dataSource(), importer, runner(), clock))
              : Optional.empty();
      BackgroundJobs jobs =
          new BackgroundJobs(
              vertx,
              alerting,
              config.advisorySync(),
              importer,
              new Correlator(
                  correlations,
                  csaf,
                  new AlertRouting(alerting.routes(), alerting.destinations()),
                  alerting.correlationBatch(),
                  metrics),
              new AlertDelivery(correlations, alerting, VERSION, clock, metrics::delivery),
              sync,
              new JobLock(database.dataSource(), database.dialect()),
              metrics);
      SilenceWatch silence = new SilenceWatch(vertx, store, config.silence());
      return new Collector(vertx, database, workers, metrics, server, adminFile, jobs, silence);
    } catch (RuntimeException e) {
      close(vertx, workers, database);
      throw e;
    }
  }

  private static HttpServerOptions serverOptions(CollectorConfig config) {
    // request bodies may come gzip- or deflate-compressed (agents send reports gzip): they are
    // inflated before the body handler, whose limit then counts the inflated bytes
    HttpServerOptions options =
        new HttpServerOptions().setCompressionSupported(true).setDecompressionSupported(true);
    config
        .tls()
        .ifPresent(
            tls ->
                options
                    .setSsl(true)
                    .setKeyCertOptions(
                        new PemKeyCertOptions()
                            .setCertPath(tls.certificate().toString())
                            .setKeyPath(tls.key().toString())));
    config.tls().ifPresent(tls -> ClientCertificates.configure(options, tls));
    return options;
  }

  public int port() {
    return server.actualPort();
  }

  /** Where the first-start admin token was written, if this start created it. */
  public Optional<Path> adminTokenFile() {
    return adminTokenFile;
  }

  @Override
  public void close() {
    server.close().await();
    jobs.close();
    silence.close();
    metrics.close();
    close(vertx, workers, database);
  }

  private static void close(Vertx vertx, WorkerExecutor workers, Database database) {
    workers.close().await();
    vertx.close().await();
    database.close();
  }
}
