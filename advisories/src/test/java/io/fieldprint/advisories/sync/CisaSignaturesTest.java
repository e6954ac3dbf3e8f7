package io.fieldprint.advisories.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.advisories.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.junit.jupiter.api.Test;

/**
 * CISA's public key is not in the shared data, so its signatures cannot be verified here; this
 * checks that every real {@code .asc} parses as an OpenPGP detached signature and names, as its
 * issuer, the fingerprint shipped in {@code config/csaf-providers/cisa.json}.
 */
class CisaSignaturesTest {

  @Test
  void everyRealCisaSignatureNamesTheFingerprintInTheShippedConfig() throws IOException {
    Path config =
        Path.of(System.getProperty("user.dir")).resolve("../config/csaf-providers/cisa.json");
    String configured =
        new ObjectMapper().readTree(config.toFile()).path("key_fingerprints").get(0).asText();
    Map<String, Integer> issuers = new TreeMap<>();
    for (Path doc : SharedData.cisaDocuments()) {
      byte[] asc = Files.readAllBytes(Path.of(doc + ".asc"));
      issuers.merge(issuer(asc), 1, Integer::sum);
    }

    assertEquals(Map.of(configured, SharedData.cisaDocuments().size()), issuers);
  }

  private static String issuer(byte[] asc) throws IOException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(asc))) {
      PGPSignatureList list = (PGPSignatureList) new BcPGPObjectFactory(in).nextObject();
      PGPSignature sig = list.get(0);
      IssuerFingerprint fp =
          (IssuerFingerprint)
              sig.getHashedSubPackets().getSubpacket(SignatureSubpacketTags.ISSUER_FINGERPRINT);
      return fp == null ? "no issuer fingerprint" : Fingerprints.of(fp.getFingerprint());
    }
  }
}
