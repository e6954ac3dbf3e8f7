package io.fieldprint.collector.alerts;

import io.fieldprint.collector.storage.CorrelationStore.Alert;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert as an ArcSight CEF record: {@code CEF:0|fieldprint|fieldprint|version|rule|name|
 * severity|extension}. Header fields escape {@code \} and {@code |}; extension values escape {@code
 * \}, {@code =} and line breaks.
 */
public final class CefMessage {
  private CefMessage() {}

  public static String format(Alert alert, String productVersion) {
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put("rt", Long.toString(alert.createdAt().toEpochMilli()));
    ext.put("cat", "advisory-match/" + alert.kind());
    ext.put("cs1Label", "site");
    ext.put("cs1", alert.siteId());
    ext.put("cs2Label", "asset");
    ext.put("cs2", alert.assetUid());
    ext.put("cs3Label", "advisory");
    ext.put("cs3", alert.advisoryId() + " v" + alert.advisoryVersion());
    ext.put("cs4Label", "confidence");
    ext.put("cs4", alert.confidence().wire());
    alert.tlp().ifPresent(t -> ext.put("cs5Label", "tlp"));
    alert.tlp().ifPresent(t -> ext.put("cs5", t));
    alert.cvss().ifPresent(s -> ext.put("cfp1Label", "cvss"));
    alert.cvss().ifPresent(s -> ext.put("cfp1", Double.toString(s)));
    ext.put("externalId", Long.toString(alert.id()));
    StringBuilder out = new StringBuilder("CEF:0|fieldprint|fieldprint|");
    out.append(header(productVersion)).append('|');
    out.append(header(alert.advisoryId())).append('|');
    out.append(header(alert.title())).append('|');
    out.append(severity(alert)).append('|');
    String sep = "";
    for (Map.Entry<String, String> e : ext.entrySet()) {
      out.append(sep).append(e.getKey()).append('=').append(extension(e.getValue()));
      sep = " ";
    }
    return out.toString();
  }

  /** CVSS rounded to 0-10; without a score, by confidence (high 7, medium 5, low 3). */
  static int severity(Alert alert) {
    if (alert.cvss().isPresent()) {
      return (int) Math.max(0, Math.min(10, Math.round(alert.cvss().get())));
    }
    return switch (alert.confidence()) {
      case HIGH -> 7;
      case MEDIUM -> 5;
      case LOW -> 3;
    };
  }

  static String header(String v) {
    return oneLine(v).replace("\\", "\\\\").replace("|", "\\|");
  }

  static String extension(String v) {
    return v.replace("\\", "\\\\")
        .replace("=", "\\=")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  private static String oneLine(String v) {
    return v == null ? "" : v.replace('\r', ' ').replace('\n', ' ');
  }
}
