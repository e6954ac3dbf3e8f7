package io.fieldprint.protocols.decode;

import java.nio.ByteBuffer;

/**
 * Text forms of IPv4 (dotted quad) and IPv6 (RFC 5952) addresses read from a buffer at an absolute
 * offset; the caller has checked the bytes are there.
 */
public final class AddressText {
  private AddressText() {}

  public static String ipv4(ByteBuffer b, int at) {
    return (b.get(at) & 0xFF)
        + "."
        + (b.get(at + 1) & 0xFF)
        + "."
        + (b.get(at + 2) & 0xFF)
        + "."
        + (b.get(at + 3) & 0xFF);
  }

  /** RFC 5952: lower-case hex, leading zeros dropped, the longest run of 2+ zero groups as "::". */
  public static String ipv6(ByteBuffer b, int at) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = b.getShort(at + 2 * i) & 0xFFFF;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(g[i]));
    }
    return out.toString();
  }
}
