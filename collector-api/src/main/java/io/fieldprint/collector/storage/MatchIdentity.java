package io.fieldprint.collector.storage;

import java.util.Optional;

/**
 * The fields of an asset that advisory matching reads: when one of them changes the asset is due
 * for correlation again, and a match computed for one identity is only stored while the asset still
 * has it.
 */
record MatchIdentity(
    Optional<String> vendor,
    Optional<String> product,
    Optional<String> model,
    Optional<String> firmware,
    Optional<String> hardware) {

  static MatchIdentity of(StoredAsset a) {
    return new MatchIdentity(a.vendor(), a.product(), a.model(), a.firmware(), a.hardware());
  }
}
