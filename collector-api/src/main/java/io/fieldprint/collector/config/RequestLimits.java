package io.fieldprint.collector.config;

/**
 * Bounds on every request the collector accepts (requests past them get 400 or 413).
 *
 * @param maxBodyBytes largest request body
 * @param maxAssetsPerReport most assets in one report's inventory
 * @param maxFindingsPerReport most findings in one report's inventory (a site's findings grow with
 *     its assets: several per device are common)
 * @param maxArrayLength longest array anywhere in a request body other than the assets and findings
 *     arrays
 * @param maxStringLength longest string anywhere in a request body (characters)
 * @param maxDepth deepest nesting of objects and arrays in a request body
 * @param maxPageSize most items one list request returns
 */
public record RequestLimits(
    long maxBodyBytes,
    int maxAssetsPerReport,
    int maxFindingsPerReport,
    int maxArrayLength,
    int maxStringLength,
    int maxDepth,
    int maxPageSize) {
  public static final RequestLimits DEFAULTS =
      new RequestLimits(16L * 1024 * 1024, 10_000, 100_000, 1_000, 8_192, 32, 500);
}
