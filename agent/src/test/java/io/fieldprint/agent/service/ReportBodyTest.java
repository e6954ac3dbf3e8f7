package io.fieldprint.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import io.fieldprint.protocols.inventory.MergeLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theEnvelopeEscapesItsFieldsAndCarriesTheInventoryAsWritten() throws Exception {
    Inventory inventory = new LiveInventory(MergeLimits.DEFAULT).snapshot();
    InventoryJson writer = new InventoryJson("1.2.3");
    ReportBody body =
        ReportBody.write(
            "edge-1:abc",
            "plant \"B\" / Halle 3",
            "edge-1",
            "1.2.3",
            out -> writer.write(inventory, out),
            0);

    JsonNode parsed = JSON.readTree(body.bytes());
    assertEquals("edge-1:abc", parsed.path("reportId").asText());
    assertEquals("plant \"B\" / Halle 3", parsed.path("site").asText());
    assertEquals("edge-1", parsed.path("agent").path("id").asText());
    assertEquals("1.2.3", parsed.path("agent").path("version").asText());
    assertEquals(JSON.readTree(writer.write(inventory)), parsed.path("inventory"));
    assertEquals(
        writer.write(inventory),
        new String(
            body.bytes(), body.inventoryOffset(), body.inventoryLength(), StandardCharsets.UTF_8),
        "the inventory's bytes, exactly, for inventory.json");
  }

  @Test
  void anInventoryLargerThanTheSizeHintWithNonAsciiTextIsSlicedAtItsUtf8Bytes() throws Exception {
    String document = "{\"name\":\"Förderband Süd ✓\",\"pad\":\"" + "x".repeat(50_000) + "\"}";
    ReportBody body = ReportBody.write("r", "s", "a", "v", out -> out.write(document), 100);
    assertEquals(
        document,
        new String(
            body.bytes(), body.inventoryOffset(), body.inventoryLength(), StandardCharsets.UTF_8));
    assertEquals(
        "Förderband Süd ✓", JSON.readTree(body.bytes()).path("inventory").path("name").asText());
  }
}
