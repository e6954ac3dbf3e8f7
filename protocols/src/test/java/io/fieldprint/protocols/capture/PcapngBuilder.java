package io.fieldprint.protocols.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Writes pcapng files block by block for tests. */
public final class PcapngBuilder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<Integer> blockEnds = new ArrayList<>();
  private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

  /** Starts a section in the given byte order. */
  public PcapngBuilder section(ByteOrder order) {
    this.order = order;
    ByteBuffer body = buffer(16);
    body.putInt(PcapngReader.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0);
    body.putLong(-1);
    return block(PcapngReader.SECTION_HEADER, body.array());
  }

  /** An interface with optional if_tsresol (null = default) and if_tsoffset (0 = absent). */
  public PcapngBuilder interfaceDescription(
      int linkType, int snaplen, Integer tsresol, long tsoffsetSeconds) {
    ByteBuffer body = buffer(8 + 8 + 12 + 4);
    body.putShort((short) linkType).putShort((short) 0).putInt(snaplen);
    if (tsresol != null) {
      body.putShort((short) PcapngInterface.OPTION_TSRESOL).putShort((short) 1);
      body.put(tsresol.byteValue()).put(new byte[3]);
    }
    if (tsoffsetSeconds != 0) {
      body.putShort((short) PcapngInterface.OPTION_TSOFFSET).putShort((short) 8);
      body.putLong(tsoffsetSeconds);
    }
    body.putInt(0);
    return block(PcapngReader.INTERFACE_DESCRIPTION, slice(body));
  }

  public PcapngBuilder enhancedPacket(int interfaceId, long units, byte[] data) {
    return enhancedPacket(interfaceId, units, data, data.length);
  }

  public PcapngBuilder enhancedPacket(int interfaceId, long units, byte[] data, int original) {
    ByteBuffer body = buffer(20 + pad(data.length));
    body.putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units);
    body.putInt(data.length).putInt(original).put(data);
    return block(PcapngReader.ENHANCED_PACKET, body.array());
  }

  public PcapngBuilder simplePacket(byte[] data, int original) {
    ByteBuffer body = buffer(4 + pad(data.length));
    body.putInt(original).put(data);
    return block(PcapngReader.SIMPLE_PACKET, body.array());
  }

  public PcapngBuilder obsoletePacket(int interfaceId, long units, byte[] data) {
    ByteBuffer body = buffer(20 + pad(data.length));
    body.putShort((short) interfaceId).putShort((short) 0);
    body.putInt((int) (units >>> 32)).putInt((int) units);
    body.putInt(data.length).putInt(data.length).put(data);
    return block(PcapngReader.PACKET, body.array());
  }

  /** Any block with a body padded to 4 bytes. */
  public PcapngBuilder block(int type, byte[] body) {
    int length = 12 + pad(body.length);
    ByteBuffer b = buffer(length);
    b.putInt(type).putInt(length).put(body);
    b.position(length - 4);
    b.putInt(length);
    out.writeBytes(b.array());
    blockEnds.add(out.size());
    return this;
  }

  /** File offsets at which a block ends. */
  public List<Integer> blockEnds() {
    return List.copyOf(blockEnds);
  }

  public PcapngBuilder raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  public byte[] build() {
    return out.toByteArray();
  }

  private ByteBuffer buffer(int n) {
    return ByteBuffer.allocate(n).order(order);
  }

  private static byte[] slice(ByteBuffer b) {
    byte[] bytes = new byte[pad(b.position())];
    System.arraycopy(b.array(), 0, bytes, 0, b.position());
    return bytes;
  }

  private static int pad(int n) {
    return (n + 3) & ~3;
  }
}
