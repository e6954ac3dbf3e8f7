package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.capture.CapturedFrame;
import java.nio.ByteBuffer;

/** Builds link, IP and transport headers for tests (checksums are left zero). */
final class Frames {
  static final long CLIENT_MAC = 0x0200_0000_0001L;
  static final long SERVER_MAC = 0x0200_0000_0002L;
  static final int CLIENT_IP = 0x0A00_0001;
  static final int SERVER_IP = 0x0A00_0002;

  private Frames() {}

  static byte[] ethernet(long destination, long source, int etherType, byte[] payload) {
    return ethernet(destination, source, new int[0], etherType, payload);
  }

  /** Ethernet with VLAN tags given as pairs (TPID, TCI). */
  static byte[] ethernet(long destination, long source, int[] tags, int etherType, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(14 + tags.length * 2 + payload.length);
    putMac(b, destination);
    putMac(b, source);
    for (int tag : tags) {
      b.putShort((short) tag);
    }
    b.putShort((short) etherType).put(payload);
    return b.array();
  }

  static void putMac(ByteBuffer b, long mac) {
    b.putShort((short) (mac >>> 32)).putInt((int) mac);
  }

  static byte[] ipv4(int source, int destination, int protocol, byte[] payload) {
    return ipv4(source, destination, protocol, new byte[0], 0, payload);
  }

  /** IPv4 with options (a multiple of 4 bytes) and the flags/fragment-offset field. */
  static byte[] ipv4(
      int source,
      int destination,
      int protocol,
      byte[] options,
      int fragmentField,
      byte[] payload) {
    int header = 20 + options.length;
    ByteBuffer b = ByteBuffer.allocate(header + payload.length);
    b.put((byte) (0x40 | header / 4)).put((byte) 0).putShort((short) (header + payload.length));
    b.putShort((short) 1).putShort((short) fragmentField).put((byte) 64).put((byte) protocol);
    b.putShort((short) 0).putInt(source).putInt(destination).put(options).put(payload);
    return b.array();
  }

  /** IPv6; {@code chain} holds extension headers (already linked) followed by the payload. */
  static byte[] ipv6(byte[] source, byte[] destination, int nextHeader, byte[] chain) {
    ByteBuffer b = ByteBuffer.allocate(40 + chain.length);
    b.putInt(0x6000_0000).putShort((short) chain.length).put((byte) nextHeader).put((byte) 64);
    b.put(source).put(destination).put(chain);
    return b.array();
  }

  static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
    b.putShort((short) sourcePort).putShort((short) destinationPort);
    b.putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
    return b.array();
  }

  static byte[] tcp(int sourcePort, int destinationPort, int sequence, int flags, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
    b.putShort((short) sourcePort).putShort((short) destinationPort).putInt(sequence).putInt(0);
    b.putShort((short) (0x5000 | flags)).putShort((short) 65535).putInt(0).put(payload);
    return b.array();
  }

  /** Ethernet + IPv4 + UDP from client to server. */
  static byte[] udpFrame(int sourcePort, int destinationPort, byte[] payload) {
    return ethernet(
        SERVER_MAC,
        CLIENT_MAC,
        0x0800,
        ipv4(CLIENT_IP, SERVER_IP, 17, udp(sourcePort, destinationPort, payload)));
  }

  static CapturedFrame frame(long number, int linkType, byte[] data) {
    return new CapturedFrame(
        number, number * 1_000_000L, linkType, ByteBuffer.wrap(data), data.length);
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      b.put(p);
    }
    return b.array();
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
