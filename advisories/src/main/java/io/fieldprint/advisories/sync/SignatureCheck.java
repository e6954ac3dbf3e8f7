package io.fieldprint.advisories.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Verifies an OpenPGP detached signature ({@code .asc}, requirement 19) over a document against the
 * trusted keys of a provider. A signature is good when at least one of its signature packets was
 * made by a trusted key (primary or subkey) and verifies over the exact document bytes.
 */
final class SignatureCheck {
  private final List<PGPPublicKeyRing> trusted;

  SignatureCheck(List<PGPPublicKeyRing> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** Whether any key is trusted at all. */
  boolean hasKeys() {
    return !trusted.isEmpty();
  }

  /** Why the signature does not prove the document, or empty when it does. */
  Optional<String> problem(byte[] document, byte[] signature) {
    PGPSignatureList signatures;
    try {
      signatures = signatures(signature);
    } catch (IOException | PGPException | RuntimeException e) {
      return Optional.of("signature file is not an OpenPGP signature: " + e.getMessage());
    }
    if (signatures == null || signatures.isEmpty()) {
      return Optional.of("signature file holds no OpenPGP signature");
    }
    String last = "no signature packet";
    for (PGPSignature sig : signatures) {
      Optional<PGPPublicKey> key = OpenPgpKeys.find(trusted, sig.getKeyID());
      if (key.isEmpty()) {
        last = "signed by key " + String.format("%016X", sig.getKeyID()) + ", which is not trusted";
        continue;
      }
      try {
        sig.init(new BcPGPContentVerifierBuilderProvider(), key.get());
        sig.update(document);
        if (sig.verify()) {
          return Optional.empty();
        }
        last =
            "signature by trusted key "
                + String.format("%016X", sig.getKeyID())
                + " does not match the document";
      } catch (PGPException | RuntimeException e) {
        last = "signature could not be verified: " + e.getMessage();
      }
    }
    return Optional.of(last);
  }

  private static PGPSignatureList signatures(byte[] bytes) throws IOException, PGPException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
      BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
      Object o = factory.nextObject();
      if (o instanceof PGPCompressedData compressed) {
        o = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
      }
      return o instanceof PGPSignatureList list ? list : null;
    }
  }
}
