package io.fieldprint.protocols.packet;

/** Decodes TCP and UDP headers into the {@link PacketView}: ports, sequence, flags, payload. */
final class TransportLayer {
  static final int DECODED = 0;
  static final int TRUNCATED = 1;
  static final int MALFORMED = 2;

  /** Why the last header was malformed, for the warning. */
  String problem;

  /**
   * TCP: source port u16, destination port u16, sequence u32, acknowledgment u32, data offset u4 +
   * flags u12, window u16, checksum u16, urgent u16, options up to the data offset.
   */
  int tcp(PacketView v) {
    int o = v.transportOffset;
    int available = v.transportEnd - o;
    if (available < 20) {
      return cut(v, "TCP header of " + available + " bytes");
    }
    int headerLength = (v.u8(o + 12) >>> 4) * 4;
    if (headerLength < 20) {
      return malformed("TCP data offset " + headerLength + " below 20");
    }
    if (headerLength > available) {
      return cut(
          v, "TCP data offset " + headerLength + " beyond the segment's " + available + " bytes");
    }
    v.sourcePort = v.u16(o);
    v.destinationPort = v.u16(o + 2);
    v.tcpSequence = v.i32(o + 4);
    v.tcpFlags = v.u16(o + 12) & 0x01FF;
    v.payloadOffset = o + headerLength;
    v.payloadEnd = v.transportEnd;
    return DECODED;
  }

  /**
   * UDP: source port u16, destination port u16, length u16 (header included; 0 in IPv6 jumbograms),
   * checksum u16. A datagram the capture cut short is {@link #TRUNCATED}: decoders only see whole
   * datagrams.
   */
  int udp(PacketView v) {
    int o = v.transportOffset;
    int available = v.transportEnd - o;
    if (available < 8) {
      return cut(v, "UDP header of " + available + " bytes");
    }
    int length = v.u16(o + 4);
    int onWire = available + v.transportMissing;
    if (length == 0 && v.ipv6) {
      length = onWire;
    }
    if (length < 8 || length > onWire) {
      return malformed("UDP length " + length + " does not fit the " + onWire + " byte IP payload");
    }
    if (length > available) {
      return TRUNCATED;
    }
    v.sourcePort = v.u16(o);
    v.destinationPort = v.u16(o + 2);
    v.payloadOffset = o + 8;
    v.payloadEnd = o + length;
    return DECODED;
  }

  /** Header cut short: by the capture (snaplen) it is truncation, otherwise malformed. */
  private int cut(PacketView v, String what) {
    return v.transportMissing > 0 ? TRUNCATED : malformed(what);
  }

  private int malformed(String why) {
    problem = why;
    return MALFORMED;
  }
}
