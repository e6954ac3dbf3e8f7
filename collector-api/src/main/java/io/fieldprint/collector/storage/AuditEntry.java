package io.fieldprint.collector.storage;

import java.time.Instant;
import java.util.Optional;

/** One line of the append-only audit log. */
public record AuditEntry(
    long id, Instant at, String actor, String action, Optional<String> siteId, String detail) {}
