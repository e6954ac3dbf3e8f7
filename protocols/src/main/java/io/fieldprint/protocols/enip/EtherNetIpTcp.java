package io.fieldprint.protocols.enip;

import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.decode.TcpSession;
import java.nio.ByteBuffer;

/**
 * EtherNet/IP explicit messaging on TCP 44818: messages are cut by the 24-byte encapsulation header
 * (24 + length, unknown commands and messages over {@value #MAX_MESSAGE} bytes rejected). Implicit
 * I/O (UDP 2222) is not decoded.
 */
public final class EtherNetIpTcp implements TcpProtocol {
  public static final int PORT = 44818;

  /** Longest message accepted: the header and 16 KiB of data (large forward-open payloads fit). */
  static final int MAX_MESSAGE = EncapsulationHeader.SIZE + 16 * 1024;

  private final ListIdentityObserver observer =
      new ListIdentityObserver(new CipIdentityClaims(CipKnowledge.shipped()));

  @Override
  public String name() {
    return ListIdentityObserver.PROTOCOL;
  }

  @Override
  public boolean isWellKnownPort(int port) {
    return port == PORT;
  }

  /** RegisterSession or ListIdentity/ListServices from a client, with a sane length. */
  @Override
  public boolean sniff(ByteBuffer firstBytes) {
    if (firstBytes.remaining() < EncapsulationHeader.SIZE) {
      return false;
    }
    int p = firstBytes.position();
    int command = LittleEndian.u16(firstBytes, p);
    int length = LittleEndian.u16(firstBytes, p + 2);
    return (command == 0x0065 && length == 4)
        || ((command == 0x0063 || command == 0x0004) && length == 0);
  }

  @Override
  public int maxPduLength() {
    return MAX_MESSAGE;
  }

  @Override
  public int pduLength(ByteBuffer buffer) {
    return EncapsulationHeader.messageLength(buffer, MAX_MESSAGE, NEED_MORE, NOT_A_PDU);
  }

  @Override
  public TcpSession openSession(TcpFlow flow) {
    return new EtherNetIpSession(flow, observer);
  }
}
