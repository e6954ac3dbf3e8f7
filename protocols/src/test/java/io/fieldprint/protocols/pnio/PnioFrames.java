package io.fieldprint.protocols.pnio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import java.util.function.Consumer;

/** Test-side builders of PN-IO datagrams in either data representation. */
final class PnioFrames {
  /** Instance 1, DeviceID 0x0203, VendorID 0x002a (Siemens). */
  static final UUID DEVICE_OBJECT = UUID.fromString("dea00000-6c97-11d1-8271-00010203002a");

  /** Instance 0x64, DeviceID 0x010d, VendorID 0x011d (WAGO). */
  static final UUID CONTROLLER_OBJECT = UUID.fromString("dea00000-6c97-11d1-8271-0064010d011d");

  static final UUID ACTIVITY = UUID.fromString("13142f90-0000-1000-a994-d2106890ca5a");
  static final UUID AR = UUID.fromString("7c74224e-166c-4a58-bf6b-6c25a75870f0");

  private PnioFrames() {}

  /** A connectionless header and body; every field settable. */
  static final class Datagram {
    int packetType = DceRpcClHeader.REQUEST;
    int flags1 = 0x20;
    boolean littleEndian;
    UUID object = DEVICE_OBJECT;
    PnioInterface pnioInterface = PnioInterface.DEVICE;
    UUID activity = ACTIVITY;
    long bootTime = 2;
    long sequence = 7;
    int opnum;
    int fragmentNumber;
    int fragmentLength = -1;
    int serial = 0x0102;
    byte[] body = new byte[0];

    Datagram(boolean littleEndian) {
      this.littleEndian = littleEndian;
    }

    byte[] bytes() {
      ByteBuffer b = ByteBuffer.allocate(DceRpcClHeader.SIZE + body.length);
      b.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
      b.put((byte) 4).put((byte) packetType).put((byte) flags1).put((byte) 0);
      b.put((byte) (littleEndian ? 0x10 : 0x00)).put((byte) 0).put((byte) 0);
      b.put((byte) (serial >>> 8));
      uuid(b, object);
      uuid(b, pnioInterface.uuid());
      uuid(b, activity);
      b.putInt((int) bootTime).putInt(1).putInt((int) sequence);
      b.putShort((short) opnum).putShort((short) 0xFFFF).putShort((short) 0xFFFF);
      b.putShort((short) (fragmentLength < 0 ? body.length : fragmentLength));
      b.putShort((short) fragmentNumber).put((byte) 0).put((byte) serial);
      b.put(body);
      return b.array();
    }

    private static void uuid(ByteBuffer b, UUID u) {
      ByteOrder order = b.order();
      long msb = u.getMostSignificantBits();
      b.putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
      b.order(ByteOrder.BIG_ENDIAN).putLong(u.getLeastSignificantBits());
      b.order(order);
    }
  }

  /** Request args (ArgsMaximum 4096) in front of the blocks. */
  static byte[] requestBody(boolean le, Consumer<StubWriter> blocks) {
    byte[] b = StubWriter.blocks(PnioArgs.SIZE, blocks);
    return args(le, -1, b);
  }

  /** Response args with {@code status} (4 bytes, as sent) in front of the blocks. */
  static byte[] responseBody(boolean le, long status, Consumer<StubWriter> blocks) {
    byte[] b = StubWriter.blocks(PnioArgs.SIZE, blocks);
    return args(le, status, b);
  }

  private static byte[] args(boolean le, long status, byte[] blocks) {
    ByteBuffer b = ByteBuffer.allocate(PnioArgs.SIZE + blocks.length);
    if (status >= 0) {
      b.putInt((int) status);
    }
    b.order(le ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    if (status < 0) {
      b.putInt(4096);
    }
    b.putInt(blocks.length).putInt(4096).putInt(0).putInt(blocks.length).put(blocks);
    return b.array();
  }

  static void arBlockReq(StubWriter w, int arType, String mac, String stationName) {
    w.block(
        BlockHeader.AR_BLOCK_REQ,
        b ->
            b.u16(arType)
                .uuid(AR)
                .u16(1)
                .mac(mac)
                .uuid(CONTROLLER_OBJECT)
                .u32(0x11)
                .u16(600)
                .u16(0x8892)
                .u16(stationName.length())
                .text(stationName, 0));
  }

  /** One expected module with submodules of type "no IO" (one DataDescription each). */
  static void expectedModule(StubWriter w, int slot, long ident, int... subslots) {
    w.block(
        BlockHeader.EXPECTED_SUBMODULE_BLOCK_REQ,
        b -> {
          b.u16(1).u32(0).u16(slot).u32(ident).u16(0).u16(subslots.length);
          for (int s : subslots) {
            b.u16(s).u32(0x1000 + s).u16(0).u16(1).u16(0).u8(1).u8(1);
          }
        });
  }

  static void arBlockRes(StubWriter w, String mac) {
    w.block(BlockHeader.AR_BLOCK_RES, b -> b.u16(1).uuid(AR).u16(1).mac(mac).u16(0x8892));
  }

  /** An IODReadResHeader for {@code slot}/{@code subslot}/{@code index}, then the record. */
  static void readRecord(
      StubWriter w, int slot, int subslot, int index, Consumer<StubWriter> record) {
    byte[] data = StubWriter.blocks(PnioArgs.SIZE + w.size() + 64, record);
    w.block(
        BlockHeader.IOD_READ_RES_HEADER,
        b -> {
          b.u16(3).uuid(new UUID(0, 0)).u32(0).u16(slot).u16(subslot).u16(0).u16(index);
          b.u32(data.length).u16(0).u16(0).bytes(new byte[20]);
        });
    w.bytes(data);
  }

  static void im0(StubWriter w, int vendor, String order, String serial, int hw, char prefix) {
    w.block(
        BlockHeader.I_AND_M0,
        b ->
            b.u16(vendor)
                .text(order, 20)
                .text(serial, 16)
                .u16(hw)
                .u8(prefix)
                .u8(2)
                .u8(3)
                .u8(1)
                .u16(5)
                .u16(0xF600)
                .u16(0x0004)
                .u8(1)
                .u8(1)
                .u16(0x001E));
  }

  static void pdInterfaceDataReal(StubWriter w, String name, String mac, String ip) {
    w.block(
        BlockHeader.PD_INTERFACE_DATA_REAL,
        b ->
            b.u8(name.length())
                .text(name, 0)
                .align4()
                .mac(mac)
                .align4()
                .ipv4(ip)
                .ipv4("255.255.255.0")
                .ipv4("192.168.1.254"));
  }

  static void pdPortDataReal(StubWriter w, int subslot, String port, String peerPort, String peer) {
    w.block(
        BlockHeader.PD_PORT_DATA_REAL,
        b -> {
          b.align4().u16(0).u16(subslot).u8(port.length()).text(port, 0).u8(1).align4();
          b.u8(peerPort.length()).text(peerPort, 0).u8(peer.length()).text(peer, 0).align4();
          b.u32(0).mac("00:0e:8c:ef:75:c5").align4();
          b.u16(0x10).align4().u32(0).u32(0).u8(0).u8(1).align4().u32(1);
        });
  }

  /** MultipleBlockHeader for {@code subslot} around {@code inner}. */
  static void multiple(StubWriter w, int subslot, Consumer<StubWriter> inner) {
    w.block(
        BlockHeader.MULTIPLE_BLOCK_HEADER,
        b -> {
          b.align4().u32(0).u16(0).u16(subslot);
          inner.accept(b);
        });
  }
}
