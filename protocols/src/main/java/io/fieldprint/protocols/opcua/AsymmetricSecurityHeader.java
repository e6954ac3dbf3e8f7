package io.fieldprint.protocols.opcua;

/**
 * Asymmetric algorithm security header of OPN chunks (Part 6 §6.7.2.3), never encrypted:
 * SecurityPolicyUri String (at most 255 bytes), SenderCertificate ByteString (DER, possibly a
 * chain; null with policy None), ReceiverCertificateThumbprint ByteString (SHA-1 of the receiver's
 * certificate; null with policy None).
 *
 * @param securityPolicyUri the channel's SecurityPolicyUri
 * @param senderCertificate the sender's certificate chain, or {@code null}
 * @param receiverCertificateThumbprint the receiver certificate's thumbprint, or {@code null}
 */
public record AsymmetricSecurityHeader(
    String securityPolicyUri, byte[] senderCertificate, byte[] receiverCertificateThumbprint) {

  public static AsymmetricSecurityHeader read(UaBinaryReader r) {
    String policy = r.readString();
    byte[] certificate = r.readByteString();
    return new AsymmetricSecurityHeader(policy, certificate, r.readByteString());
  }
}
