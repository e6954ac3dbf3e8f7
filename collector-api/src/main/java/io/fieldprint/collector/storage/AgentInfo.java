package io.fieldprint.collector.storage;

import java.time.Instant;
import java.util.Optional;

/** A registered agent as shown to people: when it last reported and with which version. */
public record AgentInfo(
    String id,
    String siteId,
    String name,
    Instant createdAt,
    Optional<Instant> lastSeen,
    Optional<String> version) {}
