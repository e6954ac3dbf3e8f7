package io.fieldprint.protocols.packet;

import static io.fieldprint.protocols.packet.Frames.CLIENT_IP;
import static io.fieldprint.protocols.packet.Frames.CLIENT_MAC;
import static io.fieldprint.protocols.packet.Frames.SERVER_IP;
import static io.fieldprint.protocols.packet.Frames.SERVER_MAC;

import io.fieldprint.protocols.capture.CapturedFrame;
import io.fieldprint.protocols.capture.LinkType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the frames of one Ethernet/IPv4 TCP connection, tracking sequence numbers. */
final class TcpConversation {
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int PSH = 0x08;
  static final int ACK = 0x10;

  private final int clientIp;
  private final int serverIp;
  private final int clientPort;
  private final int serverPort;
  private final int clientIsn;
  private final int serverIsn;
  private final List<CapturedFrame> frames = new ArrayList<>();
  private int clientNext;
  private int serverNext;
  private long number;
  private long timeNanos = 1_700_000_000_000_000_000L;

  TcpConversation(int clientPort, int serverPort, int clientIsn, int serverIsn) {
    this(CLIENT_IP, SERVER_IP, clientPort, serverPort, clientIsn, serverIsn);
  }

  TcpConversation(
      int clientIp, int serverIp, int clientPort, int serverPort, int clientIsn, int serverIsn) {
    this.clientIp = clientIp;
    this.serverIp = serverIp;
    this.clientPort = clientPort;
    this.serverPort = serverPort;
    this.clientIsn = clientIsn;
    this.serverIsn = serverIsn;
    this.clientNext = clientIsn + 1;
    this.serverNext = serverIsn + 1;
  }

  /** Frame numbers continue from {@code n} (to mix conversations in one capture). */
  TcpConversation numberedFrom(long n) {
    number = n - 1;
    return this;
  }

  TcpConversation at(long nanos) {
    timeNanos = nanos;
    return this;
  }

  TcpConversation handshake() {
    add(true, clientIsn, SYN, new byte[0]);
    add(false, serverIsn, SYN | ACK, new byte[0]);
    add(true, clientNext, ACK, new byte[0]);
    return this;
  }

  TcpConversation client(byte[] payload) {
    add(true, clientNext, ACK | PSH, payload);
    clientNext += payload.length;
    return this;
  }

  TcpConversation server(byte[] payload) {
    add(false, serverNext, ACK | PSH, payload);
    serverNext += payload.length;
    return this;
  }

  /**
   * A client segment at {@code offset} bytes into the client's stream; the stream does not advance.
   */
  TcpConversation clientAt(int offset, byte[] payload) {
    add(true, clientIsn + 1 + offset, ACK | PSH, payload);
    return this;
  }

  /** Sends {@code stream} from the client in segments of {@code size} bytes. */
  TcpConversation clientStream(byte[] stream, int size) {
    for (int i = 0; i < stream.length; i += size) {
      client(Arrays.copyOfRange(stream, i, Math.min(stream.length, i + size)));
    }
    return this;
  }

  TcpConversation serverStream(byte[] stream, int size) {
    for (int i = 0; i < stream.length; i += size) {
      server(Arrays.copyOfRange(stream, i, Math.min(stream.length, i + size)));
    }
    return this;
  }

  /** Advances the client's stream by {@code n} bytes that are never captured. */
  TcpConversation clientLoses(int n) {
    clientNext += n;
    return this;
  }

  TcpConversation clientFlags(int flags) {
    add(true, clientNext, flags, new byte[0]);
    return this;
  }

  TcpConversation serverFlags(int flags) {
    add(false, serverNext, flags, new byte[0]);
    return this;
  }

  List<CapturedFrame> frames() {
    return frames;
  }

  private void add(boolean fromClient, int sequence, int flags, byte[] payload) {
    byte[] tcp =
        fromClient
            ? Frames.tcp(clientPort, serverPort, sequence, flags, payload)
            : Frames.tcp(serverPort, clientPort, sequence, flags, payload);
    byte[] ip =
        fromClient
            ? Frames.ipv4(clientIp, serverIp, 6, tcp)
            : Frames.ipv4(serverIp, clientIp, 6, tcp);
    byte[] frame =
        fromClient
            ? Frames.ethernet(SERVER_MAC, CLIENT_MAC, 0x0800, ip)
            : Frames.ethernet(CLIENT_MAC, SERVER_MAC, 0x0800, ip);
    number++;
    timeNanos += 1_000_000;
    frames.add(
        new CapturedFrame(
            number, timeNanos, LinkType.ETHERNET, ByteBuffer.wrap(frame), frame.length));
  }
}
