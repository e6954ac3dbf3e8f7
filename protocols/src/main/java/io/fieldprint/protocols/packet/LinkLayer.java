package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.capture.LinkType;

/**
 * Decodes the link-layer header of a frame into the {@link PacketView}: MAC offsets, VLAN id,
 * EtherType and the payload range. Raw-IP and loopback link types get the EtherType of their IP
 * version so the network layer is dispatched one way.
 */
final class LinkLayer {
  static final int ETHERTYPE_IPV4 = 0x0800;
  static final int ETHERTYPE_IPV6 = 0x86DD;
  static final int ETHERTYPE_VLAN = 0x8100;
  static final int ETHERTYPE_QINQ = 0x88A8;
  static final int ETHERTYPE_QINQ_OLD = 0x9100;

  /** The smallest EtherType; smaller values in that field are 802.3 lengths. */
  static final int MIN_ETHERTYPE = 0x0600;

  /** Outcome: the header was decoded (the EtherType may still be -1: nothing to hand on). */
  static final int DECODED = 0;

  /** Outcome: the frame ends inside the link-layer header. */
  static final int TRUNCATED = 1;

  /** Outcome: an unsupported link type or an unknown loopback address family. */
  static final int UNSUPPORTED = 2;

  private final int maxVlanTags;

  LinkLayer(int maxVlanTags) {
    this.maxVlanTags = maxVlanTags;
  }

  int decode(PacketView v) {
    return switch (v.linkType) {
      case LinkType.ETHERNET -> ethernet(v);
      case LinkType.NULL -> loopback(v, false);
      case LinkType.LOOP -> loopback(v, true);
      case LinkType.LINUX_SLL -> cooked(v, 16, 14, 4, 6);
      case LinkType.LINUX_SLL2 -> cooked(v, 20, 0, 11, 12);
      case LinkType.RAW, LinkType.DLT_RAW, LinkType.DLT_RAW_OPENBSD, LinkType.IPV4, LinkType.IPV6 ->
          rawIp(v, 0);
      default -> UNSUPPORTED;
    };
  }

  /** Destination MAC, source MAC, then EtherType or VLAN tags (TPID u16, TCI u16) or a length. */
  private int ethernet(PacketView v) {
    if (v.length() < 14) {
      return TRUNCATED;
    }
    v.destinationMacOffset = 0;
    v.sourceMacOffset = 6;
    int offset = 12;
    int type = v.u16(offset);
    for (int tags = 0; isVlanTag(type) && tags < maxVlanTags; tags++) {
      if (v.length() < offset + 6) {
        return TRUNCATED;
      }
      v.vlanId = v.u16(offset + 2) & 0x0FFF;
      offset += 4;
      type = v.u16(offset);
    }
    v.etherType = type >= MIN_ETHERTYPE && !isVlanTag(type) ? type : -1;
    v.networkOffset = offset + 2;
    v.networkEnd = v.length();
    return DECODED;
  }

  static boolean isVlanTag(int type) {
    return type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD;
  }

  /**
   * BSD loopback: a 4-byte address family, in the capturing host's byte order for NULL (told apart
   * by the value: families are small numbers) and big-endian for LOOP. 2 = IPv4; 24, 28, 30 = IPv6
   * (NetBSD/OpenBSD, FreeBSD, Darwin).
   */
  private int loopback(PacketView v, boolean bigEndian) {
    if (v.length() < 4) {
      return TRUNCATED;
    }
    int family = v.i32(0);
    if (!bigEndian && (family & 0xFFFF_0000) != 0) {
      family = Integer.reverseBytes(family);
    }
    int type =
        switch (family) {
          case 2 -> ETHERTYPE_IPV4;
          case 24, 28, 30 -> ETHERTYPE_IPV6;
          default -> -1;
        };
    if (type < 0) {
      return UNSUPPORTED;
    }
    v.etherType = type;
    v.networkOffset = 4;
    v.networkEnd = v.length();
    return DECODED;
  }

  /**
   * Linux cooked capture. SLL (16 bytes): packet type u16, ARPHRD u16, address length u16, address
   * 8 bytes, protocol u16 at 14. SLL2 (20 bytes): protocol u16 at 0, reserved u16, interface index
   * u32, ARPHRD u16, packet type u8, address length u8 at 11, address 8 bytes at 12. The address is
   * the sender's; it is a MAC when its length is 6.
   */
  private int cooked(
      PacketView v, int headerLength, int protocolOffset, int addressLengthOffset, int address) {
    if (v.length() < headerLength) {
      return TRUNCATED;
    }
    int addressLength = headerLength == 16 ? v.u16(addressLengthOffset) : v.u8(addressLengthOffset);
    if (addressLength == 6) {
      v.sourceMacOffset = address;
    }
    int protocol = v.u16(protocolOffset);
    v.etherType = protocol >= MIN_ETHERTYPE ? protocol : -1;
    v.networkOffset = headerLength;
    v.networkEnd = v.length();
    return DECODED;
  }

  /** Raw IP: the version nibble of the first byte decides. */
  private int rawIp(PacketView v, int offset) {
    if (v.length() <= offset) {
      return TRUNCATED;
    }
    int version = v.u8(offset) >>> 4;
    v.etherType = version == 4 ? ETHERTYPE_IPV4 : version == 6 ? ETHERTYPE_IPV6 : -1;
    if (v.etherType < 0) {
      return UNSUPPORTED;
    }
    v.networkOffset = offset;
    v.networkEnd = v.length();
    return DECODED;
  }
}
