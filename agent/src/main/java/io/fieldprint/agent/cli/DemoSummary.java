package io.fieldprint.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's summary, printed from what the collector holds (not from the agent's memory): devices
 * with vendor, model, firmware, address and how they were found; their findings; the advisory
 * matches with the product and version rule that made them and the confidence.
 *
 * @param assets the site's assets, each as {@code GET /api/v1/assets/{uid}} answers it
 * @param matches the site's current matches ({@code GET /api/v1/sites/{site}/matches})
 */
record DemoSummary(List<JsonNode> assets, List<JsonNode> matches) {
  private static final int MAX_TEXT = 160;

  DemoSummary {
    assets = List.copyOf(assets);
    matches = List.copyOf(matches);
  }

  /** The summary as text for people. */
  String render() {
    StringBuilder sb = new StringBuilder();
    devices(sb);
    findings(sb);
    matchBlock(sb);
    return sb.toString();
  }

  private void devices(StringBuilder sb) {
    sb.append("DEVICES (").append(assets.size()).append(")\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ADDRESS", "VENDOR", "MODEL", "FIRMWARE", "ROLE", "FOUND BY"});
    for (JsonNode a : sorted(assets)) {
      rows.add(
          new String[] {
            address(a),
            text(a, "vendor"),
            a.hasNonNull("model") ? text(a, "model") : text(a, "product"),
            text(a, "firmware"),
            text(a, "role").toLowerCase(Locale.ROOT),
            foundBy(a)
          });
    }
    table(sb, rows);
  }

  private void findings(StringBuilder sb) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SEVERITY", "ADDRESS", "RULE", "TITLE"});
    for (JsonNode a : sorted(assets)) {
      for (JsonNode f : a.path("findings")) {
        rows.add(new String[] {text(f, "severity"), address(a), text(f, "rule"), text(f, "title")});
      }
    }
    sb.append("\nFINDINGS (").append(rows.size() - 1).append(")\n");
    if (rows.size() > 1) {
      table(sb, rows);
    }
  }

  private void matchBlock(StringBuilder sb) {
    Map<String, JsonNode> byUid = new HashMap<>();
    assets.forEach(a -> byUid.put(a.path("uid").asText(), a));
    sb.append("\nMATCHES (").append(matches.size()).append(")\n");
    List<JsonNode> ordered = new ArrayList<>(matches);
    ordered.sort(
        Comparator.comparing((JsonNode m) -> rank(m.path("confidence").asText()))
            .thenComparing(m -> m.path("advisoryId").asText())
            .thenComparing(m -> m.path("asset").asText()));
    for (JsonNode m : ordered) {
      JsonNode why = m.path("explanation");
      JsonNode asset = byUid.get(m.path("asset").asText());
      sb.append("  ")
          .append(m.path("confidence").asText())
          .append("  ")
          .append(asset == null ? m.path("asset").asText() : address(asset))
          .append("  ")
          .append(m.path("advisoryId").asText())
          .append(m.hasNonNull("cvss") ? "  CVSS " + m.path("cvss").asText() : "")
          .append('\n');
      line(sb, "title", why.path("title").asText(null));
      line(sb, "product", why.path("product").asText(null));
      line(sb, "versions", versions(why.path("versionRule")));
      line(sb, "why", why.path("confidence").path("reason").asText(null));
    }
  }

  private static String versions(JsonNode rule) {
    if (rule.isMissingNode() || rule.isNull()) {
      return null;
    }
    String text = rule.path("text").asText("");
    String firmware = rule.path("firmware").asText("");
    return (text.isEmpty() ? "any" : text)
        + (firmware.isEmpty() ? "" : ", device firmware " + firmware)
        + " -> "
        + rule.path("result").asText("?");
  }

  private static int rank(String confidence) {
    return switch (confidence) {
      case "high" -> 0;
      case "medium" -> 1;
      default -> 2;
    };
  }

  private static List<JsonNode> sorted(List<JsonNode> assets) {
    List<JsonNode> out = new ArrayList<>(assets);
    out.sort(Comparator.comparing(DemoSummary::address));
    return out;
  }

  /** The asset's first IP address, else its first MAC, else its id. */
  static String address(JsonNode a) {
    if (a.path("ip").size() > 0) {
      return a.path("ip").get(0).asText();
    }
    if (a.path("mac").size() > 0) {
      return a.path("mac").get(0).asText();
    }
    return a.path("id").asText();
  }

  /** {@code scan}, {@code capture} or both, from the origins of the asset's evidence. */
  static String foundBy(JsonNode a) {
    boolean capture = false;
    boolean scan = false;
    for (JsonNode e : a.path("evidence")) {
      if (e.path("origin").asText().contains("#frame=")) {
        capture = true;
      } else {
        scan = true;
      }
    }
    return capture && scan ? "scan+capture" : capture ? "capture" : scan ? "scan" : "-";
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? flat(n.path(field).asText()) : "-";
  }

  private static String flat(String s) {
    String f = s.replaceAll("\\p{Cntrl}", " ");
    return f.length() > MAX_TEXT ? f.substring(0, MAX_TEXT - 1) + "…" : f;
  }

  private static void line(StringBuilder sb, String label, String text) {
    if (text != null && !text.isEmpty()) {
      sb.append("      ").append(label).append(": ").append(flat(text)).append('\n');
    }
  }

  private static void table(StringBuilder sb, List<String[]> rows) {
    sb.append(TextTable.render(rows.stream().map(List::of).toList()));
  }
}
