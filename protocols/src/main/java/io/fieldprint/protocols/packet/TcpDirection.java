package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.TcpProtocol;
import java.nio.ByteBuffer;

/**
 * One direction of a connection: its reassembly, then either the first bytes kept for sniffing
 * (while undecided) or the PDU framer (while decoding).
 */
final class TcpDirection implements StreamConsumer, PduFramer.Listener {
  final TcpConnection connection;
  final boolean fromA;
  final TcpStream stream;
  private final SessionDriver driver;
  private PduFramer framer;
  private byte[] sniffed;
  private int sniffedLength;

  TcpDirection(TcpConnection connection, boolean fromA, TcpStream stream, SessionDriver driver) {
    this.connection = connection;
    this.fromA = fromA;
    this.stream = stream;
    this.driver = driver;
  }

  boolean fromServer() {
    return fromA != connection.clientIsA;
  }

  @Override
  public void onData(ByteBuffer source, int offset, int length) {
    if (connection.state == TcpConnection.State.DECODING) {
      try {
        framer.onData(source, offset, length);
      } catch (RuntimeException e) {
        driver.fail(connection, e);
      }
    } else if (connection.state == TcpConnection.State.UNDECIDED) {
      sniff(source, offset, length);
    }
  }

  @Override
  public void onGap(long missingBytes) {
    if (connection.state == TcpConnection.State.DECODING) {
      framer.onGap();
      driver.gap(this, missingBytes);
    } else {
      sniffedLength = 0;
    }
  }

  @Override
  public void onPdu(ByteBuffer pdu) {
    driver.pdu(this, pdu);
  }

  @Override
  public void onUnframeable(long skippedBytes) {
    driver.unframeable(skippedBytes);
  }

  @Override
  public void onGivingUp(String reason) {
    driver.warn(connection, reason);
  }

  /**
   * Keeps the direction's first bytes and asks the protocols about them. On a match the kept bytes
   * and the whole of this segment are framed; when the sniff buffer is full without a match the
   * connection is ignored.
   */
  private void sniff(ByteBuffer source, int offset, int length) {
    int limit = driver.sniffBytes();
    if (sniffed == null) {
      sniffed = new byte[limit];
    }
    int before = sniffedLength;
    int take = Math.min(length, limit - before);
    source.get(offset, sniffed, before, take);
    sniffedLength += take;
    TcpProtocol protocol = driver.sniff(ByteBuffer.wrap(sniffed, 0, sniffedLength).slice());
    if (protocol != null) {
      byte[] kept = sniffed;
      sniffed = null;
      sniffedLength = 0;
      driver.decide(connection, protocol, this);
      onData(ByteBuffer.wrap(kept), 0, before);
      onData(source, offset, length);
    } else if (sniffedLength >= limit) {
      driver.ignore(connection);
    }
  }

  /** Starts framing with {@code protocol}, first feeding any bytes kept for sniffing. */
  void startFraming(PduFramer newFramer, boolean feedKept) {
    framer = newFramer;
    if (feedKept && sniffedLength > 0) {
      byte[] kept = sniffed;
      int length = sniffedLength;
      sniffed = null;
      sniffedLength = 0;
      onData(ByteBuffer.wrap(kept), 0, length);
    }
    sniffed = null;
    sniffedLength = 0;
  }

  /** Drops every buffer (the connection ended or is ignored). */
  void release() {
    stream.release();
    if (framer != null) {
      framer.release();
      framer = null;
    }
    sniffed = null;
    sniffedLength = 0;
  }
}
