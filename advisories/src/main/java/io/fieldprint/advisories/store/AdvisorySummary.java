package io.fieldprint.advisories.store;

import java.time.Instant;

/**
 * The columns of a stored advisory, without its document.
 *
 * @param namespace {@code document.publisher.namespace}
 * @param trackingId {@code document.tracking.id}
 * @param version {@code document.tracking.version}
 * @param currentReleaseDate {@code document.tracking.current_release_date}, or {@code null}
 * @param title {@code document.title}
 * @param tlp the TLP label, or empty
 * @param origin where this version was read from
 * @param sha256 SHA-256 of the document bytes, hex
 * @param sequence the change sequence value of the last change
 * @param storedAt when this version was stored
 */
public record AdvisorySummary(
    String namespace,
    String trackingId,
    String version,
    Instant currentReleaseDate,
    String title,
    String tlp,
    String origin,
    String sha256,
    long sequence,
    Instant storedAt) {}
