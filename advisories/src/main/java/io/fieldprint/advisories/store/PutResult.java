package io.fieldprint.advisories.store;

/**
 * What the store did with one submitted document.
 *
 * @param outcome the outcome
 * @param trackingId the document's tracking id
 * @param version the submitted tracking version
 * @param reason why, for {@link Outcome#IGNORED}; otherwise a short description
 */
public record PutResult(Outcome outcome, String trackingId, String version, String reason) {

  /** The outcomes of a put. */
  public enum Outcome {
    /** The advisory was not in the store. */
    IMPORTED,
    /** A newer version replaced the stored one. */
    UPDATED,
    /** The stored version is the same document. */
    UNCHANGED,
    /** The stored version is newer, or the same version with other content; it was kept. */
    IGNORED
  }
}
