package io.fieldprint.advisories.csaf;

import java.util.List;

/**
 * {@code product_identification_helper}: the strongest evidence for matching a product.
 *
 * @param cpe CPE 2.3 or 2.2 name, or empty
 * @param purl package URL, or empty
 * @param modelNumbers model numbers, possibly with {@code ?}/{@code *} wildcards
 * @param skus stock keeping units, same wildcards
 * @param serialNumbers serial numbers, same wildcards
 * @param hashes file hashes, one entry per (filename, algorithm, value)
 */
public record ProductIdentificationHelper(
    String cpe,
    String purl,
    List<String> modelNumbers,
    List<String> skus,
    List<String> serialNumbers,
    List<FileHash> hashes) {

  /** A helper with nothing in it. */
  public static final ProductIdentificationHelper NONE =
      new ProductIdentificationHelper("", "", List.of(), List.of(), List.of(), List.of());

  public ProductIdentificationHelper {
    modelNumbers = List.copyOf(modelNumbers);
    skus = List.copyOf(skus);
    serialNumbers = List.copyOf(serialNumbers);
    hashes = List.copyOf(hashes);
  }

  /**
   * One entry of {@code hashes[].file_hashes[]}.
   *
   * @param filename the hashed file's name
   * @param algorithm the digest name ({@code sha256}, {@code md5}...)
   * @param value the hex digest
   */
  public record FileHash(String filename, String algorithm, String value) {}
}
