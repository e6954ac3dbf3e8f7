package io.fieldprint.advisories.csaf;

/**
 * Bounds applied before a CSAF document is turned into records, so a huge or hostile document is
 * rejected with a reason instead of exhausting memory. The defaults are far above the largest real
 * advisory (the biggest CISA document is about 2 MB, 424 leaves, 1283 relationships).
 *
 * @param maxBytes largest document accepted, in bytes
 * @param maxDepth deepest JSON nesting accepted (CSAF branches of real documents are 3 deep)
 * @param maxArrayLength longest JSON array accepted
 * @param maxStringLength longest JSON string accepted, in characters
 */
public record CsafLimits(int maxBytes, int maxDepth, int maxArrayLength, int maxStringLength) {

  /** 32 MiB, depth 64, 100,000 array elements, 1 MiB strings. */
  public static final CsafLimits DEFAULT = new CsafLimits(32 << 20, 64, 100_000, 1 << 20);
}
