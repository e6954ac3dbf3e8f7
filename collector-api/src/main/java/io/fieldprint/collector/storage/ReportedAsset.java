package io.fieldprint.collector.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One asset of an incoming inventory, already validated against the schema. Absent identity fields
 * are empty, never blank strings.
 */
public record ReportedAsset(
    String assetId,
    Optional<String> name,
    Optional<String> vendor,
    Optional<String> product,
    Optional<String> model,
    Optional<String> firmware,
    Optional<String> hardware,
    Optional<String> serial,
    String role,
    List<String> ip,
    List<String> mac,
    List<String> protocols,
    Optional<Instant> firstSeen,
    Optional<Instant> lastSeen,
    List<ReportedEvidence> evidence) {

  /** One evidence entry: which decoder saw what, where, when. */
  public record ReportedEvidence(
      String source, String origin, Optional<Instant> at, String fieldsJson) {}
}
