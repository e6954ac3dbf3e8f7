package io.fieldprint.advisories.sync;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One CSAF provider to follow, as configured in {@code config/csaf-providers/NAME.json}.
 *
 * @param name short identifier ({@code [a-z0-9_-]+}); the key of the provider's sync state
 * @param metadataUrl its {@code provider-metadata.json}
 * @param keyFingerprints OpenPGP fingerprints the operator trusts for this provider (upper-case
 *     hex); a key file or published key with another fingerprint is not trusted
 * @param keyFiles local key files; trusted when {@code keyFingerprints} is empty or lists them
 * @param trustOnFirstUse whether keys published in the metadata are trusted without a configured
 *     fingerprint: the first sync pins what it sees, later syncs only trust the pinned keys
 * @param requireSignatures whether a document without a good signature is rejected
 * @param requireHashes whether a document without a {@code .sha512} or {@code .sha256} is rejected
 * @param distribution which distribution to read
 */
public record ProviderConfig(
    String name,
    URI metadataUrl,
    Set<String> keyFingerprints,
    List<Path> keyFiles,
    boolean trustOnFirstUse,
    boolean requireSignatures,
    boolean requireHashes,
    Distribution distribution) {

  public ProviderConfig {
    if (name == null || !name.matches("[a-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("provider name must match [a-z0-9_-]{1,64}: " + name);
    }
    if (metadataUrl == null || !metadataUrl.isAbsolute()) {
      throw new IllegalArgumentException("metadata_url must be an absolute URL: " + metadataUrl);
    }
    Set<String> normalised = new TreeSet<>();
    for (String f : keyFingerprints) {
      String n = Fingerprints.normalise(f);
      if (!n.matches("[0-9A-F]{40}|[0-9A-F]{64}")) {
        throw new IllegalArgumentException(
            "key fingerprint must be 40 (v4) or 64 (v6) hex digits: " + f);
      }
      normalised.add(n);
    }
    keyFingerprints = Set.copyOf(normalised);
    keyFiles = List.copyOf(keyFiles);
    if (distribution == null) {
      throw new IllegalArgumentException("distribution must be auto, rolie or directory");
    }
  }

  /** A provider with the defaults: signatures and hashes required, no TOFU, auto distribution. */
  public static ProviderConfig of(String name, URI metadataUrl, Set<String> fingerprints) {
    return new ProviderConfig(
        name, metadataUrl, fingerprints, List.of(), false, true, true, Distribution.AUTO);
  }

  static Distribution distribution(String text) {
    return Distribution.valueOf(text.toUpperCase(Locale.ROOT));
  }
}
