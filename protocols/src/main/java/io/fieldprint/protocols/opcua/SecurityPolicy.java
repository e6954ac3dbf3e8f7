package io.fieldprint.protocols.opcua;

/**
 * What fieldprint knows about a SecurityPolicyUri (Part 7 §6.6): its short name, whether it is
 * deprecated, and the length of the symmetric signature that ends every MessageChunk on a signed
 * channel (HMAC-SHA1 20 bytes, HMAC-SHA2-256 32). The ECC policies of UA 1.05 are not in the table:
 * their chunk layout was not verified, so their Sign channels are reported but not decoded.
 */
public final class SecurityPolicy {
  /** The policy URI prefix. */
  public static final String PREFIX = "http://opcfoundation.org/UA/SecurityPolicy#";

  public static final String NONE = PREFIX + "None";
  public static final String BASIC128RSA15 = PREFIX + "Basic128Rsa15";
  public static final String BASIC256 = PREFIX + "Basic256";
  public static final String BASIC256SHA256 = PREFIX + "Basic256Sha256";
  public static final String AES128_SHA256_RSAOAEP = PREFIX + "Aes128_Sha256_RsaOaep";
  public static final String AES256_SHA256_RSAPSS = PREFIX + "Aes256_Sha256_RsaPss";

  private SecurityPolicy() {}

  /** Whether {@code uri} is the None policy (no security). */
  public static boolean isNone(String uri) {
    return NONE.equals(uri);
  }

  /** Basic128Rsa15 and Basic256 (SHA-1 based, deprecated since UA 1.04). */
  public static boolean isDeprecated(String uri) {
    return BASIC128RSA15.equals(uri) || BASIC256.equals(uri);
  }

  /** The part after {@code #} for known-prefix URIs, else the URI itself. */
  public static String shortName(String uri) {
    if (uri == null) {
      return null;
    }
    return uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : uri;
  }

  /**
   * Bytes of the symmetric signature at the end of each chunk on a Sign channel, or -1 when the
   * policy is unknown to fieldprint (its chunks are then not decoded).
   */
  public static int symmetricSignatureLength(String uri) {
    String name = uri == null || !uri.startsWith(PREFIX) ? "" : uri.substring(PREFIX.length());
    switch (name) {
      case "Basic128Rsa15":
      case "Basic256":
        return 20;
      case "Basic256Sha256":
      case "Aes128_Sha256_RsaOaep":
      case "Aes256_Sha256_RsaPss":
        return 32;
      default:
        return -1;
    }
  }
}
