package io.fieldprint.collector.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * An RSA OpenPGP key made for a test provider: signs detached {@code .asc} files the way CSAF
 * providers do; its armored public key is what an operator puts in a provider's key files.
 */
public final class SigningKey {
  private final PGPKeyPair pair;
  private final PGPPublicKeyRing ring;

  private SigningKey(PGPKeyPair pair, PGPPublicKeyRing ring) {
    this.pair = pair;
    this.ring = ring;
  }

  public static SigningKey generate(String userId) {
    try {
      RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
      rsa.init(
          new RSAKeyGenerationParameters(
              BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 80));
      PGPKeyPair pair =
          new BcPGPKeyPair(
              PublicKeyPacket.VERSION_4,
              PublicKeyAlgorithmTags.RSA_GENERAL,
              rsa.generateKeyPair(),
              new Date());
      PGPKeyRingGenerator generator =
          new PGPKeyRingGenerator(
              PGPSignature.POSITIVE_CERTIFICATION,
              pair,
              userId,
              new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
              null,
              null,
              new BcPGPContentSignerBuilder(
                  PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512),
              null);
      return new SigningKey(pair, generator.generatePublicKeyRing());
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key ring, ASCII-armored. */
  public byte[] armoredPublicKey() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
      ring.encode(armored);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A detached, armored SHA-512 signature over the bytes. */
  public byte[] sign(byte[] document) {
    try {
      PGPSignatureGenerator generator =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(
                  PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512),
              pair.getPublicKey());
      generator.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
      generator.update(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArmoredOutputStream armored = new ArmoredOutputStream(out);
          BCPGOutputStream bcpg = new BCPGOutputStream(armored)) {
        generator.generate().encode(bcpg);
      }
      return out.toByteArray();
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
