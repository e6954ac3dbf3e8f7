package io.fieldprint.protocols.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.TcpProtocol;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpcUaTcpProtocolTest {
  private final OpcUaTcpProtocol protocol = new OpcUaTcpProtocol();

  private static byte[] header(String type, char chunk, long size) {
    return new UaBinaryWriter()
        .u8(type.charAt(0))
        .u8(type.charAt(1))
        .u8(type.charAt(2))
        .u8(chunk)
        .u32(size)
        .toBytes();
  }

  @Test
  void nameAndWellKnownPort() {
    assertEquals("opcua", protocol.name());
    assertTrue(protocol.isWellKnownPort(4840));
    assertFalse(protocol.isWellKnownPort(4843));
    assertFalse(protocol.isWellKnownPort(502));
    assertEquals(1 << 20, protocol.maxPduLength());
  }

  @ParameterizedTest
  @ValueSource(strings = {"HEL", "ACK", "ERR", "RHE", "OPN", "MSG", "CLO"})
  void sniffRecognisesEveryMessageTypeOnAnyPort(String type) {
    assertTrue(protocol.sniff(ByteBuffer.wrap(header(type, 'F', 64))));
  }

  @Test
  void sniffRejectsOtherProtocolsAndImplausibleHeaders() {
    assertFalse(protocol.sniff(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes())));
    assertFalse(protocol.sniff(ByteBuffer.wrap(header("HEL", 'C', 64))));
    assertFalse(protocol.sniff(ByteBuffer.wrap(header("MSG", 'X', 64))));
    assertFalse(protocol.sniff(ByteBuffer.wrap(header("HEL", 'F', 12))));
    assertFalse(protocol.sniff(ByteBuffer.wrap(header("MSG", 'F', 2L << 20))));
    assertFalse(protocol.sniff(ByteBuffer.wrap(Arrays.copyOf(header("HEL", 'F', 64), 7))));
    assertTrue(protocol.sniff(ByteBuffer.wrap(header("MSG", 'C', 8192))));
    assertTrue(protocol.sniff(ByteBuffer.wrap(header("MSG", 'A', 40))));
  }

  @Test
  void sniffReadsFromThePositionAndDoesNotMoveIt() {
    ByteBuffer b = ByteBuffer.allocate(20);
    b.position(4);
    b.put(header("ACK", 'F', 28));
    b.position(4);
    assertTrue(protocol.sniff(b));
    assertEquals(4, b.position());
  }

  @Test
  void pduLengthIsTheMessageSize() {
    byte[] hello = UaMessages.hello(UaMessages.URL);
    ByteBuffer b = ByteBuffer.wrap(Arrays.copyOf(hello, hello.length + 10));
    assertEquals(hello.length, protocol.pduLength(b));
    assertEquals(0, b.position());
  }

  @Test
  void pduLengthNeedsMoreUntilTheHeaderIsComplete() {
    byte[] hello = UaMessages.hello(UaMessages.URL);
    for (int n = 0; n < 8; n++) {
      assertEquals(
          TcpProtocol.NEED_MORE,
          protocol.pduLength(ByteBuffer.wrap(Arrays.copyOf(hello, n))),
          "prefix " + n);
    }
  }

  @Test
  void pduLengthRejectsGarbageEarly() {
    assertEquals(TcpProtocol.NOT_A_PDU, protocol.pduLength(ByteBuffer.wrap("GET".getBytes())));
    assertEquals(TcpProtocol.NOT_A_PDU, protocol.pduLength(ByteBuffer.wrap("HELX".getBytes())));
    assertEquals(TcpProtocol.NOT_A_PDU, protocol.pduLength(ByteBuffer.wrap("GET / H".getBytes())));
  }

  @Test
  void pduLengthRejectsSizesBelowTheTypeMinimumOrAboveTheCap() {
    assertEquals(TcpProtocol.NOT_A_PDU, protocol.pduLength(ByteBuffer.wrap(header("MSG", 'F', 7))));
    assertEquals(
        TcpProtocol.NOT_A_PDU, protocol.pduLength(ByteBuffer.wrap(header("ACK", 'F', 27))));
    assertEquals(28, protocol.pduLength(ByteBuffer.wrap(header("ACK", 'F', 28))));
    assertEquals(
        TcpProtocol.NOT_A_PDU,
        protocol.pduLength(ByteBuffer.wrap(header("MSG", 'F', 0xFFFF_FFFFL))));
    assertEquals(1 << 20, protocol.pduLength(ByteBuffer.wrap(header("MSG", 'F', 1 << 20))));
  }

  @Test
  void limitsAreConfigurable() {
    UaLimits small = new UaLimits(256, 1024, 100, 10, 8192, 65536, 16, 4, 8);
    OpcUaTcpProtocol p = new OpcUaTcpProtocol(small);
    assertEquals(8192, p.maxPduLength());
    assertEquals(TcpProtocol.NOT_A_PDU, p.pduLength(ByteBuffer.wrap(header("MSG", 'F', 8193))));
  }
}
