package io.fieldprint.protocols.opcua;

import java.util.Map;

/** Names of the StatusCodes (Part 4 §7.39, Part 6 Annex A) a passive decoder commonly meets. */
final class StatusCodes {
  private static final Map<Long, String> NAMES =
      Map.ofEntries(
          Map.entry(0x00000000L, "Good"),
          Map.entry(0x80010000L, "Bad_UnexpectedError"),
          Map.entry(0x80020000L, "Bad_InternalError"),
          Map.entry(0x80060000L, "Bad_EncodingError"),
          Map.entry(0x80070000L, "Bad_DecodingError"),
          Map.entry(0x80080000L, "Bad_EncodingLimitsExceeded"),
          Map.entry(0x800B0000L, "Bad_ServiceUnsupported"),
          Map.entry(0x800D0000L, "Bad_ServerNotConnected"),
          Map.entry(0x80130000L, "Bad_SecurityChecksFailed"),
          Map.entry(0x80140000L, "Bad_CertificateTimeInvalid"),
          Map.entry(0x80170000L, "Bad_CertificateUriInvalid"),
          Map.entry(0x80180000L, "Bad_CertificateUseNotAllowed"),
          Map.entry(0x801A0000L, "Bad_CertificateUntrusted"),
          Map.entry(0x801F0000L, "Bad_UserAccessDenied"),
          Map.entry(0x80200000L, "Bad_IdentityTokenInvalid"),
          Map.entry(0x80210000L, "Bad_IdentityTokenRejected"),
          Map.entry(0x80220000L, "Bad_SecureChannelIdInvalid"),
          Map.entry(0x80250000L, "Bad_SessionIdInvalid"),
          Map.entry(0x80260000L, "Bad_SessionClosed"),
          Map.entry(0x80270000L, "Bad_SessionNotActivated"),
          Map.entry(0x80280000L, "Bad_SubscriptionIdInvalid"),
          Map.entry(0x80340000L, "Bad_NodeIdUnknown"),
          Map.entry(0x80350000L, "Bad_AttributeIdInvalid"),
          Map.entry(0x80540000L, "Bad_SecurityModeRejected"),
          Map.entry(0x80550000L, "Bad_SecurityPolicyRejected"),
          Map.entry(0x80560000L, "Bad_TooManySessions"),
          Map.entry(0x80790000L, "Bad_NoSubscription"),
          Map.entry(0x807E0000L, "Bad_TcpMessageTypeInvalid"),
          Map.entry(0x807F0000L, "Bad_TcpSecureChannelUnknown"),
          Map.entry(0x80800000L, "Bad_TcpMessageTooLarge"),
          Map.entry(0x80830000L, "Bad_TcpEndpointUrlInvalid"),
          Map.entry(0x80860000L, "Bad_SecureChannelClosed"),
          Map.entry(0x80BE0000L, "Bad_ProtocolVersionUnsupported"));

  private StatusCodes() {}

  /** The symbolic name, or {@code null} for codes not in the table. */
  static String name(long code) {
    return NAMES.get(code & 0xFFFF0000L);
  }

  /** {@code 0x80340000}. */
  static String hex(long code) {
    return String.format("0x%08X", code);
  }
}
