package io.fieldprint.advisories.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/** Reads OpenPGP public key rings (armored or binary) with Bouncy Castle. */
final class OpenPgpKeys {
  private OpenPgpKeys() {}

  /** The outcome of reading keys. */
  sealed interface Parsed {}

  /**
   * Key rings read.
   *
   * @param rings at least one
   */
  record Read(List<PGPPublicKeyRing> rings) implements Parsed {}

  record Rejected(String reason) implements Parsed {}

  static Parsed read(byte[] bytes, String source) {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
      PGPPublicKeyRingCollection collection =
          new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
      List<PGPPublicKeyRing> rings = new ArrayList<>();
      collection.getKeyRings().forEachRemaining(rings::add);
      if (rings.isEmpty()) {
        return new Rejected(source + " holds no OpenPGP public key");
      }
      return new Read(rings);
    } catch (IOException | PGPException | RuntimeException e) {
      return new Rejected(source + " is not an OpenPGP public key: " + e.getMessage());
    }
  }

  /** The primary key's fingerprint, upper-case hex. */
  static String fingerprint(PGPPublicKeyRing ring) {
    return Fingerprints.of(ring.getPublicKey().getFingerprint());
  }

  /** The key (primary or subkey) with this key id in any of the rings. */
  static Optional<PGPPublicKey> find(List<PGPPublicKeyRing> rings, long keyId) {
    for (PGPPublicKeyRing ring : rings) {
      Iterator<PGPPublicKey> keys = ring.getPublicKeys();
      while (keys.hasNext()) {
        PGPPublicKey key = keys.next();
        if (key.getKeyID() == keyId) {
          return Optional.of(key);
        }
      }
    }
    return Optional.empty();
  }
}
