package io.fieldprint.collector.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import io.fieldprint.collector.config.AlertRoute;
import io.fieldprint.collector.config.Alerting;
import io.fieldprint.collector.config.Destination;
import io.fieldprint.collector.config.Storage;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.correlation.Correlator;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CsafFixtures;
import io.fieldprint.collector.storage.Database;
import io.fieldprint.collector.storage.IncomingReport;
import io.fieldprint.collector.storage.JdbcCollectorStore;
import io.fieldprint.collector.storage.JdbcCorrelationStore;
import io.fieldprint.collector.storage.MutableClock;
import io.fieldprint.collector.storage.NewAgent;
import io.fieldprint.collector.storage.Site;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts delivered from the outbox of a real SQLite store to real receivers on loopback: a JDK HTTP
 * server that checks the HMAC signature, and syslog receivers parsing RFC 5424 over UDP and TCP
 * (octet counting).
 */
class AlertDeliveryTest {
  private static final String SECRET = "0123456789abcdef-secret";

  @TempDir Path dir;
  private Database db;
  private JdbcCollectorStore store;
  private CorrelationStore correlations;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private HttpServer webhook;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> badSignatures = new CopyOnWriteArrayList<>();
  private final AtomicInteger webhookStatus = new AtomicInteger(200);

  @BeforeEach
  void setUp() throws Exception {
    db = Database.open(new Storage(Storage.Kind.SQLITE, dir.resolve("c.db"), Optional.empty(), 4));
    AtomicInteger uid = new AtomicInteger();
    store =
        new JdbcCollectorStore(
            db.dataSource(), db.dialect(), clock, () -> "uid-" + uid.incrementAndGet());
    store.createSite(new Site("plant-a", "Plant A", clock.instant()), "test");
    store.createAgent(new NewAgent("agent-a", "plant-a", "edge", "h"), "test");
    store.ingest(
        new IncomingReport(
            "agent-a",
            "plant-a",
            "r-1",
            Optional.empty(),
            List.of(CsafFixtures.cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")),
            List.of()));
    correlations = new JdbcCorrelationStore(db.dataSource(), db.dialect(), clock);
    webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    webhook.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String signature = exchange.getRequestHeaders().getFirst("X-Fieldprint-Signature");
          if (!("sha256=" + expectedHmac(body)).equals(signature)) {
            badSignatures.add(String.valueOf(signature));
          }
          bodies.add(new String(body, UTF_8));
          exchange.sendResponseHeaders(webhookStatus.get(), -1);
          exchange.close();
        });
    webhook.start();
  }

  @AfterEach
  void tearDown() {
    webhook.stop(0);
    db.close();
  }

  @Test
  void anAlertReachesTheSignedWebhookAndSyslogOverUdpAndTcpAsCef() throws Exception {
    try (SyslogReceiver udp = SyslogReceiver.udp();
        SyslogReceiver tcp = SyslogReceiver.tcp()) {
      Alerting settings =
          settings(
              List.of(
                  hook(Set.of(), 3),
                  new Destination.Syslog(
                      "siem-udp",
                      "127.0.0.1",
                      udp.port(),
                      Destination.Transport.UDP,
                      3,
                      Set.of(),
                      Optional.empty()),
                  new Destination.Syslog(
                      "siem-tcp",
                      "127.0.0.1",
                      tcp.port(),
                      Destination.Transport.TCP,
                      3,
                      Set.of(),
                      Optional.empty())),
              List.of("hook", "siem-udp", "siem-tcp"));
      correlate(settings, CsafFixtures.cisa(CsafFixtures.S7_1500));
      assertEquals(3, new AlertDelivery(correlations, settings, "9.9.9", clock).runOnce());

      assertEquals(List.of(), badSignatures);
      JsonObject body = new JsonObject(bodies.get(0));
      assertEquals("ICSA-23-222-07", body.getString("advisoryId"));
      assertEquals("new", body.getString("kind"));
      assertEquals("high", body.getString("confidence"));
      assertEquals(
          "V2.9.7",
          body.getJsonObject("match").getJsonObject("remediation").getString("fixedVersion"));

      for (SyslogReceiver r : List.of(udp, tcp)) {
        SyslogReceiver.Message m = r.next();
        assertEquals(132, m.pri(), "local0.warning");
        assertEquals("fieldprint", m.app());
        assertEquals("alert", m.msgId());
        assertTrue(
            m.msg().startsWith("CEF:0|fieldprint|fieldprint|9.9.9|ICSA-23-222-07|"), m.msg());
        String[] header = m.msg().split("(?<!\\\\)\\|", 8);
        int severity = Integer.parseInt(header[6]);
        assertTrue(severity >= 0 && severity <= 10, m.msg());
        assertTrue(header[7].contains("cs1=plant-a"), header[7]);
        assertTrue(header[7].contains("cs4=high"), header[7]);
      }
    }
  }

  @Test
  void anAmberAdvisoryOnlyGoesToDestinationsThatAllowAmber() throws Exception {
    try (SyslogReceiver udp = SyslogReceiver.udp()) {
      Alerting settings =
          settings(
              List.of(
                  hook(Set.of("AMBER"), 3),
                  new Destination.Syslog(
                      "siem-udp",
                      "127.0.0.1",
                      udp.port(),
                      Destination.Transport.UDP,
                      3,
                      Set.of(),
                      Optional.empty())),
              List.of("hook", "siem-udp"));
      correlate(settings, CsafFixtures.withTlp(CsafFixtures.cisa(CsafFixtures.S7_1500), "AMBER"));
      assertEquals(1, new AlertDelivery(correlations, settings, "1", clock).runOnce());
      assertEquals("AMBER", new JsonObject(bodies.get(0)).getString("tlp"));
      clock.advance(Duration.ofHours(1));
      assertEquals(List.of(), correlations.claimDeliveries(10, Duration.ofMinutes(1)));
    }
  }

  @Test
  void aRefusingWebhookIsRetriedAfterItsBackOffThenDeadLettered() throws Exception {
    webhookStatus.set(500);
    Alerting settings = settings(List.of(hook(Set.of(), 2)), List.of("hook"));
    correlate(settings, CsafFixtures.cisa(CsafFixtures.S7_1500));
    AlertDelivery delivery = new AlertDelivery(correlations, settings, "1", clock);
    assertEquals(0, delivery.runOnce());
    assertEquals(1, bodies.size());
    clock.advance(Duration.ofMillis(999));
    delivery.runOnce();
    assertEquals(1, bodies.size(), "not retried before the back-off");
    clock.advance(Duration.ofMillis(1));
    delivery.runOnce();
    assertEquals(2, bodies.size());
    CorrelationStore.DeadLetter dead = correlations.deadLetters(Optional.empty(), 10).get(0);
    assertEquals("hook", dead.destination());
    assertEquals(2, dead.attempts());
    assertEquals("webhook answered HTTP 500", dead.lastError());
    clock.advance(Duration.ofDays(1));
    delivery.runOnce();
    assertEquals(2, bodies.size(), "a dead delivery is not retried");
  }

  @Test
  void syslogOverTlsReachesAReceiverTheCaFileTrustsAndNoOtherCertificate() throws Exception {
    Path receiverCert = certificate("receiver");
    Path otherCert = certificate("other");
    try (SyslogReceiver tls = SyslogReceiver.tls(serverContext("receiver"))) {
      Alerting settings =
          settings(
              List.of(
                  new Destination.Syslog(
                      "siem-tls",
                      "127.0.0.1",
                      tls.port(),
                      Destination.Transport.TLS,
                      3,
                      Set.of(),
                      Optional.of(receiverCert)),
                  new Destination.Syslog(
                      "siem-wrong-ca",
                      "127.0.0.1",
                      tls.port(),
                      Destination.Transport.TLS,
                      1,
                      Set.of(),
                      Optional.of(otherCert))),
              List.of("siem-tls", "siem-wrong-ca"));
      correlate(settings, CsafFixtures.cisa(CsafFixtures.S7_1500));
      assertEquals(1, new AlertDelivery(correlations, settings, "1", clock).runOnce());
      SyslogReceiver.Message m = tls.next();
      assertTrue(m.msg().startsWith("CEF:0|fieldprint|fieldprint|1|ICSA-23-222-07|"), m.msg());
      CorrelationStore.DeadLetter dead = correlations.deadLetters(Optional.empty(), 10).get(0);
      assertEquals("siem-wrong-ca", dead.destination());
    }
  }

  /** A self-signed P-256 certificate for 127.0.0.1 made by openssl, with a PKCS#12 key store. */
  private Path certificate(String name) throws Exception {
    Path cert = dir.resolve(name + ".pem");
    Path key = dir.resolve(name + ".key");
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=" + name,
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        key.toString(),
        "-out",
        cert.toString());
    run(
        "openssl",
        "pkcs12",
        "-export",
        "-in",
        cert.toString(),
        "-inkey",
        key.toString(),
        "-out",
        dir.resolve(name + ".p12").toString(),
        "-passout",
        "pass:changeit");
    return cert;
  }

  private javax.net.ssl.SSLContext serverContext(String name) throws Exception {
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(dir.resolve(name + ".p12"))) {
      ks.load(in, "changeit".toCharArray());
    }
    javax.net.ssl.KeyManagerFactory kmf =
        javax.net.ssl.KeyManagerFactory.getInstance(
            javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), output);
    assertEquals(0, p.exitValue(), output);
  }

  @Test
  void aKevOnlyRouteDeliversTheAlertOfAKevCveToItsWebhook() throws Exception {
    correlations.replaceKev(kev("CVE-2023-0286"), "test");
    Alerting settings = kevOnly(hook(Set.of(), 3));
    correlate(settings, CsafFixtures.cisa(CsafFixtures.S7_1500));
    assertEquals(1, new AlertDelivery(correlations, settings, "9.9.9", clock).runOnce());
    assertEquals("ICSA-23-222-07", new JsonObject(bodies.get(0)).getString("advisoryId"));
  }

  @Test
  void aKevOnlyRouteIgnoresAnAlertWhoseCvesAreNotInTheCatalog() throws Exception {
    correlations.replaceKev(kev("CVE-2021-44228"), "test");
    Alerting settings = kevOnly(hook(Set.of(), 3));
    correlate(settings, CsafFixtures.cisa(CsafFixtures.S7_1500));
    assertEquals(0, new AlertDelivery(correlations, settings, "9.9.9", clock).runOnce());
    assertEquals(List.of(), bodies);
  }

  private static KevCatalog kev(String cve) {
    return new KevCatalog(
        "2026.03.01",
        "2026-03-01T00:00:00Z",
        List.of(new KevEntry(cve, "v", "p", "n", "2026-02-01", "2026-02-22", "Unknown")));
  }

  private static Alerting kevOnly(Destination d) {
    return new Alerting(
        Optional.empty(),
        10,
        1000,
        10,
        1000,
        60_000,
        List.of(d),
        List.of(new AlertRoute("plant-a", List.of(d.name()), "low", Optional.empty(), true)));
  }

  private void correlate(Alerting settings, byte[] advisory) {
    new AdvisoryImporter(correlations, new CsafReader(), clock).importDocument(advisory, "t", "t");
    AlertRouting routing = new AlertRouting(settings.routes(), settings.destinations());
    assertEquals(
        1, new Correlator(correlations, new CsafReader(), routing, 10).runUntilIdle().alerts());
  }

  private Destination.Webhook hook(Set<String> allowTlp, int attempts) {
    URI url = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
    return new Destination.Webhook("hook", url, SECRET, attempts, allowTlp);
  }

  private static Alerting settings(List<Destination> destinations, List<String> names) {
    return new Alerting(
        Optional.empty(),
        10,
        1000,
        10,
        1000,
        60_000,
        destinations,
        List.of(new AlertRoute("plant-a", names, "low", Optional.empty())));
  }

  private static String expectedHmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
