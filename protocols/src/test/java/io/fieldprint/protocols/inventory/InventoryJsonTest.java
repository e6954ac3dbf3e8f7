package io.fieldprint.protocols.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.model.Severity;
import io.fieldprint.protocols.testing.InventorySchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryJsonTest {
  private static final Instant T = Instant.parse("2026-01-15T09:00:00.123456789Z");

  private static Inventory sample() {
    AssetMerger m = new AssetMerger(MergeLimits.DEFAULT, MacRegistry.NONE);
    DeviceRef plc = DeviceRef.of("00:1b:1b:01:02:03", "192.168.0.10");
    m.observe(
        new Observation(
            "s7comm",
            plc,
            Identity.builder()
                .vendor("Siemens")
                .model("6ES7 315-2EH14-0AB0")
                .firmware("V3.2.6")
                .role(Role.PLC)
                .build(),
            Authority.DEVICE_REPORTED,
            new Evidence(
                "s7comm.szl-module-identification",
                T,
                "plant.pcap#frame=12",
                Map.of("orderNumber", "6ES7 315-2EH14-0AB0", "records", List.of(1, 6, 7)))));
    m.finding(
        new Finding(
            plc,
            "cleartext.telnet",
            Severity.MEDIUM,
            "Telnet server",
            "tcp/23",
            new Evidence("telnet.server", T, "plant.pcap#frame=40", Map.of())));
    m.warning(new DecodeWarning("plant.pcap#frame=99", "modbus", "MBAP length 0"));
    return m.build(
        List.of(
            new InventorySource(
                "pcap", "plant.pcap", "ok", null, 120, 9000, T, T.plusSeconds(5), 1)));
  }

  @Test
  void writtenDocumentsValidateAgainstTheSchema() {
    String json = new InventoryJson("test").write(sample());
    assertEquals(List.of(), InventorySchema.violations(json));
  }

  @Test
  void anEmptyInventoryIsValidToo() {
    Inventory empty = new AssetMerger(MergeLimits.DEFAULT, MacRegistry.NONE).build(List.of());
    assertEquals(List.of(), InventorySchema.violations(new InventoryJson("test").write(empty)));
  }

  @Test
  void theCompactFormIsTheSameDocumentOnOneLine() throws Exception {
    InventoryJson codec = new InventoryJson("test");
    java.io.StringWriter compact = new java.io.StringWriter();
    codec.write(sample(), compact, false);
    String indented = codec.write(sample());
    assertEquals(List.of(), InventorySchema.violations(compact.toString()));
    assertEquals(1, compact.toString().split("\n").length, "one line");
    assertTrue(compact.toString().length() < indented.length() * 3 / 4, "a quarter smaller");
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals(json.readTree(indented), json.readTree(compact.toString()));
  }

  @Test
  void readingWhatWasWrittenGivesTheSameDocument() {
    InventoryJson codec = new InventoryJson("test");
    String once = codec.write(sample());
    String twice = codec.write(InventoryJson.read(once));
    assertEquals(once, twice);
  }

  @Test
  void unknownValuesAreWrittenAsExplicitNulls() {
    String json = new InventoryJson("test").write(sample());
    assertTrue(json.contains("\"serial\" : null"), json);
    assertTrue(json.contains("\"hardware\" : null"), json);
  }

  @Test
  void aDocumentOfAnotherSchemaIsRejectedWithAReason() {
    InventoryFormatException e =
        assertThrows(
            InventoryFormatException.class,
            () -> InventoryJson.read("{\"schema\":\"fieldprint.inventory/2\",\"assets\":[]}"));
    assertTrue(e.getMessage().contains("fieldprint.inventory/1"), e.getMessage());
    assertThrows(InventoryFormatException.class, () -> InventoryJson.read("[1,2"));
  }

  @Test
  void theSchemaRejectsAnAssetWithoutItsIdentityFields() {
    String bad =
        "{\"schema\":\"fieldprint.inventory/1\",\"generator\":{\"name\":\"fieldprint\",\"version\":\"x\"},"
            + "\"sources\":[],\"assets\":[{\"id\":\"mac:00:1b:1b:01:02:03\"}],\"findings\":[],"
            + "\"matches\":[],\"warnings\":[],\"warningsOmitted\":0}";
    assertTrue(!InventorySchema.violations(bad).isEmpty());
  }
}
