package io.fieldprint.collector.storage;

import java.util.Optional;

/**
 * Filters, order and page of an asset listing. {@code vendor} is compared case-insensitively;
 * {@code text} is a case-insensitive substring of name, vendor, product, model, serial, IP or MAC;
 * {@code protocol} one protocol the asset spoke; {@code hasMatch} whether it has (true) or lacks
 * (false) a current advisory match; {@code kevOnly} keeps assets matching an advisory with a CVE in
 * the KEV catalog; {@code finding} a posture rule, or {@link #ANY_FINDING}.
 */
public record AssetQuery(
    Optional<String> vendor,
    Optional<String> role,
    Optional<String> text,
    Optional<String> protocol,
    Optional<Boolean> hasMatch,
    boolean kevOnly,
    Optional<String> finding,
    AssetSort sort,
    int limit,
    int offset) {
  /** The {@code finding} filter that keeps assets with any finding. */
  public static final String ANY_FINDING = "any";

  /** Vendor and role only, by asset id. */
  public AssetQuery(Optional<String> vendor, Optional<String> role, int limit, int offset) {
    this(
        vendor,
        role,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        AssetSort.BY_ID,
        limit,
        offset);
  }
}
