package io.fieldprint.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
  @TempDir Path dir;
  private final ConfigReader reader = new ConfigReader();

  @Test
  void minimalConfigGetsDocumentedDefaults() throws Exception {
    CollectorConfig c = reader.parse("dataDirectory: data\n", dir);
    assertEquals(new Listen("127.0.0.1", 8443), c.listen());
    assertEquals(Optional.empty(), c.tls());
    assertEquals(dir.resolve("data"), c.dataDirectory());
    assertEquals(Storage.Kind.SQLITE, c.storage().kind());
    assertEquals(dir.resolve("data/collector.db"), c.storage().sqliteFile());
    assertEquals(8, c.storage().poolSize());
    assertEquals(RequestLimits.DEFAULTS, c.limits());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String yaml =
        """
        listen:
          port: 70000
          hots: 0.0.0.0
        tls:
          certificate: missing.pem
        storage:
          kind: oracle
          poolSize: 0
        limits:
          maxBodyBytes: ten
        colour: blue
        """;
    ConfigException e = assertThrows(ConfigException.class, () -> reader.parse(yaml, dir));
    List<String> p = e.problems();
    assertTrue(has(p, "listen.port: must be between 0 and 65535"), p.toString());
    assertTrue(has(p, "listen.hots: unknown key"), p.toString());
    assertTrue(has(p, "tls.certificate: no readable file"), p.toString());
    assertTrue(has(p, "tls.key: is required"), p.toString());
    assertTrue(has(p, "storage.kind: must be sqlite or postgresql"), p.toString());
    assertTrue(has(p, "storage.poolSize: must be between 1 and 256"), p.toString());
    assertTrue(has(p, "limits.maxBodyBytes: must be a whole number"), p.toString());
    assertTrue(has(p, "colour: unknown key"), p.toString());
    assertTrue(has(p, "dataDirectory: is required"), p.toString());
    assertEquals(9, p.size(), p.toString());
  }

  @Test
  void postgresqlNeedsItsSettingsAndItsPasswordIsNeverPrinted() throws Exception {
    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () -> reader.parse("dataDirectory: d\nstorage:\n  kind: postgresql\n", dir));
    assertEquals(
        List.of("storage.postgresql: is required when kind is postgresql"), missing.problems());

    Files.writeString(dir.resolve("pw"), "s3cret-value\n");
    CollectorConfig c =
        reader.parse(
            "dataDirectory: d\nstorage:\n  kind: postgresql\n  postgresql:\n"
                + "    url: jdbc:postgresql://db:5432/fp\n    user: fp\n    passwordFile: pw\n",
            dir);
    Storage.Postgresql pg = c.storage().postgresql().orElseThrow();
    assertEquals(Optional.of("s3cret-value"), pg.password());
    assertFalse(c.toString().contains("s3cret-value"), c.toString());
  }

  @Test
  void silenceCheckIsReadWithDefaultsAndAThresholdBelowTheIntervalIsRefused() throws Exception {
    assertEquals(Silence.DEFAULTS, reader.parse("dataDirectory: d\n", dir).silence());
    CollectorConfig c =
        reader.parse(
            "dataDirectory: d\nsilence:\n  checkIntervalSeconds: 60\n  thresholdMinutes: 90\n",
            dir);
    assertEquals(
        new Silence(java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(90)),
        c.silence());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                reader.parse(
                    "dataDirectory: d\nsilence:\n  checkIntervalSeconds: 600\n"
                        + "  thresholdMinutes: 5\n  every: 1\n",
                    dir));
    assertEquals(2, e.problems().size(), e.problems().toString());
    assertTrue(
        e.problems().toString().contains("silence.thresholdMinutes"), e.problems().toString());
  }

  @Test
  void notYamlIsOneClearProblem() {
    ConfigException e = assertThrows(ConfigException.class, () -> reader.parse("listen: [\n", dir));
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).startsWith("not valid YAML at line"), e.problems().toString());
  }

  @Test
  void alertDestinationsAndRoutesAreReadWithTheSecretFromItsFileAndMasked() throws Exception {
    Files.writeString(dir.resolve("hook.secret"), "0123456789abcdef0123\n");
    String yaml =
        """
        dataDirectory: data
        advisories:
          directory: .
        correlation:
          intervalMillis: 500
        alerts:
          destinations:
            - {name: soc, type: webhook, url: "https://soc.example/hook",
               secretFile: hook.secret, maxAttempts: 4, allowTlp: [amber]}
            - {name: siem, type: syslog, host: 10.0.0.5, port: 6514, transport: tcp}
          routes:
            - {site: plant-a, destinations: [soc, siem], minConfidence: medium, minCvss: 7.5}
        """;
    Alerting a = reader.parse(yaml, dir).alerting();
    assertEquals(Optional.of(dir), a.advisoryDirectory());
    assertEquals(500, a.correlationIntervalMillis());
    Destination.Webhook soc = (Destination.Webhook) a.destinations().get(0);
    assertEquals("0123456789abcdef0123", soc.secret());
    assertEquals(java.util.Set.of("AMBER"), soc.allowTlp());
    assertFalse(soc.toString().contains("0123456789abcdef"), soc.toString());
    Destination.Syslog siem = (Destination.Syslog) a.destinations().get(1);
    assertEquals(Destination.Transport.TCP, siem.transport());
    assertEquals(
        new AlertRoute("plant-a", List.of("soc", "siem"), "medium", Optional.of(7.5)),
        a.routes().get(0));
  }

  @Test
  void theKevFileIsReadWithTheConfigAndKevOnlyRoutesAreKept() throws Exception {
    Files.writeString(
        dir.resolve("kev.json"),
        """
        {"catalogVersion": "2026.03.01", "dateReleased": "2026-03-01T00:00:00Z", "count": 1,
         "vulnerabilities": [{"cveID": "CVE-2023-0286", "vendorProject": "OpenSSL",
           "product": "OpenSSL", "vulnerabilityName": "X.400", "dateAdded": "2023-03-01",
           "dueDate": "2023-03-22", "knownRansomwareCampaignUse": "Unknown"}]}
        """);
    Files.writeString(dir.resolve("hook.secret"), "0123456789abcdef0123\n");
    String yaml =
        """
        dataDirectory: data
        advisories:
          kevFile: kev.json
        alerts:
          destinations:
            - {name: soc, type: webhook, url: "https://soc.example/hook", secretFile: hook.secret}
          routes:
            - {destinations: [soc], kevOnly: true}
        """;
    Alerting a = reader.parse(yaml, dir).alerting();
    KevFile kev = a.kevFile().orElseThrow();
    assertEquals(dir.resolve("kev.json"), kev.file());
    assertEquals("CVE-2023-0286", kev.catalog().entries().get(0).cveId());
    assertEquals(
        new AlertRoute("*", List.of("soc"), "low", Optional.empty(), true), a.routes().get(0));
  }

  @Test
  void aMissingOrBrokenKevFileAndABadKevOnlyAreConfigProblems() throws Exception {
    Files.writeString(dir.resolve("kev.json"), "{\"vulnerabilities\": [{\"cveID\": \"log4j\"}]}");
    String broken =
        "dataDirectory: d\nadvisories:\n  kevFile: kev.json\n"
            + "alerts:\n  routes:\n    - {kevOnly: yes please}\n";
    List<String> p =
        assertThrows(ConfigException.class, () -> reader.parse(broken, dir)).problems();
    assertTrue(
        has(p, "advisories.kevFile: " + dir.resolve("kev.json") + " is not a KEV catalog"),
        p.toString());
    assertTrue(has(p, "alerts.routes[0].kevOnly: must be true or false"), p.toString());
    List<String> missing =
        assertThrows(
                ConfigException.class,
                () -> reader.parse("dataDirectory: d\nadvisories:\n  kevFile: none.json\n", dir))
            .problems();
    assertTrue(has(missing, "advisories.kevFile: cannot read"), missing.toString());
  }

  @Test
  void badAlertSettingsAreAllReported() {
    String yaml =
        """
        dataDirectory: data
        alerts:
          destinations:
            - {name: soc, type: webhook, url: "ftp://x", allowTlp: [GREEN]}
            - {name: s, type: syslog, transport: quic}
            - {name: p, type: pager}
          routes:
            - {destinations: [nobody], minConfidence: certain}
        """;
    List<String> p = assertThrows(ConfigException.class, () -> reader.parse(yaml, dir)).problems();
    assertTrue(has(p, "alerts.destinations[0].url: must be an http or https URL"), p.toString());
    assertTrue(has(p, "alerts.destinations[0].secretFile: is required"), p.toString());
    assertTrue(has(p, "alerts.destinations[0].allowTlp: lists AMBER"), p.toString());
    assertTrue(has(p, "alerts.destinations[1].transport: must be udp, tcp or tls"), p.toString());
    assertTrue(has(p, "alerts.destinations[1].port: is required"), p.toString());
    assertTrue(has(p, "alerts.destinations[2].type: must be webhook or syslog"), p.toString());
    assertTrue(has(p, "alerts.routes[0].destinations: no destination named nobody"), p.toString());
    assertTrue(has(p, "alerts.routes[0].minConfidence: must be low"), p.toString());
  }

  private static boolean has(List<String> problems, String start) {
    return problems.stream().anyMatch(p -> p.startsWith(start));
  }
}
