package io.fieldprint.protocols.pnio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DceRpcClHeaderTest {

  @ParameterizedTest(name = "little-endian={0}")
  @ValueSource(booleans = {false, true})
  void everyHeaderFieldIsReadInTheAnnouncedByteOrder(boolean le) {
    PnioFrames.Datagram d = new PnioFrames.Datagram(le);
    d.packetType = DceRpcClHeader.RESPONSE;
    d.flags1 = 0x2E;
    d.pnioInterface = PnioInterface.SUPERVISOR;
    d.bootTime = 0x01020304L;
    d.sequence = 0xFFFFFFF0L;
    d.opnum = 5;
    d.fragmentNumber = 1;
    d.fragmentLength = 0;
    d.serial = 0x0A0B;
    byte[] bytes = d.bytes();
    // the buffer's own order must not matter
    ByteBuffer b =
        ByteBuffer.wrap(bytes).order(le ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    DceRpcClHeader h = DceRpcClHeader.read(b, 0);
    assertEquals(4, h.version());
    assertEquals(DceRpcClHeader.RESPONSE, h.packetType());
    assertEquals(0x2E, h.flags1());
    assertEquals(0, h.flags2());
    assertEquals(le, h.littleEndian());
    assertEquals(0x0A0B, h.serial());
    assertEquals(PnioFrames.DEVICE_OBJECT, h.object());
    assertEquals(UUID.fromString("dea00003-6c97-11d1-8271-00a02442df7d"), h.interfaceId());
    assertEquals(PnioFrames.ACTIVITY, h.activity());
    assertEquals(0x01020304L, h.serverBootTime());
    assertEquals(1, h.interfaceVersion());
    assertEquals(0xFFFFFFF0L, h.sequenceNumber());
    assertEquals(5, h.opnum());
    assertEquals(0xFFFF, h.interfaceHint());
    assertEquals(0xFFFF, h.activityHint());
    assertEquals(0, h.fragmentLength());
    assertEquals(1, h.fragmentNumber());
    assertEquals(0, h.authProtocol());
    assertTrue(h.fragmented());
    assertFalse(h.startsBody());
    assertTrue(h.fromServer());
    assertFalse(h.fromClient());
    assertEquals("response", h.packetTypeName());
    assertEquals(PnioInterface.SUPERVISOR, PnioInterface.sniff(b, 0));
  }

  @Test
  void littleEndianHeaderFromTheVersaMaxReadsAsTsharkShowsIt() {
    // first 80 bytes of profinet_io_cm_connect_minimal.pcapng frame 2 (tshark -x), a reply
    byte[] header =
        HexFormat.of()
            .parseHex(
                "04022800100000000000a0de976cd111827100010003015a0100a0de976cd111827100a02442df7d"
                    + "902f141300000010a994d2106890ca5a0200000001000000000000000000ffffffff8c0000000000");
    DceRpcClHeader h = DceRpcClHeader.read(ByteBuffer.wrap(header), 0);
    assertEquals(UUID.fromString("dea00000-6c97-11d1-8271-00010003015a"), h.object());
    assertEquals(UUID.fromString("13142f90-0000-1000-a994-d2106890ca5a"), h.activity());
    assertEquals(2, h.serverBootTime());
    assertEquals(140, h.fragmentLength());
    assertEquals(new PnioObjectUuid(1, 0x0003, 0x015a), PnioObjectUuid.of(h.object()));
  }

  @Test
  void packetTypesSplitIntoClientAndServerSides() {
    int[] client = {0, 1, 7, 8};
    int[] server = {2, 3, 4, 5, 6, 10};
    for (int t : client) {
      assertTrue(header(t).fromClient());
      assertFalse(header(t).fromServer());
    }
    for (int t : server) {
      assertTrue(header(t).fromServer());
      assertFalse(header(t).fromClient());
    }
    assertFalse(header(DceRpcClHeader.FACK).fromClient());
    assertFalse(header(DceRpcClHeader.FACK).fromServer());
    assertEquals("type-11", header(11).packetTypeName());
  }

  private static DceRpcClHeader header(int type) {
    PnioFrames.Datagram d = new PnioFrames.Datagram(false);
    d.packetType = type;
    return DceRpcClHeader.read(ByteBuffer.wrap(d.bytes()), 0);
  }

  @Test
  void sniffNamesEachPnioInterfaceAndNothingElse() {
    for (PnioInterface i : PnioInterface.values()) {
      PnioFrames.Datagram d = new PnioFrames.Datagram(true);
      d.pnioInterface = i;
      assertEquals(i, PnioInterface.sniff(ByteBuffer.wrap(d.bytes()), 0));
    }
    byte[] epm = new PnioFrames.Datagram(false).bytes();
    epm[24] = (byte) 0xe1; // endpoint mapper e1af8308-...
    assertNull(PnioInterface.sniff(ByteBuffer.wrap(epm), 0));
    byte[] v5 = new PnioFrames.Datagram(false).bytes();
    v5[0] = 5;
    assertNull(PnioInterface.sniff(ByteBuffer.wrap(v5), 0));
    assertNull(PnioInterface.sniff(ByteBuffer.wrap(new byte[39]), 0));
  }

  @Test
  void objectUuidLayoutIsInstanceDeviceVendor() {
    PnioObjectUuid ids = PnioObjectUuid.of(UUID.fromString("dea00000-6c97-11d1-8271-000102ee011d"));
    assertEquals(new PnioObjectUuid(1, 0x02ee, 0x011d), ids);
    assertEquals("0x011d", ids.vendorIdText());
    assertEquals("0x02ee", ids.deviceIdText());
    assertNull(PnioObjectUuid.of(UUID.fromString("dea00001-6c97-11d1-8271-00a02442df7d")));
    assertNull(PnioObjectUuid.of(UUID.fromString("dea00000-6c97-11d1-8272-000102ee011d")));
  }
}
