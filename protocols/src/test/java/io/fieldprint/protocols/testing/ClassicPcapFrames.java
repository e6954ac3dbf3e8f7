package io.fieldprint.protocols.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-side reader of classic (libpcap) Ethernet captures that hands an EtherType protocol its
 * frames, skipping 802.1Q tags, so decoders can be checked on the shared real captures before the
 * project's own dissector is merged.
 */
public final class ClassicPcapFrames {
  private ClassicPcapFrames() {}

  /**
   * An Ethernet frame.
   *
   * @param number 1-based frame number
   * @param source source MAC text
   * @param destination destination MAC text
   * @param vlanId innermost VLAN id or -1
   * @param etherType EtherType after tags
   * @param payload bytes after the EtherType
   */
  public record Frame(
      int number, String source, String destination, int vlanId, int etherType, byte[] payload) {

    public StubLinkContext context(String file) {
      return new StubLinkContext(
          source, destination, vlanId, file + "#frame=" + number, new RecordingSink());
    }
  }

  public static List<Frame> read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
    int magic = b.getInt(0);
    if (magic == 0xd4c3b2a1) {
      b.order(ByteOrder.LITTLE_ENDIAN);
    } else if (magic != 0xa1b2c3d4) {
      throw new IOException("not a classic pcap file: " + file);
    }
    List<Frame> frames = new ArrayList<>();
    int at = 24;
    while (at + 16 <= b.limit()) {
      int caplen = b.getInt(at + 8);
      byte[] data = Arrays.copyOfRange(b.array(), at + 16, at + 16 + caplen);
      frames.add(ethernet(frames.size() + 1, data));
      at += 16 + caplen;
    }
    return frames;
  }

  private static Frame ethernet(int number, byte[] d) {
    ByteBuffer e = ByteBuffer.wrap(d);
    int at = 12;
    int type = e.getShort(at) & 0xFFFF;
    int vlan = -1;
    while ((type == 0x8100 || type == 0x88A8) && at + 6 <= d.length) {
      vlan = e.getShort(at + 2) & 0x0FFF;
      at += 4;
      type = e.getShort(at) & 0xFFFF;
    }
    return new Frame(
        number, mac(d, 6), mac(d, 0), vlan, type, Arrays.copyOfRange(d, at + 2, d.length));
  }

  private static String mac(byte[] d, int at) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      s.append(String.format(i == 0 ? "%02x" : ":%02x", d[at + i] & 0xFF));
    }
    return s.toString();
  }
}
