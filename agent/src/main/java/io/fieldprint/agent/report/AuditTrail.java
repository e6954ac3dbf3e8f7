package io.fieldprint.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scan's audit log as the report shows it: counts per target and function over every line, and
 * the first lines in full. Reading is bounded: at most {@link ReportLimits#auditLines()} lines are
 * counted, at most {@link ReportLimits#auditListed()} kept, and a line longer than {@link
 * #MAX_LINE} characters is counted as not understood.
 *
 * @param file the file as the user named it
 * @param counted lines understood and counted
 * @param notUnderstood lines that were not an audit record
 * @param stoppedAtLimit whether lines beyond the counting limit were left unread
 * @param listed the first lines, in file order
 * @param tally per target, then function: the lines sent and refused
 */
public record AuditTrail(
    String file,
    long counted,
    long notUnderstood,
    boolean stoppedAtLimit,
    List<AuditEntry> listed,
    Map<String, Map<String, Tally>> tally) {

  static final int MAX_LINE = 64 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public AuditTrail {
    listed = List.copyOf(listed);
  }

  /**
   * Requests to one target with one function.
   *
   * @param sent sent requests
   * @param answered sent requests the device answered ({@code SUCCESS} or {@code
   *     REFUSED_BY_DEVICE})
   * @param refused requests the gate refused to send
   */
  public record Tally(long sent, long answered, long refused) {
    Tally plus(AuditEntry e) {
      boolean isSent = "SENT".equals(e.decision());
      boolean ok = "SUCCESS".equals(e.outcome()) || "REFUSED_BY_DEVICE".equals(e.outcome());
      return new Tally(
          sent + (isSent ? 1 : 0), answered + (isSent && ok ? 1 : 0), refused + (isSent ? 0 : 1));
    }
  }

  /** Reads an audit log file within the limits. */
  public static AuditTrail read(Path path, ReportLimits limits) throws IOException {
    List<AuditEntry> listed = new ArrayList<>();
    Map<String, Map<String, Tally>> tally = new TreeMap<>();
    long counted = 0;
    long bad = 0;
    boolean stopped = false;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        if (counted + bad >= limits.auditLines()) {
          stopped = true;
          break;
        }
        AuditEntry e = line.length() > MAX_LINE ? null : parse(line);
        if (e == null) {
          bad++;
          continue;
        }
        counted++;
        if (listed.size() < limits.auditListed()) {
          listed.add(e);
        }
        tally
            .computeIfAbsent(e.target(), t -> new TreeMap<>())
            .merge(e.function(), new Tally(0, 0, 0).plus(e), (a, b) -> a.plus(e));
      }
    }
    return new AuditTrail(path.toString(), counted, bad, stopped, listed, tally);
  }

  private static AuditEntry parse(String line) {
    try {
      JsonNode n = MAPPER.readTree(line);
      if (n == null || !n.isObject() || !n.path("target").isTextual()) {
        return null;
      }
      return new AuditEntry(
          n.path("time").asText(""),
          n.path("target").asText(),
          n.path("protocol").asText(""),
          n.path("request").asText(""),
          n.path("decision").asText(""),
          n.path("outcome").asText(""),
          n.path("detail").isNull() ? null : n.path("detail").asText(null),
          n.path("elapsedMillis").asLong(0));
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether some counted lines are not in {@link #listed}. */
  public boolean truncated() {
    return counted > listed.size();
  }
}
