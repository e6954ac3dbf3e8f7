package io.fieldprint.agent.service;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The body of {@code POST /api/v1/reports}: {@code {"reportId", "site", "agent": {"id", "version"},
 * "inventory": {...}}}, written in one pass into one byte array (the inventory streamed into it as
 * UTF-8, never held as a String), so a snapshot of thousands of assets costs about twice its size
 * in heap while it is taken, not four times. The inventory's bytes are where {@link
 * #inventoryOffset()} says, for the local {@code inventory.json}.
 */
record ReportBody(byte[] bytes, int inventoryOffset, int inventoryLength) {
  /** Streams one inventory document to the writer it is given (flushed, not closed). */
  @FunctionalInterface
  interface InventoryWriter {
    void write(Writer out) throws IOException;
  }

  /**
   * Writes the body; {@code sizeHint} (the previous body's size) presizes the buffer so it rarely
   * has to grow by copying.
   */
  static ReportBody write(
      String reportId,
      String site,
      String agentId,
      String version,
      InventoryWriter inventory,
      int sizeHint)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(4096, sizeHint + sizeHint / 8));
    out.writeBytes(
        ("{\"reportId\":\""
                + quoted(reportId)
                + "\",\"site\":\""
                + quoted(site)
                + "\",\"agent\":{\"id\":\""
                + quoted(agentId)
                + "\",\"version\":\""
                + quoted(version)
                + "\"},\"inventory\":")
            .getBytes(StandardCharsets.UTF_8));
    int offset = out.size();
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    inventory.write(w);
    w.flush();
    int length = out.size() - offset;
    out.write('}');
    return new ReportBody(out.toByteArray(), offset, length);
  }

  private static String quoted(String value) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(value));
  }
}
