package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpProtocol;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Chooses the protocol of a connection and makes every call into its {@link
 * io.fieldprint.protocols.decode.TcpSession}. A decoder that throws loses its connection (which is
 * then ignored) and the run goes on.
 *
 * <p>Protocol: the one whose well-known port the server uses, else the one whose well-known port
 * the client uses (some devices connect out from 502), else the first whose {@code sniff} accepts
 * the first bytes of either direction.
 *
 * <p>Roles: when the SYN (or SYN-ACK) was captured, the SYN sender is the client. Otherwise the
 * side on a protocol's well-known port is the server (the destination port is tried first). When
 * neither port is well-known the protocol is recognised by sniffing, and the side whose first bytes
 * matched is taken as the client: every protocol shipped speaks client-first (OPC UA HEL, Modbus
 * request, COTP connect, RegisterSession). {@link TcpFlow#handshakeSeen()} tells decoders whether
 * the roles are certain.
 */
final class SessionDriver {
  private final List<TcpProtocol> protocols;
  private final DissectorLimits limits;
  private final BufferBudget budget;
  private final DissectorCounters counters;
  private final DissectorWarnings warnings;
  private final TcpPduContext context;

  SessionDriver(
      List<TcpProtocol> protocols,
      DissectorLimits limits,
      BufferBudget budget,
      DissectorCounters counters,
      DissectorWarnings warnings,
      TcpPduContext context) {
    this.protocols = protocols;
    this.limits = limits;
    this.budget = budget;
    this.counters = counters;
    this.warnings = warnings;
    this.context = context;
  }

  int sniffBytes() {
    return limits.sniffBytes();
  }

  /** The first protocol whose server conventionally listens on {@code port}, or null. */
  TcpProtocol byPort(int port) {
    for (TcpProtocol p : protocols) {
      if (p.isWellKnownPort(port)) {
        return p;
      }
    }
    return null;
  }

  /** The first protocol that recognises {@code firstBytes}, or null. */
  TcpProtocol sniff(ByteBuffer firstBytes) {
    for (TcpProtocol p : protocols) {
      try {
        if (p.sniff(firstBytes.duplicate())) {
          return p;
        }
      } catch (RuntimeException e) {
        counters.decoderFailures++;
      }
    }
    return null;
  }

  /**
   * Hands the connection to {@code protocol}. When the roles are not yet known, {@code sniffedFrom}
   * (the direction whose bytes matched) is the client's.
   */
  void decide(TcpConnection c, TcpProtocol protocol, TcpDirection sniffedFrom) {
    if (!c.rolesKnown) {
      c.clientIsA = sniffedFrom == null || sniffedFrom.fromA;
      c.rolesKnown = true;
    }
    // one MAC on both ends of a conversation between two IPs cannot be a layer-2 binding (a
    // rewritten capture, or both hosts behind one router port): such MACs name neither host
    String aIp = AddressText.ip(c.ipv6, c.aHigh, c.aLow);
    String bIp = AddressText.ip(c.ipv6, c.bHigh, c.bLow);
    boolean macsMeaningful = c.aMac != c.bMac || aIp.equals(bIp);
    Endpoint a = new Endpoint(macsMeaningful ? AddressText.mac(c.aMac) : null, aIp, c.aPort);
    Endpoint b = new Endpoint(macsMeaningful ? AddressText.mac(c.bMac) : null, bIp, c.bPort);
    c.flow = c.clientIsA ? new TcpFlow(a, b, c.handshakeSeen) : new TcpFlow(b, a, c.handshakeSeen);
    try {
      c.session = protocol.openSession(c.flow);
    } catch (RuntimeException e) {
      fail(c, e);
      return;
    }
    c.protocol = protocol;
    c.state = TcpConnection.State.DECODING;
    counters.tcpFlowsDecoded++;
    c.fromA.startFraming(new PduFramer(protocol, limits, budget, c.fromA), c.fromA != sniffedFrom);
    c.fromB.startFraming(new PduFramer(protocol, limits, budget, c.fromB), c.fromB != sniffedFrom);
  }

  void pdu(TcpDirection d, ByteBuffer pdu) {
    TcpConnection c = d.connection;
    if (c.state != TcpConnection.State.DECODING) {
      return;
    }
    counters.pdus++;
    c.session.onPdu(context.of(c, d.fromServer()), pdu);
  }

  void gap(TcpDirection d, long missingBytes) {
    TcpConnection c = d.connection;
    try {
      c.session.onGap(context.of(c, d.fromServer()), missingBytes);
    } catch (RuntimeException e) {
      fail(c, e);
    }
  }

  void unframeable(long bytes) {
    counters.unframeableBytes += bytes;
  }

  /** Ends the connection: skips remaining holes, closes the session, drops the buffers. */
  void close(TcpConnection c) {
    if (c.state == TcpConnection.State.DECODING) {
      c.fromA.stream.flush(c.fromA);
      c.fromB.stream.flush(c.fromB);
      if (c.state == TcpConnection.State.DECODING) {
        try {
          c.session.onClose();
        } catch (RuntimeException e) {
          fail(c, e);
        }
      }
    }
    release(c);
    c.state = TcpConnection.State.CLOSED;
  }

  void ignore(TcpConnection c) {
    c.state = TcpConnection.State.IGNORED;
    counters.tcpFlowsIgnored++;
  }

  void fail(TcpConnection c, RuntimeException e) {
    counters.decoderFailures++;
    warn(c, "decoder failed (" + e + "); connection no longer decoded");
    c.state = TcpConnection.State.IGNORED;
    c.session = null;
    counters.tcpFlowsIgnored++;
  }

  void warn(TcpConnection c, String message) {
    String name = c.protocol == null ? "tcp" : c.protocol.name();
    warnings.warn(c.lastCapture + "#frame=" + c.lastFrame, name, message);
  }

  /** Drops the connection's buffers (it stays in the table as a marker). */
  void release(TcpConnection c) {
    if (c.fromA != null) {
      c.fromA.release();
      c.fromB.release();
      c.fromA = null;
      c.fromB = null;
    }
    c.session = null;
  }
}
