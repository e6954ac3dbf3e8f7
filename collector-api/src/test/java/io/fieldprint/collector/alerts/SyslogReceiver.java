package io.fieldprint.collector.alerts;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A syslog receiver on loopback port 0: UDP datagrams, or TCP with RFC 6587 octet-counting framing;
 * each message is parsed as RFC 5424 (HEADER SP STRUCTURED-DATA SP MSG).
 */
final class SyslogReceiver implements AutoCloseable {
  /** RFC 5424 section 6: PRI VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID. */
  private static final Pattern RFC5424 =
      Pattern.compile(
          "<(\\d{1,3})>1 (\\S+) (\\S{1,255}) (\\S{1,48}) (\\S{1,128}) (\\S{1,32}) (-|\\[.*?\\]) (.*)",
          Pattern.DOTALL);

  /** One parsed message. */
  record Message(int pri, String timestamp, String host, String app, String msgId, String msg) {}

  private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
  private final AutoCloseable socket;
  private final int port;
  private final Thread thread;

  private SyslogReceiver(AutoCloseable socket, int port, Runnable loop) {
    this.socket = socket;
    this.port = port;
    this.thread = new Thread(loop, "syslog-receiver");
    thread.setDaemon(true);
    thread.start();
  }

  static SyslogReceiver udp() throws IOException {
    DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    SyslogReceiver[] self = new SyslogReceiver[1];
    self[0] =
        new SyslogReceiver(
            s,
            s.getLocalPort(),
            () -> {
              byte[] buf = new byte[65535];
              while (!s.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                  s.receive(p);
                  self[0].parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                  return;
                }
              }
            });
    return self[0];
  }

  static SyslogReceiver tcp() throws IOException {
    return stream(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
  }

  /**
   * RFC 5425: octet-counted frames inside TLS with the given server key; clients whose handshake
   * fails (they do not trust the certificate) are dropped, not reported.
   */
  static SyslogReceiver tls(javax.net.ssl.SSLContext server) throws IOException {
    return stream(
        server
            .getServerSocketFactory()
            .createServerSocket(0, 10, InetAddress.getLoopbackAddress()));
  }

  private static SyslogReceiver stream(ServerSocket s) {
    SyslogReceiver[] self = new SyslogReceiver[1];
    self[0] =
        new SyslogReceiver(
            s,
            s.getLocalPort(),
            () -> {
              while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                  DataInputStream in = new DataInputStream(c.getInputStream());
                  String frame;
                  while ((frame = octetCounted(in)) != null) {
                    self[0].parse(frame);
                  }
                } catch (javax.net.ssl.SSLHandshakeException e) {
                  // an untrusting client hung up during the handshake
                } catch (IOException e) {
                  if (s.isClosed()) {
                    return;
                  }
                  self[0].received.add(e);
                }
              }
            });
    return self[0];
  }

  /** RFC 6587 3.4.1: MSG-LEN SP SYSLOG-MSG; null at a clean end of stream. */
  static String octetCounted(InputStream in) throws IOException {
    ByteArrayOutputStream digits = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != ' ') {
      if (b < 0) {
        if (digits.size() == 0) {
          return null;
        }
        throw new IOException("stream ended inside a frame length");
      }
      if (b < '0' || b > '9' || digits.size() > 6) {
        throw new IOException("not octet-counting framing (byte " + b + ")");
      }
      digits.write(b);
    }
    int length = Integer.parseInt(digits.toString(StandardCharsets.US_ASCII));
    byte[] msg = new DataInputStream(in).readNBytes(length);
    if (msg.length != length) {
      throw new IOException("frame shorter than its length");
    }
    return new String(msg, StandardCharsets.UTF_8);
  }

  private void parse(String text) {
    Matcher m = RFC5424.matcher(text);
    if (!m.matches()) {
      received.add(new IOException("not RFC 5424: " + text));
      return;
    }
    received.add(
        new Message(
            Integer.parseInt(m.group(1)),
            m.group(2),
            m.group(3),
            m.group(4),
            m.group(6),
            m.group(8)));
  }

  int port() {
    return port;
  }

  /** The next message; fails on a malformed one or when none arrives within 10 s. */
  Message next() throws Exception {
    Object o = received.poll(10, TimeUnit.SECONDS);
    if (o == null) {
      throw new AssertionError("no syslog message arrived");
    }
    if (o instanceof Exception e) {
      throw new AssertionError("receiver failed", e);
    }
    return (Message) o;
  }

  @Override
  public void close() throws Exception {
    socket.close();
    thread.join(5000);
  }
}
