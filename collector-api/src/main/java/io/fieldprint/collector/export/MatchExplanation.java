package io.fieldprint.collector.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the exports read from a stored match explanation (the inventory's {@code $defs/match}
 * object): the asset id, the CVEs, the highest CVSS and the remediation. A member that is missing
 * or of the wrong type reads as absent.
 */
public record MatchExplanation(
    Optional<String> assetId,
    Optional<String> title,
    Optional<String> product,
    List<String> cves,
    Optional<Double> cvssScore,
    Optional<String> cvssVector,
    Optional<String> fixedVersion,
    Optional<String> remediationCategory,
    Optional<String> remediationDetails,
    Optional<String> remediationUrl) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public MatchExplanation {
    cves = List.copyOf(cves);
  }

  /** Reads an explanation; text that is not a JSON object gives an all-absent explanation. */
  public static MatchExplanation parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      root = JSON.createObjectNode();
    }
    List<String> cves = new ArrayList<>();
    root.path("cves").forEach(c -> text(c).ifPresent(cves::add));
    JsonNode cvss = root.path("cvss");
    JsonNode fix = root.path("remediation");
    return new MatchExplanation(
        text(root.path("assetId")),
        text(root.path("title")),
        text(root.path("product")),
        cves,
        cvss.path("score").isNumber()
            ? Optional.of(cvss.path("score").doubleValue())
            : Optional.empty(),
        text(cvss.path("vector")),
        text(fix.path("fixedVersion")),
        text(fix.path("category")),
        text(fix.path("details")),
        text(fix.path("url")));
  }

  /** Whether one of the CVEs is in the KEV catalog. */
  public boolean kev(java.util.Set<String> kevCves) {
    return cves.stream().anyMatch(kevCves::contains);
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
  }
}
