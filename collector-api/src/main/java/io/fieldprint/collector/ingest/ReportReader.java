package io.fieldprint.collector.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.collector.config.RequestLimits;
import io.fieldprint.collector.storage.ReportedAsset;
import io.fieldprint.collector.storage.ReportedFinding;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a report body: {@code {"reportId": ..., "site": ..., "agent": {"version": ...},
 * "inventory": {...}}}. Bounded by the request limits while parsing (string length, depth) and
 * after (array lengths), then the inventory is checked against its JSON Schema. Never throws for
 * bad input: every refusal is a {@link ReportParse.Rejected}.
 */
public final class ReportReader {
  static final int MAX_DETAILS = 20;
  private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final ObjectMapper mapper;
  private final BodyLimits limits;
  private final InventorySchema schema = new InventorySchema();

  public ReportReader(RequestLimits limits) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(limits.maxStringLength())
                    .maxNestingDepth(limits.maxDepth())
                    .maxNumberLength(64)
                    .build())
            .build();
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.limits = new BodyLimits(limits);
  }

  public ReportParse read(byte[] body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      return new ReportParse.Rejected(
          "body is not acceptable JSON: " + e.getOriginalMessage(), List.of());
    } catch (IOException e) {
      return new ReportParse.Rejected("body cannot be read", List.of());
    }
    if (root == null || !root.isObject()) {
      return new ReportParse.Rejected("body must be a JSON object", List.of());
    }
    Optional<String> tooBig = limits.violation(root);
    if (tooBig.isPresent()) {
      return new ReportParse.Rejected("request limit exceeded: " + tooBig.get(), List.of());
    }
    return envelope(root);
  }

  private ReportParse envelope(JsonNode root) {
    String reportId = root.path("reportId").asText("");
    if (!root.path("reportId").isTextual() || !REPORT_ID.matcher(reportId).matches()) {
      return new ReportParse.Rejected(
          "reportId must be 1-128 characters of A-Z a-z 0-9 . _ : -", List.of());
    }
    JsonNode site = root.path("site");
    if (!site.isMissingNode() && !site.isTextual()) {
      return new ReportParse.Rejected("site must be a string", List.of());
    }
    JsonNode version = root.path("agent").path("version");
    if (!version.isMissingNode() && !version.isTextual()) {
      return new ReportParse.Rejected("agent.version must be a string", List.of());
    }
    JsonNode inventory = root.path("inventory");
    if (!inventory.isObject()) {
      return new ReportParse.Rejected("inventory must be an inventory document", List.of());
    }
    List<String> violations = schema.violations(inventory, MAX_DETAILS);
    if (!violations.isEmpty()) {
      return new ReportParse.Rejected("inventory does not match the inventory schema", violations);
    }
    try {
      return new ReportParse.Parsed(
          reportId,
          site.isTextual() ? Optional.of(site.asText()) : Optional.empty(),
          version.isTextual() ? Optional.of(version.asText()) : Optional.empty(),
          assets(inventory.path("assets")),
          findings(inventory.path("findings")));
    } catch (DateTimeParseException e) {
      return new ReportParse.Rejected("inventory has a timestamp that is not RFC 3339", List.of());
    }
  }

  private List<ReportedAsset> assets(JsonNode array) {
    List<ReportedAsset> out = new ArrayList<>(array.size());
    for (JsonNode a : array) {
      List<ReportedAsset.ReportedEvidence> evidence = new ArrayList<>();
      for (JsonNode e : a.path("evidence")) {
        evidence.add(
            new ReportedAsset.ReportedEvidence(
                e.path("source").asText(),
                e.path("origin").asText(),
                instant(e.path("at")),
                e.path("fields").toString()));
      }
      out.add(
          new ReportedAsset(
              a.path("id").asText(),
              text(a, "name"),
              text(a, "vendor"),
              text(a, "product"),
              text(a, "model"),
              text(a, "firmware"),
              text(a, "hardware"),
              text(a, "serial"),
              a.path("role").asText(),
              strings(a.path("ip")),
              strings(a.path("mac")),
              strings(a.path("protocols")),
              instant(a.path("firstSeen")),
              instant(a.path("lastSeen")),
              evidence));
    }
    return out;
  }

  private static List<ReportedFinding> findings(JsonNode array) {
    List<ReportedFinding> out = new ArrayList<>(array.size());
    for (JsonNode f : array) {
      out.add(
          new ReportedFinding(
              f.path("assetId").asText(),
              f.path("rule").asText(),
              f.path("severity").asText(),
              f.path("title").asText(),
              f.path("detail").isTextual() ? f.path("detail").asText() : null,
              f.path("occurrences").asInt(1)));
    }
    return out;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Optional<Instant> instant(JsonNode v) {
    return v.isTextual()
        ? Optional.of(OffsetDateTime.parse(v.asText()).toInstant())
        : Optional.empty();
  }
}
