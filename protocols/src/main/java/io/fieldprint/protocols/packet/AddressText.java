package io.fieldprint.protocols.packet;

/**
 * Text forms of link and network addresses, built only when a flow is created or a decoder asks:
 * MACs lower-case colon-separated, IPv4 dotted quad, IPv6 per RFC 5952 (lower-case, longest run of
 * two or more zero groups compressed, IPv4-mapped addresses as {@code ::ffff:a.b.c.d}).
 */
final class AddressText {

  /** Low-word marker of an IPv4 address (the IPv4-mapped prefix {@code ::ffff:0:0/96}). */
  static final long IPV4_MAPPED = 0xFFFF_0000_0000L;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private AddressText() {}

  /** A 48-bit MAC in the low bits of {@code mac}, or null when {@code mac} is negative. */
  static String mac(long mac) {
    if (mac < 0) {
      return null;
    }
    char[] text = new char[17];
    for (int i = 0; i < 6; i++) {
      int octet = (int) (mac >>> (40 - 8 * i)) & 0xFF;
      text[i * 3] = HEX[octet >>> 4];
      text[i * 3 + 1] = HEX[octet & 0xF];
      if (i < 5) {
        text[i * 3 + 2] = ':';
      }
    }
    return new String(text);
  }

  static String ipv4(int address) {
    return (address >>> 24)
        + "."
        + ((address >>> 16) & 0xFF)
        + "."
        + ((address >>> 8) & 0xFF)
        + "."
        + (address & 0xFF);
  }

  /** An address in 128-bit form; IPv4 addresses are {@code IPV4_MAPPED | address}. */
  static String ip(boolean ipv6, long high, long low) {
    if (!ipv6) {
      return ipv4((int) low);
    }
    if (high == 0 && (low >>> 32) == 0xFFFF) {
      return "::ffff:" + ipv4((int) low);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 4; i++) {
      groups[i] = (int) (high >>> (48 - 16 * i)) & 0xFFFF;
      groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xFFFF;
    }
    return ipv6(groups);
  }

  private static String ipv6(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
