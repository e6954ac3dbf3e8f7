package io.fieldprint.advisories.store;

import java.time.Instant;

/**
 * A document that could not be used, as recorded.
 *
 * @param sequence its place in the store's change sequence
 * @param origin where it came from
 * @param trackingId its tracking id when known, else {@code null}
 * @param reason why it was rejected
 * @param at when
 */
public record Rejection(
    long sequence, String origin, String trackingId, String reason, Instant at) {

  /**
   * A rejection to record.
   *
   * @param origin where it came from
   * @param trackingId its tracking id when known, else {@code null}
   * @param reason why it was rejected
   */
  public record New(String origin, String trackingId, String reason) {}
}
