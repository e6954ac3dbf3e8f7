package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.decode.TcpSession;

/**
 * One tracked TCP connection, keyed by its endpoints in canonical order (endpoint A sorts before B
 * by address, then port), so both directions find the same entry without allocating a key.
 */
final class TcpConnection {

  enum State {
    /** No protocol chosen yet: the first bytes of each direction are kept for sniffing. */
    UNDECIDED,
    /** A protocol decodes the connection. */
    DECODING,
    /** No protocol recognised it (or its decoder failed): only the entry is kept. */
    IGNORED,
    /** FIN in both directions or RST: kept as a marker until a new SYN or eviction. */
    CLOSED
  }

  final boolean ipv6;
  final long aHigh;
  final long aLow;
  final int aPort;
  final long bHigh;
  final long bLow;
  final int bPort;
  final int hash;

  long aMac = -1;
  long bMac = -1;

  TcpConnection bucketNext;
  TcpConnection newer;
  TcpConnection older;

  long lastSeenNanos;
  long lastFrame;
  String lastCapture;

  State state = State.UNDECIDED;
  boolean rolesKnown;
  boolean clientIsA;
  boolean handshakeSeen;
  boolean synSeen;
  int synSequence;
  boolean finFromA;
  boolean finFromB;

  TcpProtocol protocol;
  TcpSession session;
  TcpFlow flow;
  TcpDirection fromA;
  TcpDirection fromB;

  TcpConnection(
      boolean ipv6, long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort, int hash) {
    this.ipv6 = ipv6;
    this.aHigh = aHigh;
    this.aLow = aLow;
    this.aPort = aPort;
    this.bHigh = bHigh;
    this.bLow = bLow;
    this.bPort = bPort;
    this.hash = hash;
  }

  boolean matches(
      boolean ipv6, long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort) {
    return this.aLow == aLow
        && this.bLow == bLow
        && this.aPort == aPort
        && this.bPort == bPort
        && this.aHigh == aHigh
        && this.bHigh == bHigh
        && this.ipv6 == ipv6;
  }

  /** Whether the connection still holds reassembly state. */
  boolean isLive() {
    return state == State.UNDECIDED || state == State.DECODING;
  }

  static int hash(long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort) {
    long h = aLow * 0x9E37_79B9_7F4A_7C15L;
    h ^= bLow * 0xC2B2_AE3D_27D4_EB4FL;
    h ^= (aHigh * 31 + bHigh) * 0x1656_67B1_9E37_79F9L;
    h ^= (((long) aPort << 16) | bPort) * 0x27D4_EB2F_1656_67C5L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47));
  }
}
