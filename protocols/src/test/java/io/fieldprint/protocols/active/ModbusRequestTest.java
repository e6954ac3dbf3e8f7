package io.fieldprint.protocols.active;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModbusRequestTest {

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  @Test
  void readDeviceIdentificationIsFramedWithMbapHeaderAndExactPdu() {
    byte[] frame = MbapEncoder.encode(ModbusRequest.readDeviceIdentification(0, 2, 0), 0);
    // PEAT's M340 probe, byte for byte: 00 00 00 00 00 05 00 2B 0E 02 00
    assertArrayEquals(hex("0000 0000 0005 00 2B0E0200"), frame);
  }

  @Test
  void reportServerIdCarriesTheCallersTransactionIdBigEndian() {
    byte[] frame = MbapEncoder.encode(ModbusRequest.reportServerId(255), 0xABCD);
    assertArrayEquals(hex("ABCD 0000 0002 FF 11"), frame);
  }

  @Test
  void transactionIdOutsideSixteenBitsIsRejected() {
    ModbusRequest r = ModbusRequest.reportServerId(1);
    assertThrows(IllegalArgumentException.class, () -> MbapEncoder.encode(r, 65536));
    assertThrows(IllegalArgumentException.class, () -> MbapEncoder.encode(r, -1));
  }

  @Test
  void meiFieldsBelongToFunctionCode43Only() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ModbusRequest(1, 3, Optional.of(new ModbusRequest.Mei(14, 1, 0))));
    assertThrows(IllegalArgumentException.class, () -> new ModbusRequest(1, 43, Optional.empty()));
  }

  @Test
  void fieldsOutsideOneByteAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ModbusRequest.reportServerId(256));
    assertThrows(IllegalArgumentException.class, () -> ModbusRequest.functionCode(1, -1));
    assertThrows(
        IllegalArgumentException.class, () -> ModbusRequest.readDeviceIdentification(1, 1, 256));
  }

  @Test
  void auditTextShowsUnitAndPduInHex() {
    assertEquals(
        "unit 255 pdu 2B 0E 01 00", ModbusRequest.readDeviceIdentification(255, 1, 0).auditText());
  }
}
