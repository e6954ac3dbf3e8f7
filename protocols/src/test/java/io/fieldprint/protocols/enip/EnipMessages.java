package io.fieldprint.protocols.enip;

import io.fieldprint.protocols.replay.Bytes;

/** Builds EtherNet/IP messages for tests. */
final class EnipMessages {
  private EnipMessages() {}

  static byte[] message(int command, long senderContext, byte[] data) {
    return Bytes.of()
        .u16le(command)
        .u16le(data.length)
        .u32le(0x12345678L)
        .u32le(0)
        .u32le(senderContext & 0xFFFFFFFFL)
        .u32le(senderContext >>> 32)
        .u32le(0)
        .bytes(data)
        .build();
  }

  /** Identity attributes 1-8 as they follow the socket address or a reply header. */
  static byte[] identity(
      int vendor,
      int type,
      int product,
      int major,
      int minor,
      int status,
      long serial,
      String name,
      int state) {
    return Bytes.of()
        .u16le(vendor)
        .u16le(type)
        .u16le(product)
        .u8(major, minor)
        .u16le(status)
        .u32le(serial)
        .u8(name.length())
        .ascii(name)
        .u8(state)
        .build();
  }

  /** A CIP Identity item: type, length, version 1, socket address, attributes. */
  static byte[] identityItem(String ip, byte[] identity) {
    String[] q = ip.split("\\.");
    byte[] body =
        Bytes.of()
            .u16le(1)
            .u16(2)
            .u16(44818)
            .u8(
                Integer.parseInt(q[0]),
                Integer.parseInt(q[1]),
                Integer.parseInt(q[2]),
                Integer.parseInt(q[3]))
            .bytes(new byte[8])
            .bytes(identity)
            .build();
    return Bytes.of().u16le(0x000C).u16le(body.length).bytes(body).build();
  }

  static byte[] listIdentityReply(byte[]... items) {
    Bytes data = Bytes.of().u16le(items.length);
    for (byte[] item : items) {
      data.bytes(item);
    }
    return message(0x0063, 0xC1DEBED100000000L, data.build());
  }

  /** The reply in enip_cip_example.pcap frame 372 (checked with tshark). */
  static byte[] enbtReply() {
    return listIdentityReply(
        identityItem(
            "10.1.1.164", identity(1, 12, 58, 4, 3, 0x0030, 0x00524d8eL, "1756-ENBT/A", 3)));
  }

  /** SendRRData carrying an unconnected message router request or reply. */
  static byte[] sendRrData(long senderContext, byte[] routerMessage) {
    byte[] data =
        Bytes.of()
            .u32le(0)
            .u16le(0)
            .u16le(2)
            .u16le(0x0000)
            .u16le(0)
            .u16le(0x00B2)
            .u16le(routerMessage.length)
            .bytes(routerMessage)
            .build();
    return message(0x006F, senderContext, data);
  }

  static byte[] getAttributesAllIdentity() {
    return Bytes.hex("01 02 20 01 24 01");
  }

  static byte[] getAttributesAllReply(byte[] identity) {
    return Bytes.of().u8(0x81, 0, 0, 0).bytes(identity).build();
  }
}
