package io.fieldprint.protocols.packet;

import java.time.Duration;

/**
 * Bounds on the dissector's state, so memory does not grow with the capture.
 *
 * @param maxTcpFlows connections tracked at once; the least recently active is evicted beyond it
 * @param tcpIdleTimeout a connection idle this long in capture time is closed
 * @param maxBufferedBytesPerDirection bytes of one unfinished PDU kept per direction; PDUs longer
 *     than this (or than the protocol's maximum) are unframeable
 * @param maxOutOfOrderBytesPerDirection bytes held after a hole; beyond it the hole is skipped
 * @param maxOutOfOrderSegmentsPerDirection segments held after a hole
 * @param maxBufferedBytesTotal all buffered TCP bytes of all connections together
 * @param sniffBytes first bytes per direction buffered to recognise a protocol on an unknown port
 * @param maxUnframeableBytes bytes skipped while resynchronising before a direction is dropped
 * @param maxVlanTags 802.1Q/802.1ad tags followed in one frame
 * @param maxIpv6ExtensionHeaders IPv6 extension headers followed in one packet
 * @param maxWarnings warnings the dissector reports before it only counts them
 */
public record DissectorLimits(
    int maxTcpFlows,
    Duration tcpIdleTimeout,
    int maxBufferedBytesPerDirection,
    int maxOutOfOrderBytesPerDirection,
    int maxOutOfOrderSegmentsPerDirection,
    long maxBufferedBytesTotal,
    int sniffBytes,
    int maxUnframeableBytes,
    int maxVlanTags,
    int maxIpv6ExtensionHeaders,
    int maxWarnings) {

  public DissectorLimits {
    positive(maxTcpFlows, "maxTcpFlows");
    if (tcpIdleTimeout.isNegative() || tcpIdleTimeout.isZero()) {
      throw new IllegalArgumentException("tcpIdleTimeout must be positive: " + tcpIdleTimeout);
    }
    positive(maxBufferedBytesPerDirection, "maxBufferedBytesPerDirection");
    positive(maxOutOfOrderBytesPerDirection, "maxOutOfOrderBytesPerDirection");
    positive(maxOutOfOrderSegmentsPerDirection, "maxOutOfOrderSegmentsPerDirection");
    positive(maxBufferedBytesTotal, "maxBufferedBytesTotal");
    positive(sniffBytes, "sniffBytes");
    positive(maxUnframeableBytes, "maxUnframeableBytes");
    positive(maxVlanTags, "maxVlanTags");
    positive(maxIpv6ExtensionHeaders, "maxIpv6ExtensionHeaders");
    if (maxWarnings < 0) {
      throw new IllegalArgumentException("maxWarnings must not be negative: " + maxWarnings);
    }
  }

  /**
   * 65,536 connections, 300 s idle, 256 KiB per unfinished PDU, 128 KiB / 64 segments after a hole,
   * 64 MiB buffered in all, 256 sniff bytes, 64 KiB unframeable, 8 VLAN tags, 8 IPv6 extension
   * headers, 1,000 warnings.
   */
  public static DissectorLimits defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** Builds limits from the defaults. */
  public static final class Builder {
    private int maxTcpFlows = 65_536;
    private Duration tcpIdleTimeout = Duration.ofSeconds(300);
    private int maxBufferedBytesPerDirection = 256 * 1024;
    private int maxOutOfOrderBytesPerDirection = 128 * 1024;
    private int maxOutOfOrderSegmentsPerDirection = 64;
    private long maxBufferedBytesTotal = 64L << 20;
    private int sniffBytes = 256;
    private int maxUnframeableBytes = 64 * 1024;
    private int maxVlanTags = 8;
    private int maxIpv6ExtensionHeaders = 8;
    private int maxWarnings = 1000;

    private Builder() {}

    public Builder maxTcpFlows(int value) {
      maxTcpFlows = value;
      return this;
    }

    public Builder tcpIdleTimeout(Duration value) {
      tcpIdleTimeout = value;
      return this;
    }

    public Builder maxBufferedBytesPerDirection(int value) {
      maxBufferedBytesPerDirection = value;
      return this;
    }

    public Builder maxOutOfOrderBytesPerDirection(int value) {
      maxOutOfOrderBytesPerDirection = value;
      return this;
    }

    public Builder maxOutOfOrderSegmentsPerDirection(int value) {
      maxOutOfOrderSegmentsPerDirection = value;
      return this;
    }

    public Builder maxBufferedBytesTotal(long value) {
      maxBufferedBytesTotal = value;
      return this;
    }

    public Builder sniffBytes(int value) {
      sniffBytes = value;
      return this;
    }

    public Builder maxUnframeableBytes(int value) {
      maxUnframeableBytes = value;
      return this;
    }

    public Builder maxVlanTags(int value) {
      maxVlanTags = value;
      return this;
    }

    public Builder maxIpv6ExtensionHeaders(int value) {
      maxIpv6ExtensionHeaders = value;
      return this;
    }

    public Builder maxWarnings(int value) {
      maxWarnings = value;
      return this;
    }

    public DissectorLimits build() {
      return new DissectorLimits(
          maxTcpFlows,
          tcpIdleTimeout,
          maxBufferedBytesPerDirection,
          maxOutOfOrderBytesPerDirection,
          maxOutOfOrderSegmentsPerDirection,
          maxBufferedBytesTotal,
          sniffBytes,
          maxUnframeableBytes,
          maxVlanTags,
          maxIpv6ExtensionHeaders,
          maxWarnings);
    }
  }
}
