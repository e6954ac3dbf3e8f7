package io.fieldprint.advisories.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * What a sync remembers about the last good version of one document.
 *
 * @param listed the date the provider's listing gave when it was fetched (compared with the next
 *     listing), if the listing had one
 * @param currentReleaseDate the document's {@code /document/tracking/current_release_date}
 * @param trackingVersion its {@code /document/tracking/version}
 * @param sha256 SHA-256 of the accepted bytes, lower-case hex
 */
public record DocumentState(
    Optional<Instant> listed, Instant currentReleaseDate, String trackingVersion, String sha256) {}
