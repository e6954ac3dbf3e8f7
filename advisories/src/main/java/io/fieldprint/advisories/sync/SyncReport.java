package io.fieldprint.advisories.sync;

import java.net.URI;
import java.util.List;

/**
 * The outcome of a sync, per provider.
 *
 * @param providers one report per provider, in configuration order
 */
public record SyncReport(List<ProviderReport> providers) {
  public SyncReport {
    providers = List.copyOf(providers);
  }

  /** Whether any provider had an error or a rejected document. */
  public boolean hasProblems() {
    return providers.stream().anyMatch(p -> !p.errors().isEmpty() || !p.rejected().isEmpty());
  }

  /**
   * One provider's sync.
   *
   * @param provider its configured name
   * @param listed documents its listing named
   * @param fetched documents downloaded this run
   * @param added accepted documents not seen before
   * @param changed accepted documents that replace an earlier version
   * @param unchanged listed documents not fetched because the listing date did not move, or fetched
   *     and byte-identical to the version held
   * @param rejected documents not accepted, with the reason
   * @param errors provider-level problems (metadata, listing, keys, budget), one line each
   */
  public record ProviderReport(
      String provider,
      int listed,
      int fetched,
      int added,
      int changed,
      int unchanged,
      List<Rejection> rejected,
      List<String> errors) {
    public ProviderReport {
      rejected = List.copyOf(rejected);
      errors = List.copyOf(errors);
    }
  }

  /**
   * A document not accepted.
   *
   * @param url the document
   * @param reason one line
   */
  public record Rejection(URI url, String reason) {}
}
