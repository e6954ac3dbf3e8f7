package io.fieldprint.agent.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The body of {@code POST /api/v1/reports}: {@code {"reportId", "site", "agent": {"id", "version"},
 * "inventory": {...}}} with the inventory document copied in as written.
 */
final class ReportBody {
  private static final JsonFactory JSON = new JsonFactory();

  private ReportBody() {}

  static byte[] of(
      String reportId, String site, String agentId, String version, String inventoryJson)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(inventoryJson.length() + 256);
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("reportId", reportId);
      g.writeStringField("site", site);
      g.writeObjectFieldStart("agent");
      g.writeStringField("id", agentId);
      g.writeStringField("version", version);
      g.writeEndObject();
      g.writeFieldName("inventory");
      g.writeRawValue(inventoryJson);
      g.writeEndObject();
    }
    return bytes.toByteArray();
  }
}
