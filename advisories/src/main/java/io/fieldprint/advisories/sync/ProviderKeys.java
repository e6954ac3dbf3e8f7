package io.fieldprint.advisories.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * Decides which OpenPGP keys a provider's signatures are checked against (requirement 20).
 *
 * <ul>
 *   <li>Key files from the configuration: trusted when no fingerprint is configured, or when their
 *       fingerprint is configured.
 *   <li>Keys published in {@code public_openpgp_keys}: fetched, and trusted only when the
 *       fingerprint computed from the key (not the one the metadata declares) is configured or was
 *       pinned by an earlier trust-on-first-use sync; with trust-on-first-use and nothing pinned
 *       yet, the published keys are trusted and pinned.
 * </ul>
 */
final class ProviderKeys {
  private static final long MAX_KEY_BYTES = 1024 * 1024;

  private ProviderKeys() {}

  /**
   * The keys to trust and what went wrong on the way.
   *
   * @param trusted key rings to verify against
   * @param problems one line per key that was not usable or not trusted
   */
  record Resolved(List<PGPPublicKeyRing> trusted, List<String> problems) {}

  static Resolved resolve(
      ProviderConfig config, ProviderMetadata metadata, HttpFetcher http, SyncState state) {
    List<PGPPublicKeyRing> trusted = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    fromFiles(config, trusted, problems);
    published(config, metadata, http, state, trusted, problems);
    return new Resolved(trusted, problems);
  }

  private static void fromFiles(
      ProviderConfig config, List<PGPPublicKeyRing> trusted, List<String> problems) {
    Set<String> configured = config.keyFingerprints();
    for (Path file : config.keyFiles()) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        problems.add("key file " + file + " unreadable: " + e.getMessage());
        continue;
      }
      for (PGPPublicKeyRing ring : rings(bytes, file.toString(), problems)) {
        String fp = OpenPgpKeys.fingerprint(ring);
        if (configured.isEmpty() || configured.contains(fp)) {
          trusted.add(ring);
        } else {
          problems.add("key file " + file + " holds key " + fp + ", not a configured fingerprint");
        }
      }
    }
  }

  private static void published(
      ProviderConfig config,
      ProviderMetadata metadata,
      HttpFetcher http,
      SyncState state,
      List<PGPPublicKeyRing> trusted,
      List<String> problems) {
    Set<String> configured = config.keyFingerprints();
    Set<String> pinned = state.pinnedKeys(config.name());
    boolean firstUse = config.trustOnFirstUse() && pinned.isEmpty() && configured.isEmpty();
    for (ProviderMetadata.PublishedKey key : metadata.publicKeys()) {
      Fetched f = http.get(key.url(), MAX_KEY_BYTES);
      if (f instanceof Fetched.Failed failed) {
        problems.add("published key " + key.url() + ": " + failed.reason());
        continue;
      }
      for (PGPPublicKeyRing ring :
          rings(((Fetched.Body) f).bytes(), key.url().toString(), problems)) {
        String fp = OpenPgpKeys.fingerprint(ring);
        if (key.fingerprint().isPresent() && !key.fingerprint().get().equals(fp)) {
          problems.add(
              "published key "
                  + key.url()
                  + " is "
                  + fp
                  + ", metadata declares "
                  + key.fingerprint().get());
        } else if (configured.contains(fp) || pinned.contains(fp)) {
          trusted.add(ring);
        } else if (firstUse) {
          state.pinKey(config.name(), fp);
          trusted.add(ring);
        } else {
          problems.add("published key " + fp + " is not trusted (configure its fingerprint)");
        }
      }
    }
  }

  private static List<PGPPublicKeyRing> rings(byte[] bytes, String source, List<String> problems) {
    OpenPgpKeys.Parsed parsed = OpenPgpKeys.read(bytes, source);
    if (parsed instanceof OpenPgpKeys.Rejected r) {
      problems.add(r.reason());
      return List.of();
    }
    return ((OpenPgpKeys.Read) parsed).rings();
  }
}
