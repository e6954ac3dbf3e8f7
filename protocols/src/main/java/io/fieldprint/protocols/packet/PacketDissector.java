package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.capture.CapturedFrame;
import io.fieldprint.protocols.capture.LinkType;
import io.fieldprint.protocols.decode.DecoderSet;
import io.fieldprint.protocols.decode.EtherTypeProtocol;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.decode.UdpProtocol;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns captured frames into calls on the decoders: link layer (Ethernet with VLAN tags, BSD
 * loopback, Linux cooked v1/v2, raw IP), IPv4/IPv6, then EtherType protocols, UDP datagrams and
 * reassembled TCP PDUs. Not thread-safe: one dissector per capture stream. Every input is
 * survivable: damage is counted in {@link #stats()} and reported as warnings (up to a limit).
 *
 * <p>Origins are {@code captureName + "#frame=" + frame.number()}; the strings are built only when
 * a decoder or a warning needs them.
 *
 * <p>TCP: a connection goes to the first protocol whose well-known port the server (else the
 * client) uses, else to the first whose {@code sniff} accepts a direction's first bytes (up to
 * {@link DissectorLimits#sniffBytes()}), else it is ignored. The SYN sender is the client; without
 * a captured handshake the side on the well-known port is the server, and for a sniffed protocol
 * the side whose bytes matched is the client ({@code TcpFlow.handshakeSeen()} is then false). Call
 * {@link #finish()} at the end so every session sees its close.
 */
public final class PacketDissector {
  private final UdpProtocol[] udpProtocols;
  private final EtherTypeProtocol[] etherTypeProtocols;
  private final int[] etherTypes;
  private final DissectorCounters counters = new DissectorCounters();
  private final DissectorWarnings warnings;
  private final PacketView view = new PacketView();
  private final LinkLayer linkLayer;
  private final IpLayer ipLayer;
  private final TransportLayer transportLayer = new TransportLayer();
  private final TcpTracker tcp;
  private final EthernetFrameContext linkContext;
  private final UdpDatagramContext datagramContext;
  private final Set<Integer> reportedLinkTypes = new HashSet<>();

  public PacketDissector(DecoderSet decoders, DissectorLimits limits, ObservationSink sink) {
    this.udpProtocols = decoders.udp().toArray(UdpProtocol[]::new);
    this.etherTypeProtocols = decoders.ethernet().toArray(EtherTypeProtocol[]::new);
    this.etherTypes = new int[etherTypeProtocols.length];
    for (int i = 0; i < etherTypes.length; i++) {
      etherTypes[i] = etherTypeProtocols[i].etherType();
    }
    this.warnings = new DissectorWarnings(sink, limits.maxWarnings(), counters);
    this.linkLayer = new LinkLayer(limits.maxVlanTags());
    this.ipLayer = new IpLayer(limits.maxIpv6ExtensionHeaders());
    this.tcp = new TcpTracker(decoders.tcp(), limits, counters, warnings, new TcpPduContext(sink));
    this.linkContext = new EthernetFrameContext(sink, view);
    this.datagramContext = new UdpDatagramContext(sink, view);
  }

  /** Dissects one frame; the frame's buffer is not kept after the call. */
  public void accept(CapturedFrame frame, String captureName) {
    ByteBuffer data = frame.data();
    if (data.position() != 0 || data.order() != ByteOrder.BIG_ENDIAN) {
      data = data.slice();
    }
    counters.frame(frame.linkType(), data.limit());
    view.reset(data, frame.linkType(), frame.number(), frame.timestampNanos(), captureName);
    try {
      dissect(view);
    } catch (RuntimeException e) {
      counters.internalErrors++;
      warnings.warn(view, "dissector", "frame skipped after an internal error: " + e);
    }
  }

  /** Ends the input: closes every TCP connection (holes skipped, sessions closed). */
  public void finish() {
    tcp.finish();
  }

  public DissectorStats stats() {
    return counters.snapshot();
  }

  /** TCP connections currently tracked. */
  public int trackedConnections() {
    return tcp.connections();
  }

  /** Bytes currently held by TCP reassembly and framing. */
  public long bufferedBytes() {
    return tcp.bufferedBytes();
  }

  private void dissect(PacketView v) {
    int link = linkLayer.decode(v);
    if (link != LinkLayer.DECODED) {
      undecodableLink(v, link);
      return;
    }
    if (v.etherType < 0) {
      return;
    }
    if (etherTypes.length > 0 && carriesEtherType(v.linkType)) {
      etherTypeFrame(v);
    }
    int ip;
    if (v.etherType == LinkLayer.ETHERTYPE_IPV4) {
      ip = ipLayer.ipv4(v);
    } else if (v.etherType == LinkLayer.ETHERTYPE_IPV6) {
      ip = ipLayer.ipv6(v);
    } else {
      return;
    }
    switch (ip) {
      case IpLayer.DECODED -> transport(v);
      case IpLayer.TRUNCATED -> counters.truncatedFrames++;
      case IpLayer.FRAGMENT -> counters.ipFragments++;
      default -> malformed(v, v.ipv6 ? "ipv6" : "ipv4", ipLayer.problem);
    }
  }

  private void undecodableLink(PacketView v, int outcome) {
    counters.undecodableFrames++;
    if (outcome == LinkLayer.TRUNCATED) {
      warnings.warn(v, "link", "frame of " + v.length() + " bytes ends inside its link header");
    } else if (!LinkType.isSupported(v.linkType)) {
      if (reportedLinkTypes.size() < 64 && reportedLinkTypes.add(v.linkType)) {
        warnings.warn(v, "link", "link type " + v.linkType + " is not supported; frames skipped");
      }
    } else {
      warnings.warn(
          v, "link", "unknown network protocol in a " + LinkType.name(v.linkType) + " frame");
    }
  }

  private static boolean carriesEtherType(int linkType) {
    return linkType == LinkType.ETHERNET
        || linkType == LinkType.LINUX_SLL
        || linkType == LinkType.LINUX_SLL2;
  }

  private void etherTypeFrame(PacketView v) {
    for (int i = 0; i < etherTypes.length; i++) {
      if (etherTypes[i] == v.etherType) {
        EtherTypeProtocol p = etherTypeProtocols[i];
        linkContext.at(v.captureName, v.frameNumber, v.timestampNanos);
        ByteBuffer payload = v.data.slice(v.networkOffset, v.networkEnd - v.networkOffset);
        try {
          p.onFrame(linkContext, payload);
        } catch (RuntimeException e) {
          decoderFailed(v, p.name(), e);
        }
      }
    }
  }

  private void transport(PacketView v) {
    if (v.ipProtocol == IpLayer.TCP) {
      if (outcome(v, "tcp", transportLayer.tcp(v))) {
        counters.tcpSegments++;
        tcp.segment(v);
      }
    } else if (v.ipProtocol == IpLayer.UDP) {
      if (outcome(v, "udp", transportLayer.udp(v))) {
        counters.udpDatagrams++;
        udp(v);
      }
    }
  }

  /** Counts a transport header that could not be decoded; true when it was decoded. */
  private boolean outcome(PacketView v, String protocol, int outcome) {
    if (outcome == TransportLayer.TRUNCATED) {
      counters.truncatedFrames++;
    } else if (outcome == TransportLayer.MALFORMED) {
      malformed(v, protocol, transportLayer.problem);
    }
    return outcome == TransportLayer.DECODED;
  }

  private void udp(PacketView v) {
    if (udpProtocols.length == 0) {
      return;
    }
    datagramContext.reset();
    for (UdpProtocol p : udpProtocols) {
      if (p.accepts(v.sourcePort, v.destinationPort)) {
        try {
          p.onDatagram(
              datagramContext, v.data.slice(v.payloadOffset, v.payloadEnd - v.payloadOffset));
        } catch (RuntimeException e) {
          decoderFailed(v, p.name(), e);
        }
      }
    }
  }

  private void malformed(PacketView v, String protocol, String problem) {
    counters.undecodableFrames++;
    warnings.warn(v, protocol, problem);
  }

  private void decoderFailed(PacketView v, String protocol, RuntimeException e) {
    counters.decoderFailures++;
    warnings.warn(v, protocol, "decoder failed: " + e);
  }
}
