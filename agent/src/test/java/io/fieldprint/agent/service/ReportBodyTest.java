package io.fieldprint.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.agent.service.outbox.StoredBody;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import io.fieldprint.protocols.inventory.MergeLimits;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theEnvelopeEscapesItsFieldsAndCarriesTheInventoryAsWritten() throws Exception {
    Inventory inventory = new LiveInventory(MergeLimits.DEFAULT).snapshot();
    InventoryJson writer = new InventoryJson("1.2.3");
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    StoredBody body =
        ReportBody.write(
            "edge-1:abc",
            "plant \"B\" / Halle 3",
            "edge-1",
            "1.2.3",
            out -> writer.write(inventory, out),
            copy,
            0);

    assertTrue(body.compressed());
    byte[] json = body.json();
    assertEquals(json.length, body.size(), "the size is the JSON's, as the outbox bound counts it");
    JsonNode parsed = JSON.readTree(json);
    assertEquals("edge-1:abc", parsed.path("reportId").asText());
    assertEquals("plant \"B\" / Halle 3", parsed.path("site").asText());
    assertEquals("edge-1", parsed.path("agent").path("id").asText());
    assertEquals("1.2.3", parsed.path("agent").path("version").asText());
    assertEquals(JSON.readTree(writer.write(inventory)), parsed.path("inventory"));
    assertEquals(
        writer.write(inventory),
        copy.toString(StandardCharsets.UTF_8),
        "the inventory's bytes, exactly, for inventory.json");
  }

  @Test
  void aLargeInventoryWithNonAsciiTextIsCopiedAtItsUtf8BytesAndStoredCompressed() throws Exception {
    String document = "{\"name\":\"Förderband Süd ✓\",\"pad\":\"" + "x".repeat(500_000) + "\"}";
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    StoredBody body = ReportBody.write("r", "s", "a", "v", out -> out.write(document), copy, 100);
    assertEquals(document, copy.toString(StandardCharsets.UTF_8));
    assertEquals(
        "Förderband Süd ✓", JSON.readTree(body.json()).path("inventory").path("name").asText());
    assertTrue(
        body.bytes().length * 100 < body.size(),
        body.bytes().length + " bytes stored for " + body.size() + " of JSON");
  }

  @Test
  void withoutACopyOnlyTheBodyIsWritten() throws Exception {
    StoredBody body =
        ReportBody.write(
            "r", "s", "a", "v", out -> out.write("{}"), OutputStream.nullOutputStream(), 0);
    assertEquals(
        "{\"reportId\":\"r\",\"site\":\"s\",\"agent\":{\"id\":\"a\",\"version\":\"v\"},"
            + "\"inventory\":{}}",
        new String(body.json(), StandardCharsets.UTF_8));
  }
}
