package io.fieldprint.protocols.x509;

import java.util.List;

/** Result of decoding a DER certificate or a concatenated chain of them. */
public sealed interface CertificateChain
    permits CertificateChain.Decoded, CertificateChain.Malformed {

  /**
   * Every certificate, in the order they appear (for OPC UA: the application certificate first).
   */
  record Decoded(List<CertificateInfo> certificates) implements CertificateChain {
    public Decoded {
      certificates = List.copyOf(certificates);
    }

    /** The first certificate (the leaf in an OPC UA chain). */
    public CertificateInfo leaf() {
      return certificates.get(0);
    }
  }

  /** Bytes that are not a certificate, with the reason. */
  record Malformed(String reason) implements CertificateChain {}
}
