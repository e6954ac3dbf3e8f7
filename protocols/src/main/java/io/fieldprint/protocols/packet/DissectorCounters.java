package io.fieldprint.protocols.packet;

import java.util.HashMap;
import java.util.Map;

/** The dissector's running counters; {@link #snapshot} copies them for callers. */
final class DissectorCounters {
  long frames;
  long bytes;
  long undecodableFrames;
  long truncatedFrames;
  long ipFragments;
  long udpDatagrams;
  long tcpSegments;
  long tcpFlowsOpened;
  long tcpFlowsDecoded;
  long tcpFlowsIgnored;
  long tcpFlowsEvicted;
  long tcpFlowsExpired;
  long tcpRetransmissions;
  long tcpOutOfOrderSegments;
  long tcpGaps;
  long tcpGapBytes;
  long pdus;
  long unframeableBytes;
  long decoderFailures;
  long warningsSuppressed;
  long internalErrors;

  private final Map<Integer, long[]> byLinkType = new HashMap<>();
  private int lastLinkType = -1;
  private long[] lastLinkTypeCount;

  void frame(int linkType, int capturedBytes) {
    frames++;
    bytes += capturedBytes;
    if (linkType != lastLinkType) {
      lastLinkTypeCount = byLinkType.computeIfAbsent(linkType, k -> new long[1]);
      lastLinkType = linkType;
    }
    lastLinkTypeCount[0]++;
  }

  DissectorStats snapshot() {
    Map<Integer, Long> linkTypes = new HashMap<>();
    byLinkType.forEach((type, count) -> linkTypes.put(type, count[0]));
    return new DissectorStats(
        frames,
        bytes,
        linkTypes,
        undecodableFrames,
        truncatedFrames,
        ipFragments,
        udpDatagrams,
        tcpSegments,
        tcpFlowsOpened,
        tcpFlowsDecoded,
        tcpFlowsIgnored,
        tcpFlowsEvicted,
        tcpFlowsExpired,
        tcpRetransmissions,
        tcpOutOfOrderSegments,
        tcpGaps,
        tcpGapBytes,
        pdus,
        unframeableBytes,
        decoderFailures,
        warningsSuppressed,
        internalErrors);
  }
}
