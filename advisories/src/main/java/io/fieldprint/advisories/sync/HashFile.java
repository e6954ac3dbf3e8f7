package io.fieldprint.advisories.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A CSAF integrity file (requirement 18): the hex digest first, optionally followed by at least one
 * space and the file name ({@code sha512sum} output). SHA-512 and SHA-256 are understood.
 *
 * @param algorithm {@code SHA-512} or {@code SHA-256}
 * @param hex the digest in lower-case hex
 * @param fileName the file name after the digest, if any (a leading {@code *} binary marker
 *     removed)
 */
record HashFile(String algorithm, String hex, Optional<String> fileName) {

  /** Reads a hash file for an algorithm, or explains why it is not one. */
  static Optional<HashFile> parse(byte[] bytes, String algorithm, StringBuilder why) {
    String text = new String(bytes, StandardCharsets.US_ASCII).strip();
    String[] parts = text.split("\\s+", 2);
    String hex = parts[0].toLowerCase(Locale.ROOT);
    int expected = algorithm.equals("SHA-512") ? 128 : 64;
    if (hex.length() != expected || !hex.matches("[0-9a-f]+")) {
      why.append(algorithm).append(" file does not start with a ").append(expected);
      why.append("-digit hex digest");
      return Optional.empty();
    }
    Optional<String> name =
        parts.length == 2
            ? Optional.of(parts[1].strip().replaceFirst("^\\*", ""))
            : Optional.empty();
    return Optional.of(new HashFile(algorithm, hex, name.filter(n -> !n.isEmpty())));
  }

  /** Why the document does not match this hash file, or empty when it does. */
  Optional<String> mismatch(byte[] document, String documentFileName) {
    String actual = digest(algorithm, document);
    if (!actual.equals(hex)) {
      return Optional.of(
          algorithm + " mismatch: file says " + hex + ", document hashes to " + actual);
    }
    if (fileName.isPresent() && !fileName.get().equals(documentFileName)) {
      return Optional.of(algorithm + " file names " + fileName.get() + ", not " + documentFileName);
    }
    return Optional.empty();
  }

  static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " missing from the JDK", e);
    }
  }
}
