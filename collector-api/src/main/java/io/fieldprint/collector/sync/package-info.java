/**
 * The collector's advisory sync and the coordination of its background jobs.
 *
 * <p>{@link io.fieldprint.collector.sync.AdvisorySyncJob} runs the advisories module's {@code
 * CsafProviderSync} over {@code advisories.providers}, with its state in the collector's database
 * and accepted documents imported through {@code AdvisoryImporter}; {@link
 * io.fieldprint.collector.sync.SyncRuns} records each provider's run. {@link
 * io.fieldprint.collector.sync.JobLock} makes each round of each background job (sync, correlation,
 * alert delivery) run on one collector at a time when several share one PostgreSQL.
 */
package io.fieldprint.collector.sync;
