package io.fieldprint.protocols.active;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Audit log as JSON lines: one object per line, appended to the file (never truncated) and flushed
 * after every line. Keys in this order: time (ISO-8601 UTC), target, protocol, request, decision,
 * outcome, detail, elapsedMillis.
 */
public final class JsonLinesAuditLog implements AuditLog, AutoCloseable {

  private final ObjectMapper mapper;
  private final Writer out;
  private boolean closed;

  private JsonLinesAuditLog(Writer out) {
    this.out = out;
    this.mapper = new ObjectMapper();
  }

  /** Opens {@code file} for appending, creating it if absent. */
  public static JsonLinesAuditLog open(Path file) throws IOException {
    return new JsonLinesAuditLog(
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
  }

  @Override
  public synchronized void append(AuditRecord record) {
    if (closed) {
      throw new IllegalStateException("the audit log is closed");
    }
    try {
      out.write(mapper.writeValueAsString(fields(record)));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("audit log write failed", e);
    }
  }

  private static Map<String, Object> fields(AuditRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", r.time().toString());
    m.put("target", r.target());
    m.put("protocol", r.protocol());
    m.put("request", r.request());
    m.put("decision", r.decision());
    m.put("outcome", r.outcome());
    m.put("detail", r.detail());
    m.put("elapsedMillis", r.elapsedMillis());
    return m;
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    out.close();
  }
}
