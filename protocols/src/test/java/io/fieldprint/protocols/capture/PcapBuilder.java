package io.fieldprint.protocols.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes classic pcap files for tests. */
public final class PcapBuilder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteOrder order;
  private final boolean nanos;
  private final boolean modified;

  private PcapBuilder(ByteOrder order, int magic, int snaplen, int linkTypeField) {
    this.order = order;
    this.nanos = magic == PcapReader.MAGIC_NANOS;
    this.modified = magic == PcapReader.MAGIC_MODIFIED;
    ByteBuffer h = ByteBuffer.allocate(24).order(order);
    h.putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
    h.putInt(snaplen).putInt(linkTypeField);
    out.writeBytes(h.array());
  }

  /** Microsecond little-endian Ethernet file with snaplen 65535. */
  public static PcapBuilder ethernet() {
    return new PcapBuilder(ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_MICROS, 65535, 1);
  }

  public static PcapBuilder of(ByteOrder order, int magic, int snaplen, int linkTypeField) {
    return new PcapBuilder(order, magic, snaplen, linkTypeField);
  }

  public PcapBuilder record(long timestampNanos, byte[] data) {
    return record(timestampNanos, data, data.length);
  }

  public PcapBuilder record(long timestampNanos, byte[] data, int originalLength) {
    ByteBuffer r = ByteBuffer.allocate(modified ? 24 : 16).order(order);
    long seconds = timestampNanos / 1_000_000_000L;
    long fraction = timestampNanos % 1_000_000_000L;
    r.putInt((int) seconds).putInt((int) (nanos ? fraction : fraction / 1000));
    r.putInt(data.length).putInt(originalLength);
    out.writeBytes(r.array());
    out.writeBytes(data);
    return this;
  }

  /** Appends raw bytes (garbage, a hand-made record header). */
  public PcapBuilder raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  public byte[] build() {
    return out.toByteArray();
  }
}
