package io.fieldprint.protocols.s7;

import static io.fieldprint.protocols.decode.TcpProtocol.NEED_MORE;
import static io.fieldprint.protocols.decode.TcpProtocol.NOT_A_PDU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.replay.Bytes;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class S7CommTcpTest {
  private final S7CommTcp s7 = new S7CommTcp();

  @Test
  void packetLengthIsTheTpktLength() {
    assertEquals(7, s7.pduLength(ByteBuffer.wrap(Bytes.hex("0300 0007 02f0 80"))));
    assertEquals(33, s7.pduLength(ByteBuffer.wrap(S7Frames.readSzlRequest(1, 0x11, 0))));
  }

  @Test
  void wrongVersionOrReservedByteIsNotAPdu() {
    assertEquals(NOT_A_PDU, s7.pduLength(ByteBuffer.wrap(Bytes.hex("02"))));
    assertEquals(NOT_A_PDU, s7.pduLength(ByteBuffer.wrap(Bytes.hex("0301"))));
  }

  @Test
  void lengthBelowSevenOrAboveTheCapIsNotAPdu() {
    assertEquals(NOT_A_PDU, s7.pduLength(ByteBuffer.wrap(Bytes.hex("0300 0006"))));
    assertEquals(NOT_A_PDU, s7.pduLength(ByteBuffer.wrap(Bytes.hex("0300 ffff"))));
    assertEquals(Tpkt.MAX_LENGTH, s7.pduLength(ByteBuffer.wrap(Bytes.hex("0300 2010"))));
    assertEquals(Tpkt.MAX_LENGTH, s7.maxPduLength());
  }

  @Test
  void fewerThanFourBytesNeedMore() {
    assertEquals(NEED_MORE, s7.pduLength(ByteBuffer.wrap(new byte[0])));
    assertEquals(NEED_MORE, s7.pduLength(ByteBuffer.wrap(Bytes.hex("0300 00"))));
  }

  @Test
  void readsFromThePositionWithoutMovingIt() {
    ByteBuffer b = ByteBuffer.wrap(Bytes.hex("ff 0300 0007 02f0 80"));
    b.position(1);
    assertEquals(7, s7.pduLength(b));
    assertEquals(1, b.position());
  }

  @Test
  void sniffRecognisesAConnectionRequest() {
    assertTrue(s7.sniff(ByteBuffer.wrap(S7Frames.connectionRequest(0xE0, "0100", "0102"))));
    assertFalse(s7.sniff(ByteBuffer.wrap(S7Frames.readSzlRequest(1, 0x11, 0))));
    assertFalse(s7.sniff(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes())));
  }

  @Test
  void port102IsWellKnown() {
    assertTrue(s7.isWellKnownPort(102));
    assertFalse(s7.isWellKnownPort(103));
    assertEquals("s7comm", s7.name());
  }
}
