package io.fieldprint.collector.storage;

import java.time.Instant;

/** A plant or location whose agents report to the collector. */
public record Site(String id, String name, Instant createdAt) {}
