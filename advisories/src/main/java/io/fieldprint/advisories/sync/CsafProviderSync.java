package io.fieldprint.advisories.sync;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows CSAF providers (OASIS CSAF 2.0 section 7) and hands new or changed, verified documents to
 * a {@link SyncSink}.
 *
 * <pre>{@code
 * var sync = new CsafProviderSync(SyncLimits.defaults(), CsafSchemaCheck.load(schemaDir));
 * SyncReport report = sync.sync(ProviderConfigs.load(dir).providers(), state, sink);
 * }</pre>
 *
 * <p>Per provider: fetch {@code provider-metadata.json}; resolve the trusted keys ({@link
 * ProviderKeys}); read the listing (ROLIE feeds, else {@code changes.csv}, else {@code index.txt});
 * skip every document whose listing date is not newer than the one remembered in the {@link
 * SyncState} (every line is compared, the order of the listing is never trusted); fetch and verify
 * the rest ({@link DocumentVerifier}) up to {@link SyncLimits#maxDocumentsPerRun()}. A rejected
 * document leaves its state untouched, so the previous good version stays and the document is tried
 * again next run. Providers are synced one after another; one failing provider does not stop the
 * others.
 */
public final class CsafProviderSync {
  private final SyncLimits limits;
  private final DocumentCheck check;
  private final CsafReader reader;
  private final HttpFetcher http;

  public CsafProviderSync(SyncLimits limits, DocumentCheck check) {
    this(limits, check, new CsafReader());
  }

  public CsafProviderSync(SyncLimits limits, DocumentCheck check, CsafReader reader) {
    this.limits = limits;
    this.check = check;
    this.reader = reader;
    this.http = new HttpFetcher(limits);
  }

  /** Syncs every provider in turn. */
  public SyncReport sync(List<ProviderConfig> providers, SyncState state, SyncSink sink) {
    List<SyncReport.ProviderReport> reports = new ArrayList<>();
    for (ProviderConfig provider : providers) {
      reports.add(sync(provider, state, sink));
    }
    return new SyncReport(reports);
  }

  /** Syncs one provider. */
  public SyncReport.ProviderReport sync(ProviderConfig config, SyncState state, SyncSink sink) {
    ProviderRun run = new ProviderRun(config.name());
    Optional<ProviderMetadata> metadata = metadata(config, run);
    if (metadata.isPresent()) {
      ProviderKeys.Resolved keys = ProviderKeys.resolve(config, metadata.get(), http, state);
      keys.problems().forEach(run::error);
      if (keys.trusted().isEmpty() && config.requireSignatures()) {
        run.error(
            "no trusted OpenPGP key, so no document can be accepted: configure"
                + " key_fingerprints or key_files, or enable trust_on_first_use");
      } else {
        List<DocumentRef> listing =
            new ProviderListing(http, limits).read(config, metadata.get(), run);
        DocumentVerifier verifier =
            new DocumentVerifier(
                http, limits, config, new SignatureCheck(keys.trusted()), check, reader);
        syncDocuments(config, listing, state, sink, verifier, run);
      }
    }
    try {
      state.commit();
    } catch (IOException e) {
      run.error("sync state not saved: " + e.getMessage());
    }
    return run.report();
  }

  private Optional<ProviderMetadata> metadata(ProviderConfig config, ProviderRun run) {
    Fetched f = http.get(config.metadataUrl(), limits.maxListingBytes());
    if (f instanceof Fetched.Failed failed) {
      run.error("provider-metadata.json not fetched: " + failed.reason());
      return Optional.empty();
    }
    Fetched.Body body = (Fetched.Body) f;
    ProviderMetadata.Parsed parsed = ProviderMetadata.parse(body.bytes(), body.uri());
    if (parsed instanceof ProviderMetadata.Rejected r) {
      run.error(r.reason());
      return Optional.empty();
    }
    return Optional.of(((ProviderMetadata.Read) parsed).metadata());
  }

  private void syncDocuments(
      ProviderConfig config,
      List<DocumentRef> listing,
      SyncState state,
      SyncSink sink,
      DocumentVerifier verifier,
      ProviderRun run) {
    run.listed = listing.size();
    int waiting = 0;
    for (DocumentRef ref : listing) {
      Optional<DocumentState> previous = state.document(config.name(), ref.url());
      if (previous.isPresent() && !newer(ref, previous.get())) {
        run.unchanged++;
        continue;
      }
      if (run.fetched >= limits.maxDocumentsPerRun()) {
        waiting++;
        continue;
      }
      run.fetched++;
      DocumentVerifier.Outcome outcome = verifier.verify(ref);
      if (outcome instanceof DocumentVerifier.Rejected r) {
        run.rejected.add(new SyncReport.Rejection(ref.url(), r.reason()));
        sink.rejected(config.name(), ref.url(), r.reason());
        continue;
      }
      DocumentVerifier.Accepted accepted = (DocumentVerifier.Accepted) outcome;
      record(config, ref, accepted, previous, state, sink, run);
    }
    if (waiting > 0) {
      run.error(
          waiting
              + " documents left for the next run (maxDocumentsPerRun "
              + limits.maxDocumentsPerRun()
              + ")");
    }
  }

  private static void record(
      ProviderConfig config,
      DocumentRef ref,
      DocumentVerifier.Accepted accepted,
      Optional<DocumentState> previous,
      SyncState state,
      SyncSink sink,
      ProviderRun run) {
    CsafDocument doc = accepted.document();
    String sha256 = HashFile.digest("SHA-256", accepted.bytes());
    CsafDocument.Tracking tracking = doc.tracking();
    Instant released =
        tracking == null || tracking.currentReleaseDate() == null
            ? Instant.EPOCH
            : tracking.currentReleaseDate();
    String version = tracking == null || tracking.version() == null ? "" : tracking.version();
    state.accepted(
        config.name(), ref.url(), new DocumentState(ref.listed(), released, version, sha256));
    if (previous.isPresent() && previous.get().sha256().equals(sha256)) {
      run.unchanged++;
      return;
    }
    if (previous.isPresent()) {
      run.changed++;
    } else {
      run.added++;
    }
    sink.accepted(config.name(), ref.url(), accepted.bytes(), doc);
  }

  /** Whether the listing says the document moved since it was accepted. */
  private static boolean newer(DocumentRef ref, DocumentState previous) {
    if (ref.listed().isEmpty()) {
      return false;
    }
    return previous.listed().isEmpty() || ref.listed().get().isAfter(previous.listed().get());
  }

  /** Counters and lines for one provider's report. */
  static final class ProviderRun {
    private final String provider;
    int listed;
    int fetched;
    int added;
    int changed;
    int unchanged;
    final List<SyncReport.Rejection> rejected = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    ProviderRun(String provider) {
      this.provider = provider;
    }

    void error(String line) {
      errors.add(line);
    }

    SyncReport.ProviderReport report() {
      return new SyncReport.ProviderReport(
          provider, listed, fetched, added, changed, unchanged, rejected, errors);
    }
  }
}
