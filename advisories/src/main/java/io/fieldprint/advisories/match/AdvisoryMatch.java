package io.fieldprint.advisories.match;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An advisory matched to an asset: the fields of the inventory's {@code $defs/match}.
 *
 * @param assetId the asset
 * @param advisoryId CSAF {@code document.tracking.id}
 * @param title advisory title
 * @param cves CVE ids affecting the matched product, sorted
 * @param cvss highest CVSS (v3.x, else v2) of those CVEs, or {@code null}
 * @param product the advisory product the asset matched (branch path text)
 * @param versionRule the advisory's version rule and how the firmware compared with it
 * @param productMatch how the device matched the product
 * @param confidence level and reason
 * @param remediation vendor fix or fixed version, or {@code null}
 * @param tlp TLP label, or {@code null}
 * @param published initial release date, or {@code null}
 * @param updated current release date, or {@code null}
 */
public record AdvisoryMatch(
    String assetId,
    String advisoryId,
    String title,
    List<String> cves,
    Cvss cvss,
    String product,
    VersionRule versionRule,
    ProductMatch productMatch,
    Confidence confidence,
    Fix remediation,
    String tlp,
    Instant published,
    Instant updated) {

  public AdvisoryMatch {
    cves = List.copyOf(cves);
  }

  /**
   * A CVSS score.
   *
   * @param score base score
   * @param vector vector string
   */
  public record Cvss(double score, String vector) {}

  /** Confidence levels, strongest first. */
  public enum Level {
    HIGH,
    MEDIUM,
    LOW
  }

  /**
   * How sure the match is.
   *
   * @param level high (exact model, version in range), medium (name or family, version in range),
   *     low (product matched, version unknown)
   * @param reason why
   */
  public record Confidence(Level level, String reason) {}

  /**
   * What fixes it.
   *
   * @param category the CSAF remediation category ({@code vendor_fix}), or {@code null}
   * @param details the remediation text, or {@code null}
   * @param url the link, or {@code null}
   * @param fixedVersion the first fixed version from the range's upper bound, or {@code null}
   */
  public record Fix(String category, String details, String url, String fixedVersion) {}

  /** The JSON object of {@code $defs/match}, keys sorted; absent values are {@code null}. */
  public Map<String, Object> toJson() {
    Map<String, Object> out = new TreeMap<>();
    out.put("assetId", assetId);
    out.put("advisoryId", advisoryId);
    out.put("title", title);
    out.put("cves", cves);
    out.put("cvss", cvss == null ? null : sorted("score", cvss.score(), "vector", cvss.vector()));
    out.put("product", product);
    out.put("versionRule", new TreeMap<>(versionRule.toJson()));
    Map<String, Object> conf = new TreeMap<>();
    conf.put("level", confidence.level().name().toLowerCase(Locale.ROOT));
    conf.put("reason", confidence.reason());
    conf.put("match", productMatch.kind().name().toLowerCase(Locale.ROOT));
    out.put("confidence", conf);
    out.put("remediation", remediation == null ? null : fixJson(remediation));
    out.put("tlp", tlp);
    out.put("published", published == null ? null : published.toString());
    out.put("updated", updated == null ? null : updated.toString());
    return out;
  }

  private static Map<String, Object> fixJson(Fix fix) {
    Map<String, Object> out = new TreeMap<>();
    out.put("category", fix.category());
    out.put("details", fix.details());
    out.put("url", fix.url());
    out.put("fixedVersion", fix.fixedVersion());
    return out;
  }

  private static Map<String, Object> sorted(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> out = new TreeMap<>();
    out.put(k1, v1);
    out.put(k2, v2);
    return out;
  }
}
