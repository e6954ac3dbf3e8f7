package io.fieldprint.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tls.clientCa} and {@code tls.clientAuth}. */
class TlsConfigTest {
  @TempDir Path dir;
  private final ConfigReader reader = new ConfigReader();

  @BeforeEach
  void files() throws Exception {
    for (String f : List.of("cert.pem", "key.pem", "agents-ca.pem")) {
      Files.writeString(dir.resolve(f), "PEM");
    }
  }

  @Test
  void aClientCaAloneAsksForOptionalClientCertificates() throws Exception {
    Tls tls = tls("  clientCa: agents-ca.pem\n").tls().orElseThrow();
    assertEquals(Tls.ClientAuth.OPTIONAL, tls.clientAuth());
    assertEquals(Optional.of(dir.resolve("agents-ca.pem")), tls.clientCa());
    assertEquals(Tls.ClientAuth.NONE, tls("").tls().orElseThrow().clientAuth());
    assertEquals(
        Tls.ClientAuth.REQUIRED,
        tls("  clientCa: agents-ca.pem\n  clientAuth: required\n")
            .tls()
            .orElseThrow()
            .clientAuth());
  }

  @Test
  void clientAuthWithoutACaOrWithAnUnknownModeIsAProblem() {
    ConfigException noCa =
        assertThrows(ConfigException.class, () -> tls("  clientAuth: required\n"));
    assertEquals(List.of("tls.clientCa: is required when clientAuth is required"), noCa.problems());
    ConfigException mode =
        assertThrows(
            ConfigException.class, () -> tls("  clientCa: agents-ca.pem\n  clientAuth: maybe\n"));
    assertEquals(List.of("tls.clientAuth: must be none, optional or required"), mode.problems());
    ConfigException missing =
        assertThrows(ConfigException.class, () -> tls("  clientCa: nowhere.pem\n"));
    assertEquals(1, missing.problems().size(), missing.problems().toString());
  }

  private CollectorConfig tls(String extra) throws Exception {
    return reader.parse(
        "dataDirectory: data\ntls:\n  certificate: cert.pem\n  key: key.pem\n" + extra, dir);
  }
}
