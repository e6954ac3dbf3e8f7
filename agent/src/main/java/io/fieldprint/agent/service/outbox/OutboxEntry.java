package io.fieldprint.agent.service.outbox;

import java.time.Instant;

/**
 * One report waiting in the outbox.
 *
 * @param sequence the outbox's own order (oldest first)
 * @param reportId the report id the collector deduplicates on
 * @param createdAt when the report was written
 * @param body the request body as stored (gzip-compressed UTF-8 JSON)
 */
public record OutboxEntry(long sequence, String reportId, Instant createdAt, StoredBody body) {}
