package io.fieldprint.protocols.packet;

import java.util.Map;

/**
 * What a {@link PacketDissector} saw, for the command-line summary.
 *
 * @param frames frames accepted
 * @param bytes captured bytes of those frames
 * @param framesByLinkType frames per LINKTYPE_* value
 * @param undecodableFrames frames of an unsupported link type or with malformed headers
 * @param truncatedFrames frames whose headers or UDP payload the capture cut short (snaplen)
 * @param ipFragments IP fragments not decoded (no reassembly of fragmented datagrams)
 * @param udpDatagrams UDP datagrams decoded
 * @param tcpSegments TCP segments decoded
 * @param tcpFlowsOpened connections tracked
 * @param tcpFlowsDecoded connections handed to a protocol decoder
 * @param tcpFlowsIgnored connections no protocol recognised
 * @param tcpFlowsEvicted connections dropped because the flow table was full
 * @param tcpFlowsExpired connections closed after the idle timeout
 * @param tcpRetransmissions segments whose bytes had all been seen before
 * @param tcpOutOfOrderSegments segments held until an earlier hole filled
 * @param tcpGaps holes skipped in decoded streams
 * @param tcpGapBytes bytes missing in those holes (as far as known)
 * @param pdus PDUs handed to decoders
 * @param unframeableBytes stream bytes skipped while resynchronising
 * @param decoderFailures decoder exceptions caught (the decoder's connection is then ignored)
 * @param warningsSuppressed warnings counted but not reported (over the limit)
 * @param internalErrors frames the dissector failed on (a bug; the frame was skipped)
 */
public record DissectorStats(
    long frames,
    long bytes,
    Map<Integer, Long> framesByLinkType,
    long undecodableFrames,
    long truncatedFrames,
    long ipFragments,
    long udpDatagrams,
    long tcpSegments,
    long tcpFlowsOpened,
    long tcpFlowsDecoded,
    long tcpFlowsIgnored,
    long tcpFlowsEvicted,
    long tcpFlowsExpired,
    long tcpRetransmissions,
    long tcpOutOfOrderSegments,
    long tcpGaps,
    long tcpGapBytes,
    long pdus,
    long unframeableBytes,
    long decoderFailures,
    long warningsSuppressed,
    long internalErrors) {

  public DissectorStats {
    framesByLinkType = Map.copyOf(framesByLinkType);
  }
}
