package io.fieldprint.protocols.packet;

import java.nio.ByteBuffer;

/**
 * The headers of the frame being dissected, as offsets and primitives into the frame's bytes; one
 * instance per dissector, overwritten by every frame. Addresses are kept in a 128-bit form (IPv4 as
 * IPv4-mapped) so flow keys need no objects.
 */
final class PacketView {
  /** The frame bytes, big-endian, index 0 = first captured byte. */
  ByteBuffer data;

  int linkType;
  long frameNumber;
  long timestampNanos;
  String captureName;

  /** Offsets of the 6-byte source and destination MACs, or -1. */
  int sourceMacOffset;

  int destinationMacOffset;
  int vlanId;

  /** EtherType of the link payload after tags, or -1 when the frame carries none (LLC, ...). */
  int etherType;

  int networkOffset;
  int networkEnd;

  boolean ipv6;
  long sourceHigh;
  long sourceLow;
  long destinationHigh;
  long destinationLow;
  int ipProtocol;
  int transportOffset;
  int transportEnd;

  /** Bytes of the IP payload that the capture did not keep (snaplen). */
  int transportMissing;

  int sourcePort;
  int destinationPort;
  int tcpSequence;
  int tcpFlags;
  int payloadOffset;
  int payloadEnd;

  void reset(ByteBuffer frameData, int linkType, long number, long timestamp, String capture) {
    this.data = frameData;
    this.linkType = linkType;
    this.frameNumber = number;
    this.timestampNanos = timestamp;
    this.captureName = capture;
    this.sourceMacOffset = -1;
    this.destinationMacOffset = -1;
    this.vlanId = -1;
    this.etherType = -1;
    this.transportMissing = 0;
  }

  int length() {
    return data.limit();
  }

  int u8(int offset) {
    return data.get(offset) & 0xFF;
  }

  int u16(int offset) {
    return data.getShort(offset) & 0xFFFF;
  }

  int i32(int offset) {
    return data.getInt(offset);
  }

  long i64(int offset) {
    return data.getLong(offset);
  }

  /** The 48-bit MAC at {@code offset}, or -1 when {@code offset} is -1. */
  long mac(int offset) {
    if (offset < 0) {
      return -1;
    }
    return ((long) u16(offset) << 32) | Integer.toUnsignedLong(i32(offset + 2));
  }

  String origin() {
    return captureName + "#frame=" + frameNumber;
  }
}
