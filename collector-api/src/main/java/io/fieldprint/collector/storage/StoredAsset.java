package io.fieldprint.collector.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An asset as the collector knows it after merging every report of its site. */
public record StoredAsset(
    String uid,
    String siteId,
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
    Instant firstSeen,
    Instant lastSeen) {}
