package io.fieldprint.agent.service;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.fieldprint.agent.service.outbox.StoredBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * The body of {@code POST /api/v1/reports}: {@code {"reportId", "site", "agent": {"id", "version"},
 * "inventory": {...}}}, written in one pass straight into gzip: the JSON is never held whole, so a
 * snapshot of thousands of assets costs about a tenth of its JSON size in heap while it is written.
 * The inventory's bytes are copied as they pass to a second stream, for the local {@code
 * inventory.json}.
 */
final class ReportBody {
  private static final int GZIP_BUFFER = 64 * 1024;

  private ReportBody() {}

  /** Streams one inventory document to the writer it is given (flushed, not closed). */
  @FunctionalInterface
  interface InventoryWriter {
    void write(Writer out) throws IOException;
  }

  /**
   * Writes the body, compressed; the inventory document's bytes also go to {@code inventoryCopy}
   * (flushed, not closed; {@link OutputStream#nullOutputStream()} for none). {@code sizeHint} (the
   * previous compressed body's size) presizes the buffer so it rarely has to grow by copying.
   */
  static StoredBody write(
      String reportId,
      String site,
      String agentId,
      String version,
      InventoryWriter inventory,
      OutputStream inventoryCopy,
      int sizeHint)
      throws IOException {
    ByteArrayOutputStream compressed =
        new ByteArrayOutputStream(Math.max(4096, sizeHint + sizeHint / 8));
    Json json;
    // closing ends the deflater, so its native memory goes now (also on a failure), not at a GC
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, GZIP_BUFFER)) {
      json = new Json(gzip);
      json.write(
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
      json.copy = inventoryCopy;
      Writer w = new OutputStreamWriter(json, StandardCharsets.UTF_8);
      inventory.write(w);
      w.flush();
      inventoryCopy.flush();
      json.copy = OutputStream.nullOutputStream();
      json.write('}');
    }
    return new StoredBody(compressed.toByteArray(), json.count);
  }

  private static String quoted(String value) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(value));
  }

  /** The uncompressed side: counts the JSON's bytes and copies them where asked on their way. */
  private static final class Json extends OutputStream {
    private final GZIPOutputStream gzip;
    private OutputStream copy = OutputStream.nullOutputStream();
    private long count;

    Json(GZIPOutputStream gzip) {
      this.gzip = gzip;
    }

    @Override
    public void write(int b) throws IOException {
      gzip.write(b);
      copy.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      gzip.write(b, off, len);
      copy.write(b, off, len);
      count += len;
    }
  }
}
