package io.fieldprint.protocols.enip;

import static io.fieldprint.protocols.decode.TcpProtocol.NEED_MORE;
import static io.fieldprint.protocols.decode.TcpProtocol.NOT_A_PDU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.replay.Bytes;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class EtherNetIpTcpTest {
  private final EtherNetIpTcp enip = new EtherNetIpTcp();

  @Test
  void messageLengthIsHeaderPlusLengthField() {
    assertEquals(24, enip.pduLength(ByteBuffer.wrap(EnipMessages.message(0x0063, 1, new byte[0]))));
    assertEquals(75, enip.pduLength(ByteBuffer.wrap(EnipMessages.enbtReply())));
  }

  @Test
  void unknownCommandIsNotAPdu() {
    assertEquals(NOT_A_PDU, enip.pduLength(ByteBuffer.wrap(Bytes.hex("9999"))));
    assertEquals(NOT_A_PDU, enip.pduLength(ByteBuffer.wrap(Bytes.hex("0500 0000"))));
  }

  @Test
  void messageLongerThanTheCapIsNotAPdu() {
    assertEquals(NOT_A_PDU, enip.pduLength(ByteBuffer.wrap(Bytes.hex("6f00 ffff"))));
    assertEquals(
        EtherNetIpTcp.MAX_MESSAGE, enip.pduLength(ByteBuffer.wrap(Bytes.hex("6f00 0040"))));
    assertEquals(EtherNetIpTcp.MAX_MESSAGE, enip.maxPduLength());
  }

  @Test
  void fewerThanFourBytesNeedMore() {
    assertEquals(NEED_MORE, enip.pduLength(ByteBuffer.wrap(new byte[0])));
    assertEquals(NEED_MORE, enip.pduLength(ByteBuffer.wrap(Bytes.hex("63"))));
    assertEquals(NEED_MORE, enip.pduLength(ByteBuffer.wrap(Bytes.hex("6300 00"))));
  }

  @Test
  void readsFromThePositionWithoutMovingIt() {
    ByteBuffer b = ByteBuffer.wrap(Bytes.of().u8(0xEE).bytes(EnipMessages.enbtReply()).build());
    b.position(1);
    assertEquals(75, enip.pduLength(b));
    assertEquals(1, b.position());
  }

  @Test
  void sniffRecognisesSessionAndDiscoveryRequests() {
    assertTrue(
        enip.sniff(ByteBuffer.wrap(EnipMessages.message(0x0065, 0, Bytes.hex("0100 0000")))));
    assertTrue(enip.sniff(ByteBuffer.wrap(EnipMessages.message(0x0063, 0, new byte[0]))));
    assertFalse(enip.sniff(ByteBuffer.wrap(EnipMessages.message(0x0070, 0, new byte[4]))));
    assertFalse(enip.sniff(ByteBuffer.wrap(Bytes.hex("6500 0400"))));
  }

  @Test
  void port44818IsWellKnownAnd2222IsNot() {
    assertTrue(enip.isWellKnownPort(44818));
    assertFalse(enip.isWellKnownPort(2222));
    assertEquals("enip", enip.name());
    EtherNetIpUdp udp = new EtherNetIpUdp();
    assertTrue(udp.accepts(44818, 50000));
    assertTrue(udp.accepts(50000, 44818));
    assertFalse(udp.accepts(2222, 2222));
  }
}
