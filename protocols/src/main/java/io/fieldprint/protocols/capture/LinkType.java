package io.fieldprint.protocols.capture;

/**
 * The LINKTYPE_* values (tcpdump.org link-layer header types) fieldprint decodes. {@link
 * CapturedFrame#linkType()} carries the raw value, so values not listed here pass through unchanged
 * and are counted as undecodable by the dissector.
 */
public final class LinkType {
  /** BSD loopback: 4-byte address family in the capturing host's byte order. */
  public static final int NULL = 0;

  /** IEEE 802.3 Ethernet (DLT_EN10MB). */
  public static final int ETHERNET = 1;

  /** Raw IP as some files write DLT_RAW (12 on most systems). */
  public static final int DLT_RAW = 12;

  /** Raw IP as OpenBSD writes DLT_RAW (14). */
  public static final int DLT_RAW_OPENBSD = 14;

  /** Raw IPv4 or IPv6, version taken from the first nibble. */
  public static final int RAW = 101;

  /** OpenBSD loopback: 4-byte address family, always big-endian. */
  public static final int LOOP = 108;

  /** Linux cooked capture v1: 16-byte header, protocol at offset 14. */
  public static final int LINUX_SLL = 113;

  /** Raw IPv4 only. */
  public static final int IPV4 = 228;

  /** Raw IPv6 only. */
  public static final int IPV6 = 229;

  /** Linux cooked capture v2: 20-byte header, protocol at offset 0. */
  public static final int LINUX_SLL2 = 276;

  private LinkType() {}

  /** Short name for summaries ({@code ethernet}, {@code null}, ...), or {@code linktype-N}. */
  public static String name(int linkType) {
    return switch (linkType) {
      case NULL -> "null";
      case ETHERNET -> "ethernet";
      case DLT_RAW, DLT_RAW_OPENBSD, RAW -> "raw";
      case LOOP -> "loop";
      case LINUX_SLL -> "linux-sll";
      case IPV4 -> "ipv4";
      case IPV6 -> "ipv6";
      case LINUX_SLL2 -> "linux-sll2";
      default -> "linktype-" + linkType;
    };
  }

  /** Whether the dissector decodes frames of this link type. */
  public static boolean isSupported(int linkType) {
    return switch (linkType) {
      case NULL, ETHERNET, DLT_RAW, DLT_RAW_OPENBSD, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 ->
          true;
      default -> false;
    };
  }
}
