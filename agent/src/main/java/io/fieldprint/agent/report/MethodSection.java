package io.fieldprint.agent.report;

import io.fieldprint.protocols.inventory.InventorySource;
import java.util.List;
import java.util.Map;

/**
 * How the inventory was made: passive capture files and active scan targets with their dates and
 * status, where the advisories came from, and the scan's audit log counted per target and function.
 */
final class MethodSection {
  private MethodSection() {}

  static void write(Xhtml x, ReportInput in, ReportLimits limits) {
    int max = limits.valueChars();
    List<InventorySource> sources = in.inventory().sources();
    long passive = sources.stream().filter(s -> !"scan".equals(s.kind())).count();
    long warnings = in.inventory().warnings().size() + in.inventory().warningsOmitted();
    x.open("section", "id", "method").element("h2", "Method");
    x.element(
        "p",
        "Inventory "
            + ShownValue.of(in.inventoryFile(), max)
            + ": "
            + passive
            + " passive inputs (capture files, interfaces: nothing sent) and "
            + (sources.size() - passive)
            + " active scan targets (read-only requests through fieldprint's rate-limited"
            + " gate). "
            + warnings
            + " decode warnings. Advisories: "
            + ShownValue.of(in.advisories(), max)
            + "; lowest confidence shown: "
            + in.minConfidence()
            + ".");
    x.open("table", "class", "sources")
        .head(
            List.of("Kind", "Input", "Status", "Frames", "Bytes", "From", "To"),
            6,
            34,
            14,
            8,
            10,
            14,
            14)
        .open("tbody");
    for (InventorySource s : sources) {
      x.open("tr").element("td", ShownValue.of(s.kind(), 20));
      x.element("td", ShownValue.of(s.name(), max), "class", "mono");
      x.element(
          "td",
          ShownValue.of(s.status(), 20)
              + (s.error() == null ? "" : ": " + ShownValue.of(s.error(), max)));
      x.element("td", Long.toString(s.frames()), "class", "n");
      x.element("td", Long.toString(s.bytes()), "class", "n");
      x.element("td", ShownValue.time(s.firstFrameAt()));
      x.element("td", ShownValue.time(s.lastFrameAt()));
      x.close();
    }
    x.close().close();
    audit(x, in.audit(), max);
    x.close();
  }

  private static void audit(Xhtml x, AuditTrail audit, int max) {
    x.element("h3", "Requests sent (scan audit log)");
    if (audit == null) {
      x.element(
          "p",
          "No audit log was given (fieldprint report --audit FILE, written by fieldprint scan"
              + " --audit-log FILE); the inventory itself does not carry one.");
      return;
    }
    x.element(
        "p",
        ShownValue.of(audit.file(), max)
            + ": "
            + audit.counted()
            + " requests recorded"
            + (audit.notUnderstood() > 0
                ? ", " + audit.notUnderstood() + " lines not understood (left out)"
                : "")
            + (audit.stoppedAtLimit() ? "; the file continues beyond what was read" : "")
            + ". Every request passed the read-only allowlist; a refused request was never sent.");
    x.open("table", "class", "tally")
        .head(
            List.of("Target", "Function", "Sent", "Answered", "Refused by the gate"),
            40,
            24,
            12,
            12,
            12)
        .open("tbody");
    for (Map.Entry<String, Map<String, AuditTrail.Tally>> t : audit.tally().entrySet()) {
      for (Map.Entry<String, AuditTrail.Tally> f : t.getValue().entrySet()) {
        x.open("tr").element("td", ShownValue.of(t.getKey(), max), "class", "mono");
        x.element("td", ShownValue.of(f.getKey(), max));
        x.element("td", Long.toString(f.getValue().sent()), "class", "n");
        x.element("td", Long.toString(f.getValue().answered()), "class", "n");
        x.element("td", Long.toString(f.getValue().refused()), "class", "n").close();
      }
    }
    x.close().close();
  }

  /** The appendix: the audit log's lines in full, up to the listing limit. */
  static void appendix(Xhtml x, AuditTrail audit, int max) {
    if (audit == null) {
      return;
    }
    x.open("section", "id", "appendix-audit").element("h2", "Appendix: audit log");
    if (audit.truncated()) {
      x.element(
          "p",
          "Truncated: the first "
              + audit.listed().size()
              + " of "
              + audit.counted()
              + " requests are listed; the counts above cover all of them. The full log is "
              + ShownValue.of(audit.file(), max)
              + ".",
          "class",
          "note");
    }
    x.open("table", "class", "audit")
        .head(
            List.of("Time", "Target", "Request", "Decision", "Outcome", "ms", "Detail"),
            14,
            20,
            22,
            9,
            11,
            6,
            18)
        .open("tbody");
    for (AuditEntry e : audit.listed()) {
      x.open("tr").element("td", ShownValue.of(e.time(), 40), "class", "small");
      x.element("td", ShownValue.of(e.target(), max), "class", "small mono");
      x.element("td", ShownValue.of(e.request(), max), "class", "small mono");
      x.element("td", ShownValue.of(e.decision(), 20));
      x.element("td", ShownValue.of(e.outcome(), 30));
      x.element("td", Long.toString(e.elapsedMillis()), "class", "n");
      x.element("td", ShownValue.of(e.detail(), max), "class", "small").close();
    }
    x.close().close().close();
  }
}
