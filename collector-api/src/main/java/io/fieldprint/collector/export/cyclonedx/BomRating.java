package io.fieldprint.collector.export.cyclonedx;

import java.util.Optional;

/**
 * A CycloneDX {@code ratings[]} entry of a CVSS score.
 *
 * @param source who scored it (the advisory's publisher), or empty
 * @param method {@code CVSSv31}, {@code CVSSv3} or {@code CVSSv2}
 */
public record BomRating(Optional<String> source, double score, String method, String vector) {

  /** The rating of a CVSS vector string, its method read from the vector's prefix. */
  public static BomRating of(Optional<String> source, double score, String vector) {
    String method;
    if (vector.startsWith("CVSS:3.1/")) {
      method = "CVSSv31";
    } else if (vector.startsWith("CVSS:3")) {
      method = "CVSSv3";
    } else if (vector.startsWith("CVSS:4")) {
      method = "CVSSv4";
    } else {
      method = "CVSSv2";
    }
    return new BomRating(source, score, method, vector);
  }

  /**
   * The CVSS qualitative severity of the score (v3/v4 table: 0 none, up to 3.9 low, 6.9 medium, 8.9
   * high, above critical; v2 has no critical).
   */
  public String severity() {
    if (score == 0) {
      return "none";
    }
    if (score < 4) {
      return "low";
    }
    if (score < 7) {
      return "medium";
    }
    if (score < 9 || method.equals("CVSSv2")) {
      return "high";
    }
    return "critical";
  }
}
