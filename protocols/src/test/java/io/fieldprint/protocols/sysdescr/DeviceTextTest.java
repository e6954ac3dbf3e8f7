package io.fieldprint.protocols.sysdescr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeviceTextTest {

  @Test
  void controlCharactersAndNulPaddingBecomeSingleSpacesAndAreTrimmed() {
    ByteBuffer b = ByteBuffer.wrap("%n%n%n \0\0\0x\ty\r\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("%n%n%n x y", DeviceText.decode(b, 0, b.limit()));
    assertTrue(DeviceText.hasControlCharacters(b, 0, b.limit()));
  }

  @Test
  void lengthIsCappedAndNeverReadsPastTheBuffer() {
    ByteBuffer b = ByteBuffer.wrap("abcdef".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("abc", DeviceText.decode(b, 0, 100, 3));
    assertEquals("def", DeviceText.decode(b, 3, 100));
    assertEquals("", DeviceText.decode(b, 6, 5));
    assertFalse(DeviceText.hasControlCharacters(b, 0, 100));
    assertEquals("6465", DeviceText.hex(b, 3, 2, 8));
  }

  @Test
  void latin1BytesKeepTheirCharacters() {
    ByteBuffer b = ByteBuffer.wrap(new byte[] {'M', (byte) 0xFC, 'n', (byte) 0xAE});
    assertEquals("Mün®", DeviceText.decode(b, 0, 4));
  }
}
