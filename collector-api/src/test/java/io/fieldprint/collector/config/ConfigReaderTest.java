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
  void notYamlIsOneClearProblem() {
    ConfigException e = assertThrows(ConfigException.class, () -> reader.parse("listen: [\n", dir));
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).startsWith("not valid YAML at line"), e.problems().toString());
  }

  private static boolean has(List<String> problems, String start) {
    return problems.stream().anyMatch(p -> p.startsWith(start));
  }
}
