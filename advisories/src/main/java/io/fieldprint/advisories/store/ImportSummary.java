package io.fieldprint.advisories.store;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported advisories that were new
 * @param updated advisories replaced by a newer version
 * @param unchanged documents identical to the stored version
 * @param ignored documents older than (or conflicting with) the stored version, with reasons
 * @param rejected documents that could not be used, with reasons
 */
public record ImportSummary(
    int imported, int updated, int unchanged, List<Item> ignored, List<Item> rejected) {
  public ImportSummary {
    ignored = List.copyOf(ignored);
    rejected = List.copyOf(rejected);
  }

  /** Documents looked at. */
  public int total() {
    return imported + updated + unchanged + ignored.size() + rejected.size();
  }

  /**
   * One document that was not taken.
   *
   * @param origin where it was read from
   * @param trackingId its tracking id, or {@code null} when unknown
   * @param reason why
   */
  public record Item(String origin, String trackingId, String reason) {}
}
