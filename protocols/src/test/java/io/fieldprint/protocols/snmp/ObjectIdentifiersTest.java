package io.fieldprint.protocols.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ObjectIdentifiersTest {

  @Test
  void encodedOidsRoundTripAndBadOnesAreRefused() {
    assertEquals("1.3.6.1.4.1.4329.6", dotted(Ber.oid("1.3.6.1.4.1.4329.6")));
    assertEquals("2.999.3", dotted(new byte[] {6, 3, (byte) 0x88, 0x37, 3}));
    assertEquals("0.0", dotted(new byte[] {6, 1, 0}));
    assertNull(dotted(new byte[] {6, 2, 0x2b, (byte) 0x86}), "unterminated arc");
    assertNull(dotted(new byte[] {6, 2, 0x2b, (byte) 0x80}), "non-minimal arc");
    assertNull(dotted(new byte[] {6, 0}), "empty");
    byte[] long10 = {
      6,
      11,
      0x2b,
      (byte) 0x81,
      (byte) 0x81,
      (byte) 0x81,
      (byte) 0x81,
      (byte) 0x81,
      (byte) 0x81,
      (byte) 0x81,
      (byte) 0x81,
      (byte) 0x81,
      1
    };
    assertNull(dotted(long10), "arc of 10 bytes");
    byte[] many = new byte[2 + 70];
    many[0] = 6;
    many[1] = 70;
    assertNull(dotted(many), "more than 64 arcs");
  }

  private static String dotted(byte[] tlv) {
    return ObjectIdentifiers.toDotted(ByteBuffer.wrap(tlv), 2, tlv[1]);
  }
}
