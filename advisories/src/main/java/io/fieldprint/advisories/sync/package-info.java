/**
 * Synchronises CSAF 2.0 advisories from providers the way the standard describes (OASIS CSAF 2.0,
 * section 7): {@code provider-metadata.json} (requirement 7), ROLIE feeds (requirement 15) or the
 * directory-based distribution with {@code index.txt} and {@code changes.csv} (requirements 11 to
 * 13), integrity hashes (requirement 18) and OpenPGP signatures (requirements 19 and 20).
 *
 * <p>Entry point: {@link io.fieldprint.advisories.sync.CsafProviderSync}. Give it the providers
 * ({@link io.fieldprint.advisories.sync.ProviderConfigs#load}), a {@link
 * io.fieldprint.advisories.sync.SyncState} (what was seen last time) and a {@link
 * io.fieldprint.advisories.sync.SyncSink} (where accepted documents and rejections go); it returns
 * a {@link io.fieldprint.advisories.sync.SyncReport}.
 */
package io.fieldprint.advisories.sync;
