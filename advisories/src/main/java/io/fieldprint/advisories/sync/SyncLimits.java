package io.fieldprint.advisories.sync;

import java.time.Duration;

/**
 * Bounds on everything a provider can make a sync do. Validated at construction.
 *
 * @param maxDocumentBytes largest CSAF document accepted; a longer response is cut off and the
 *     document rejected
 * @param maxListingBytes largest {@code provider-metadata.json}, ROLIE feed, {@code index.txt} or
 *     {@code changes.csv}
 * @param connectTimeout TCP and TLS connect timeout
 * @param requestTimeout time for one whole exchange, headers and body
 * @param maxDocumentsPerRun documents fetched per provider and run; the rest wait for the next run
 * @param maxRedirects redirects followed per request (requirement 6 says providers use none)
 * @param minRequestInterval polite gap between two requests to one host
 * @param allowPlainHttp whether {@code http://} is allowed to hosts other than loopback
 */
public record SyncLimits(
    long maxDocumentBytes,
    long maxListingBytes,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxDocumentsPerRun,
    int maxRedirects,
    Duration minRequestInterval,
    boolean allowPlainHttp) {

  /** Signature and hash files are small; anything larger is not one. */
  static final int MAX_SIDECAR_BYTES = 64 * 1024;

  public SyncLimits {
    require(maxDocumentBytes > 0, "maxDocumentBytes must be positive");
    require(maxListingBytes > 0, "maxListingBytes must be positive");
    require(positive(connectTimeout), "connectTimeout must be positive");
    require(positive(requestTimeout), "requestTimeout must be positive");
    require(maxDocumentsPerRun > 0, "maxDocumentsPerRun must be positive");
    require(maxRedirects >= 0 && maxRedirects <= 10, "maxRedirects must be within 0..10");
    require(
        minRequestInterval != null && !minRequestInterval.isNegative(),
        "minRequestInterval must not be negative");
  }

  /**
   * 50 MB per document (the size test 6.3.x of CSAF warns about is 15 MB), 20 MB per listing, 10 s
   * connect, 60 s per exchange, 5,000 documents per run, 3 redirects, 200 ms between requests to
   * one host, HTTPS only except to loopback.
   */
  public static SyncLimits defaults() {
    return new SyncLimits(
        50L * 1024 * 1024,
        20L * 1024 * 1024,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        5_000,
        3,
        Duration.ofMillis(200),
        false);
  }

  /** A copy with another document size cap. */
  public SyncLimits withMaxDocumentBytes(long bytes) {
    return new SyncLimits(
        bytes,
        maxListingBytes,
        connectTimeout,
        requestTimeout,
        maxDocumentsPerRun,
        maxRedirects,
        minRequestInterval,
        allowPlainHttp);
  }

  /** A copy with another per-run document budget. */
  public SyncLimits withMaxDocumentsPerRun(int documents) {
    return new SyncLimits(
        maxDocumentBytes,
        maxListingBytes,
        connectTimeout,
        requestTimeout,
        documents,
        maxRedirects,
        minRequestInterval,
        allowPlainHttp);
  }

  /** A copy with another gap between requests to one host. */
  public SyncLimits withMinRequestInterval(Duration interval) {
    return new SyncLimits(
        maxDocumentBytes,
        maxListingBytes,
        connectTimeout,
        requestTimeout,
        maxDocumentsPerRun,
        maxRedirects,
        interval,
        allowPlainHttp);
  }

  /** A copy that allows (or again refuses) plain {@code http://} to hosts other than loopback. */
  public SyncLimits withPlainHttpAllowed(boolean allowed) {
    return new SyncLimits(
        maxDocumentBytes,
        maxListingBytes,
        connectTimeout,
        requestTimeout,
        maxDocumentsPerRun,
        maxRedirects,
        minRequestInterval,
        allowed);
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
