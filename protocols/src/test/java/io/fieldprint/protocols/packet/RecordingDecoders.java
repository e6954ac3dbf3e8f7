package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.DatagramContext;
import io.fieldprint.protocols.decode.EtherTypeProtocol;
import io.fieldprint.protocols.decode.LinkContext;
import io.fieldprint.protocols.decode.UdpProtocol;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** UDP and EtherType decoders that record what they were handed, as readable lines. */
final class RecordingDecoders {
  private RecordingDecoders() {}

  static String hex(ByteBuffer b) {
    byte[] bytes = new byte[b.remaining()];
    b.duplicate().get(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Accepts datagrams to or from {@code port}. */
  static final class Udp implements UdpProtocol {
    final List<String> datagrams = new ArrayList<>();
    final List<String> origins = new ArrayList<>();
    private final int port;

    Udp(int port) {
      this.port = port;
    }

    @Override
    public String name() {
      return "test-udp";
    }

    @Override
    public boolean accepts(int sourcePort, int destinationPort) {
      return sourcePort == port || destinationPort == port;
    }

    @Override
    public void onDatagram(DatagramContext context, ByteBuffer payload) {
      datagrams.add(context.source() + " > " + context.destination() + " " + hex(payload));
      origins.add(context.origin() + " " + context.timestamp());
    }
  }

  static final class Ether implements EtherTypeProtocol {
    final List<String> frames = new ArrayList<>();
    private final int etherType;

    Ether(int etherType) {
      this.etherType = etherType;
    }

    @Override
    public String name() {
      return "test-ether";
    }

    @Override
    public int etherType() {
      return etherType;
    }

    @Override
    public void onFrame(LinkContext context, ByteBuffer payload) {
      frames.add(
          context.sourceMac()
              + " > "
              + context.destinationMac()
              + " vlan "
              + context.vlanId()
              + " "
              + hex(payload));
    }
  }
}
