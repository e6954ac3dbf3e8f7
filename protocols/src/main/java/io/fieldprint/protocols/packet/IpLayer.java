package io.fieldprint.protocols.packet;

/**
 * Decodes IPv4 and IPv6 headers into the {@link PacketView}: addresses, the transport protocol and
 * its byte range. Fragments are recognised but not reassembled: only whole datagrams go on.
 */
final class IpLayer {
  static final int DECODED = 0;
  static final int TRUNCATED = 1;
  static final int MALFORMED = 2;

  /** A fragment of a fragmented datagram (first or later); not decoded further. */
  static final int FRAGMENT = 3;

  static final int TCP = 6;
  static final int UDP = 17;

  private static final int HOP_BY_HOP = 0;
  private static final int ROUTING = 43;
  private static final int FRAGMENT_HEADER = 44;
  private static final int AUTHENTICATION = 51;
  private static final int DESTINATION_OPTIONS = 60;

  private final int maxExtensionHeaders;

  /** Why the last packet was malformed, for the warning. */
  String problem;

  IpLayer(int maxExtensionHeaders) {
    this.maxExtensionHeaders = maxExtensionHeaders;
  }

  /**
   * IPv4: version/IHL u8, DSCP u8, total length u16, identification u16, flags/fragment offset u16,
   * TTL u8, protocol u8, checksum u16 (not verified), source u32, destination u32, options to
   * IHL*4. A total length of 0 (TSO captures) means "the captured bytes".
   */
  int ipv4(PacketView v) {
    int o = v.networkOffset;
    int available = v.networkEnd - o;
    if (available < 20) {
      return TRUNCATED;
    }
    int versionAndLength = v.u8(o);
    int headerLength = (versionAndLength & 0x0F) * 4;
    if (versionAndLength >>> 4 != 4 || headerLength < 20) {
      return malformed(
          "IPv4 version/header length byte 0x" + Integer.toHexString(versionAndLength));
    }
    if (available < headerLength) {
      return TRUNCATED;
    }
    int total = v.u16(o + 2);
    if (total == 0) {
      total = available;
    } else if (total < headerLength) {
      return malformed("IPv4 total length " + total + " below header length " + headerLength);
    }
    v.ipv6 = false;
    v.sourceHigh = 0;
    v.sourceLow = AddressText.IPV4_MAPPED | Integer.toUnsignedLong(v.i32(o + 12));
    v.destinationHigh = 0;
    v.destinationLow = AddressText.IPV4_MAPPED | Integer.toUnsignedLong(v.i32(o + 16));
    v.ipProtocol = v.u8(o + 9);
    int fragment = v.u16(o + 6);
    if ((fragment & 0x3FFF) != 0) {
      return FRAGMENT;
    }
    v.transportOffset = o + headerLength;
    v.transportEnd = o + Math.min(total, available);
    v.transportMissing = Math.max(0, total - available);
    return DECODED;
  }

  /**
   * IPv6: version/class/flow u32, payload length u16, next header u8, hop limit u8, source 16
   * bytes, destination 16 bytes, then a bounded chain of extension headers. A payload length of 0
   * (jumbogram, TSO) means "the captured bytes".
   */
  int ipv6(PacketView v) {
    int o = v.networkOffset;
    int available = v.networkEnd - o;
    if (available < 40) {
      return TRUNCATED;
    }
    if (v.u8(o) >>> 4 != 6) {
      return malformed("IPv6 version nibble " + (v.u8(o) >>> 4));
    }
    int payloadLength = v.u16(o + 4);
    int total = payloadLength == 0 ? available : 40 + payloadLength;
    v.ipv6 = true;
    v.sourceHigh = v.i64(o + 8);
    v.sourceLow = v.i64(o + 16);
    v.destinationHigh = v.i64(o + 24);
    v.destinationLow = v.i64(o + 32);
    int end = o + Math.min(total, available);
    v.transportMissing = Math.max(0, total - available);
    return extensionHeaders(v, v.u8(o + 6), o + 40, end);
  }

  /** Follows hop-by-hop, routing, destination options, fragment and AH headers. */
  private int extensionHeaders(PacketView v, int next, int p, int end) {
    for (int i = 0; i <= maxExtensionHeaders; i++) {
      int length;
      switch (next) {
        case HOP_BY_HOP, ROUTING, DESTINATION_OPTIONS -> {
          if (p + 2 > end) {
            return TRUNCATED;
          }
          length = (v.u8(p + 1) + 1) * 8;
        }
        case AUTHENTICATION -> {
          if (p + 2 > end) {
            return TRUNCATED;
          }
          length = (v.u8(p + 1) + 2) * 4;
        }
        case FRAGMENT_HEADER -> {
          if (p + 8 > end) {
            return TRUNCATED;
          }
          if ((v.u16(p + 2) & 0xFFF9) != 0) {
            v.ipProtocol = v.u8(p);
            return FRAGMENT;
          }
          length = 8;
        }
        default -> {
          v.ipProtocol = next;
          v.transportOffset = p;
          v.transportEnd = end;
          return DECODED;
        }
      }
      if (p + length > end) {
        return TRUNCATED;
      }
      next = v.u8(p);
      p += length;
    }
    return malformed("more than " + maxExtensionHeaders + " IPv6 extension headers");
  }

  private int malformed(String why) {
    problem = why;
    return MALFORMED;
  }
}
