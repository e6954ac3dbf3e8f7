package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.TcpProtocol;
import java.util.List;

/**
 * Follows TCP connections: a bounded flow table (the least recently active connection is evicted
 * when it is full; connections idle longer than the timeout, in capture time, are closed), a
 * protocol choice per connection, and per-direction reassembly into PDUs.
 */
final class TcpTracker {
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int ACK = 0x10;

  private final boolean enabled;
  private final DissectorLimits limits;
  private final long idleNanos;
  private final BufferBudget budget;
  private final DissectorCounters counters;
  private final SessionDriver driver;
  private final TcpFlowTable table = new TcpFlowTable();

  TcpTracker(
      List<TcpProtocol> protocols,
      DissectorLimits limits,
      DissectorCounters counters,
      DissectorWarnings warnings,
      TcpPduContext context) {
    this.enabled = !protocols.isEmpty();
    this.limits = limits;
    this.idleNanos = limits.tcpIdleTimeout().toNanos();
    this.budget = new BufferBudget(limits.maxBufferedBytesTotal());
    this.counters = counters;
    this.driver = new SessionDriver(protocols, limits, budget, counters, warnings, context);
  }

  int connections() {
    return table.size();
  }

  long bufferedBytes() {
    return budget.used();
  }

  /** One decoded TCP segment (ports, sequence, flags and payload range in {@code v}). */
  void segment(PacketView v) {
    if (!enabled) {
      return;
    }
    expire(v.timestampNanos);
    boolean sourceIsA = compare(v) <= 0;
    long aHigh = sourceIsA ? v.sourceHigh : v.destinationHigh;
    long aLow = sourceIsA ? v.sourceLow : v.destinationLow;
    int aPort = sourceIsA ? v.sourcePort : v.destinationPort;
    long bHigh = sourceIsA ? v.destinationHigh : v.sourceHigh;
    long bLow = sourceIsA ? v.destinationLow : v.sourceLow;
    int bPort = sourceIsA ? v.destinationPort : v.sourcePort;
    int hash = TcpConnection.hash(aHigh, aLow, aPort, bHigh, bLow, bPort);
    TcpConnection c = table.find(hash, v.ipv6, aHigh, aLow, aPort, bHigh, bLow, bPort);
    int flags = v.tcpFlags;
    boolean opening = (flags & (SYN | ACK)) == SYN;
    if (c != null && opening && !(c.synSeen && c.synSequence == v.tcpSequence)) {
      end(c);
      c = null;
    }
    if (c == null) {
      boolean hasData = v.payloadEnd > v.payloadOffset || v.transportMissing > 0;
      if ((flags & RST) != 0 || !(hasData || (flags & SYN) != 0)) {
        return;
      }
      c = new TcpConnection(v.ipv6, aHigh, aLow, aPort, bHigh, bLow, bPort, hash);
      open(c, v, sourceIsA);
    } else {
      seen(c, v, sourceIsA);
    }
    if (c.isLive()) {
      stream(c, v, sourceIsA);
    }
    if (c.state == TcpConnection.State.IGNORED && c.fromA != null) {
      driver.release(c);
    }
  }

  private void stream(TcpConnection c, PacketView v, boolean sourceIsA) {
    int flags = v.tcpFlags;
    TcpDirection d = sourceIsA ? c.fromA : c.fromB;
    int length = v.payloadEnd - v.payloadOffset;
    d.stream.segment(
        v.tcpSequence, (flags & SYN) != 0, v.data, v.payloadOffset, length, v.transportMissing, d);
    if ((flags & RST) != 0) {
      driver.close(c);
    } else if ((flags & FIN) != 0 && c.isLive()) {
      d.stream.flush(d);
      if (sourceIsA) {
        c.finFromA = true;
      } else {
        c.finFromB = true;
      }
      if (c.finFromA && c.finFromB) {
        driver.close(c);
      }
    }
  }

  private void open(TcpConnection c, PacketView v, boolean sourceIsA) {
    if (table.size() >= limits.maxTcpFlows()) {
      TcpConnection oldest = table.oldest();
      if (oldest.isLive()) {
        counters.tcpFlowsEvicted++;
      }
      end(oldest);
    }
    table.insert(c);
    counters.tcpFlowsOpened++;
    seen(c, v, sourceIsA);
    c.fromA = new TcpDirection(c, true, new TcpStream(limits, budget, counters), driver);
    c.fromB = new TcpDirection(c, false, new TcpStream(limits, budget, counters), driver);
    int flags = v.tcpFlags;
    TcpProtocol protocol;
    if ((flags & SYN) != 0) {
      boolean synFromSource = (flags & ACK) == 0;
      c.clientIsA = synFromSource == sourceIsA;
      c.rolesKnown = true;
      c.handshakeSeen = true;
      int serverPort = synFromSource ? v.destinationPort : v.sourcePort;
      int clientPort = synFromSource ? v.sourcePort : v.destinationPort;
      protocol = driver.byPort(serverPort);
      if (protocol == null) {
        protocol = driver.byPort(clientPort);
      }
    } else {
      protocol = driver.byPort(v.destinationPort);
      if (protocol != null) {
        c.clientIsA = sourceIsA;
      } else {
        protocol = driver.byPort(v.sourcePort);
        c.clientIsA = !sourceIsA;
      }
      c.rolesKnown = protocol != null;
    }
    if (protocol != null) {
      driver.decide(c, protocol, null);
    }
  }

  /** Records the frame and the MACs, and marks the connection most recently active. */
  private void seen(TcpConnection c, PacketView v, boolean sourceIsA) {
    table.touch(c);
    c.lastSeenNanos = v.timestampNanos;
    c.lastFrame = v.frameNumber;
    c.lastCapture = v.captureName;
    long source = v.mac(v.sourceMacOffset);
    long destination = v.mac(v.destinationMacOffset);
    if (c.aMac < 0) {
      c.aMac = sourceIsA ? source : destination;
    }
    if (c.bMac < 0) {
      c.bMac = sourceIsA ? destination : source;
    }
    if ((v.tcpFlags & (SYN | ACK)) == SYN && !c.synSeen) {
      c.synSeen = true;
      c.synSequence = v.tcpSequence;
    }
  }

  /** Closes connections idle for longer than the timeout, oldest first. */
  private void expire(long now) {
    TcpConnection c;
    while ((c = table.oldest()) != null && now - c.lastSeenNanos > idleNanos) {
      if (c.isLive()) {
        counters.tcpFlowsExpired++;
      }
      end(c);
    }
  }

  private void end(TcpConnection c) {
    driver.close(c);
    table.remove(c);
  }

  /** Closes every connection (end of input). */
  void finish() {
    TcpConnection c;
    while ((c = table.oldest()) != null) {
      end(c);
    }
  }

  /** Orders source before destination by address, then port. */
  private static int compare(PacketView v) {
    int byHigh = Long.compareUnsigned(v.sourceHigh, v.destinationHigh);
    if (byHigh != 0) {
      return byHigh;
    }
    int byLow = Long.compareUnsigned(v.sourceLow, v.destinationLow);
    return byLow != 0 ? byLow : Integer.compare(v.sourcePort, v.destinationPort);
  }
}
