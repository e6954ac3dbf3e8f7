package io.fieldprint.protocols.modbus;

import static io.fieldprint.protocols.decode.TcpProtocol.NEED_MORE;
import static io.fieldprint.protocols.decode.TcpProtocol.NOT_A_PDU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.replay.Bytes;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ModbusTcpTest {
  private final ModbusTcp modbus = new ModbusTcp();

  @Test
  void frameLengthIsPrefixPlusLengthField() {
    assertEquals(
        12, modbus.pduLength(ByteBuffer.wrap(Bytes.hex("0001 0000 0006 01 03 0000 0001"))));
  }

  @Test
  void shortestAndLongestLengthFieldsAreAccepted() {
    assertEquals(8, modbus.pduLength(ByteBuffer.wrap(Bytes.hex("0001 0000 0002 01 11"))));
    assertEquals(260, modbus.pduLength(ByteBuffer.wrap(Bytes.hex("0001 0000 00fe 01"))));
    assertEquals(260, modbus.maxPduLength());
  }

  @Test
  void lengthFieldOutsideTwoTo254IsNotAPdu() {
    assertEquals(NOT_A_PDU, modbus.pduLength(ByteBuffer.wrap(Bytes.hex("0001 0000 0001 01"))));
    assertEquals(NOT_A_PDU, modbus.pduLength(ByteBuffer.wrap(Bytes.hex("0001 0000 0000 01"))));
    assertEquals(NOT_A_PDU, modbus.pduLength(ByteBuffer.wrap(Bytes.hex("0001 0000 00ff 01"))));
    assertEquals(NOT_A_PDU, modbus.pduLength(ByteBuffer.wrap(Bytes.hex("0001 0000 ffff 01"))));
  }

  @Test
  void nonZeroProtocolIdIsNotAPduAsSoonAsItIsVisible() {
    assertEquals(NOT_A_PDU, modbus.pduLength(ByteBuffer.wrap(Bytes.hex("0001 0200"))));
    assertEquals(NOT_A_PDU, modbus.pduLength(ByteBuffer.wrap(Bytes.hex("aaaa aaaa aaaa aa"))));
  }

  @Test
  void fewerThanSixBytesNeedMore() {
    for (int n = 0; n < 6; n++) {
      byte[] partial = new byte[n];
      assertEquals(NEED_MORE, modbus.pduLength(ByteBuffer.wrap(partial)), "length " + n);
    }
  }

  @Test
  void readsFromThePositionWithoutMovingIt() {
    ByteBuffer b = ByteBuffer.wrap(Bytes.hex("ffff 0001 0000 0002 01 11"));
    b.position(2);
    assertEquals(8, modbus.pduLength(b));
    assertEquals(2, b.position());
  }

  @Test
  void sniffRecognisesAnMbapHeaderWithAFunctionCode() {
    assertTrue(modbus.sniff(ByteBuffer.wrap(Bytes.hex("0001 0000 0006 01 03 0000 0001"))));
    assertFalse(modbus.sniff(ByteBuffer.wrap(Bytes.hex("0001 0000 0006 01"))));
    assertFalse(modbus.sniff(ByteBuffer.wrap(Bytes.hex("0001 0000 0006 01 00 0000 0001"))));
    assertFalse(modbus.sniff(ByteBuffer.wrap(Bytes.hex("0001 0000 0006 01 1d 0000 0001"))));
    assertTrue(modbus.sniff(ByteBuffer.wrap(Bytes.hex("0001 0000 0003 01 83 02"))));
    assertFalse(modbus.sniff(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes())));
  }

  @Test
  void port502IsWellKnown() {
    assertTrue(modbus.isWellKnownPort(502));
    assertFalse(modbus.isWellKnownPort(503));
    assertEquals("modbus", modbus.name());
  }
}
