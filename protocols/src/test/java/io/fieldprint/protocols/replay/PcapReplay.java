package io.fieldprint.protocols.replay;

import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.decode.TcpSession;
import io.fieldprint.protocols.decode.UdpProtocol;
import io.fieldprint.protocols.testing.RecordingSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately small stand-in for the real dissector, so decoders can be checked on the shared
 * captures: classic pcap, Ethernet (one optional VLAN tag), unfragmented IPv4, TCP in order per
 * direction (retransmissions dropped, holes reported as gaps) and UDP. Not for production use.
 */
public final class PcapReplay {
  private final String name;
  private final TcpProtocol tcp;
  private final UdpProtocol udp;
  private final RecordingSink sink = new RecordingSink();
  private final Map<String, Connection> connections = new LinkedHashMap<>();

  private PcapReplay(String name, TcpProtocol tcp, UdpProtocol udp) {
    this.name = name;
    this.tcp = tcp;
    this.udp = udp;
  }

  public static RecordingSink tcp(Path capture, TcpProtocol protocol) throws IOException {
    return new PcapReplay(capture.getFileName().toString(), protocol, null).run(capture);
  }

  public static RecordingSink udp(Path capture, UdpProtocol protocol) throws IOException {
    return new PcapReplay(capture.getFileName().toString(), null, protocol).run(capture);
  }

