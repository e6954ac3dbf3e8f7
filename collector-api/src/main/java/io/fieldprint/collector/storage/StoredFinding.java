package io.fieldprint.collector.storage;

import java.time.Instant;
import java.util.Optional;

/** A posture finding kept for an asset. */
public record StoredFinding(
    String rule,
    String severity,
    String title,
    Optional<String> detail,
    int occurrences,
    Instant firstSeen,
    Instant lastSeen) {}
