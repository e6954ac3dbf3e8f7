package io.fieldprint.collector.storage;

import java.time.Instant;
import java.util.Optional;

/** The latest evidence of one decoder from one origin for an asset. */
public record StoredEvidence(
    String source,
    String origin,
    Optional<Instant> observedAt,
    String fieldsJson,
    Instant receivedAt) {}