  private RecordingSink run(Path capture) throws IOException {
    ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(capture));
    int magic = file.getInt(0);
    boolean nanos = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
    file.order(
        magic == 0xa1b2c3d4 || magic == 0xa1b23c4d
            ? ByteOrder.BIG_ENDIAN
            : ByteOrder.LITTLE_ENDIAN);
    if (file.getInt(20) != 1) {
      throw new IllegalArgumentException("only Ethernet captures: " + capture);
    }
    int at = 24;
    int number = 0;
    while (at + 16 <= file.limit()) {
      number++;
      long seconds = file.getInt(at) & 0xFFFFFFFFL;
      long fraction = file.getInt(at + 4) & 0xFFFFFFFFL;
      int captured = file.getInt(at + 8);
      Instant time = Instant.ofEpochSecond(seconds, nanos ? fraction : fraction * 1000);
      ByteBuffer frame = file.slice(at + 16, Math.min(captured, file.limit() - at - 16));
      frame.order(ByteOrder.BIG_ENDIAN);
      ethernet(frame, new Frame(name + "#frame=" + number, time));
      at += 16 + captured;
    }
    for (Connection c : connections.values()) {
      c.session.onClose();
    }
    return sink;
  }

  private record Frame(String origin, Instant time) {}

  private void ethernet(ByteBuffer f, Frame meta) {
    if (f.limit() < 14) {
      return;
    }
    String dst = mac(f, 0);
    String src = mac(f, 6);
    int type = f.getShort(12) & 0xFFFF;
    int ip = 14;
    if (type == 0x8100 && f.limit() >= 18) {
      type = f.getShort(16) & 0xFFFF;
      ip = 18;
    }
    if (type != 0x0800 || f.limit() < ip + 20 || (f.get(ip) & 0xF0) != 0x40) {
      return;
    }
    int ihl = (f.get(ip) & 0x0F) * 4;
    int total = Math.min(f.getShort(ip + 2) & 0xFFFF, f.limit() - ip);
    int protocol = f.get(ip + 9) & 0xFF;
    if ((f.getShort(ip + 6) & 0x3FFF) != 0 || ihl < 20 || total < ihl) {
      return;
    }
    String srcIp = ipv4(f, ip + 12);
    String dstIp = ipv4(f, ip + 16);
    ByteBuffer l4 = f.slice(ip + ihl, total - ihl);
    if (protocol == 6 && tcp != null) {
      tcpSegment(l4, new Endpoint(src, srcIp, 0), new Endpoint(dst, dstIp, 0), meta);
    } else if (protocol == 17 && udp != null && l4.limit() >= 8) {
      Endpoint s = new Endpoint(src, srcIp, l4.getShort(0) & 0xFFFF);
      Endpoint d = new Endpoint(dst, dstIp, l4.getShort(2) & 0xFFFF);
      if (udp.accepts(s.port(), d.port())) {
        int length = Math.min(l4.getShort(4) & 0xFFFF, l4.limit());
        ByteBuffer payload = l4.slice(8, Math.max(0, length - 8)).asReadOnlyBuffer();
        udp.onDatagram(new FakeDatagramContext(s, d, sink, meta.origin(), meta.time()), payload);
      }
    }
  }

  private void tcpSegment(ByteBuffer t, Endpoint srcHost, Endpoint dstHost, Frame meta) {
    if (t.limit() < 20) {
      return;
    }
    Endpoint src = new Endpoint(srcHost.mac(), srcHost.ip(), t.getShort(0) & 0xFFFF);
    Endpoint dst = new Endpoint(dstHost.mac(), dstHost.ip(), t.getShort(2) & 0xFFFF);
    int seq = t.getInt(4);
    int offset = ((t.get(12) & 0xF0) >> 4) * 4;
    int flags = t.get(13) & 0xFF;
    boolean syn = (flags & 0x02) != 0;
    boolean ack = (flags & 0x10) != 0;
    String forward = key(src, dst);
    Connection c = connections.get(forward);
    if (c == null) {
      c = connections.get(key(dst, src));
    }
    if (c == null) {
      Endpoint server = syn && !ack ? dst : tcp.isWellKnownPort(dst.port()) ? dst : src;
      if (!tcp.isWellKnownPort(server.port())) {
        return;
      }
      Endpoint client = server == dst ? src : dst;
      TcpFlow flow = new TcpFlow(client, server, syn);
      c = new Connection(flow, tcp.openSession(flow));
      connections.put(key(client, server), c);
    }
    boolean fromServer =
        src.ip().equals(c.flow.server().ip()) && src.port() == c.flow.server().port();
    Direction d = fromServer ? c.fromServer : c.toServer;
    if (syn) {
      d.nextSeq = seq + 1;
      d.started = true;
      return;
    }
    if (offset < 20 || offset > t.limit() || t.limit() == offset) {
      return;
    }
    byte[] payload = new byte[t.limit() - offset];
    t.get(offset, payload);
    FakePduContext ctx = new FakePduContext(c.flow, fromServer, sink, meta.origin(), meta.time());
    if (!d.started) {
      d.started = true;
      d.nextSeq = seq;
    }
    int ahead = seq - d.nextSeq;
    if (ahead < 0) {
      if (ahead + payload.length <= 0) {
        return;
      }
      payload = java.util.Arrays.copyOfRange(payload, -ahead, payload.length);
      d.nextSeq += payload.length;
    } else if (ahead > 0) {
      c.session.onGap(ctx, ahead);
      d.buffer.clear();
      d.nextSeq = seq + payload.length;
    } else {
      d.nextSeq += payload.length;
    }
    d.append(payload);
    cut(c, d, ctx);
  }

  private void cut(Connection c, Direction d, FakePduContext ctx) {
    ByteBuffer b = d.buffer;
    b.flip();
    while (b.hasRemaining()) {
      int length = tcp.pduLength(b.duplicate());
      if (length == TcpProtocol.NEED_MORE) {
        break;
      }
      if (length == TcpProtocol.NOT_A_PDU || length > tcp.maxPduLength() || length <= 0) {
        b.position(b.position() + 1);
        continue;
      }
      if (length > b.remaining()) {
        break;
      }
      ByteBuffer pdu = b.slice(b.position(), length).asReadOnlyBuffer();
      c.session.onPdu(ctx, pdu);
      b.position(b.position() + length);
    }
    b.compact();
  }

  private static String key(Endpoint a, Endpoint b) {
    return a.ip() + ":" + a.port() + ">" + b.ip() + ":" + b.port();
  }

  private static String mac(ByteBuffer f, int at) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      s.append(i == 0 ? "" : ":").append(String.format("%02x", f.get(at + i) & 0xFF));
    }
    return s.toString();
  }

  private static String ipv4(ByteBuffer f, int at) {
    return (f.get(at) & 0xFF)
        + "."
        + (f.get(at + 1) & 0xFF)
        + "."
        + (f.get(at + 2) & 0xFF)
        + "."
        + (f.get(at + 3) & 0xFF);
  }

  private static final class Connection {
    final TcpFlow flow;
    final TcpSession session;
    final Direction toServer = new Direction();
    final Direction fromServer = new Direction();

    Connection(TcpFlow flow, TcpSession session) {
      this.flow = flow;
      this.session = session;
    }
  }

  private static final class Direction {
    int nextSeq;
    boolean started;
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    void append(byte[] bytes) {
      if (buffer.remaining() < bytes.length) {
        ByteBuffer bigger =
            ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes.length));
        buffer.flip();
        bigger.put(buffer);
        buffer = bigger;
      }
      buffer.put(bytes);
    }
  }

  /** Every observation's evidence sources, for quick assertions. */
  public static List<String> sources(RecordingSink sink) {
    List<String> sources = new ArrayList<>();
    sink.observations.forEach(o -> sources.add(o.evidence().source()));
    return sources;
  }
}
