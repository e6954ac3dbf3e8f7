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
 * @param maxValues most JSON values (scalars, arrays and objects) in one document; bounds the
 *     memory of the tree (the largest shared CISA document, 705 KB, has about 20,000)
 */
public record CsafLimits(
    int maxBytes, int maxDepth, int maxArrayLength, int maxStringLength, int maxValues) {

  /** 32 MiB, depth 64, 100,000 array elements, 1 MiB strings, 1,000,000 values. */
  public static final CsafLimits DEFAULT =
      new CsafLimits(32 << 20, 64, 100_000, 1 << 20, 1_000_000);
}
