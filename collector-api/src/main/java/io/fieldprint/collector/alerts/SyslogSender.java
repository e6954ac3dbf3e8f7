package io.fieldprint.collector.alerts;

import io.fieldprint.collector.config.Destination;
import io.fieldprint.collector.storage.CorrelationStore.Alert;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends an RFC 5424 message ({@code <PRI>1 TIMESTAMP HOSTNAME fieldprint - alert - CEF...}) over
 * UDP (one datagram), TCP (octet counting, RFC 6587 3.4.1: {@code LENGTH SP MESSAGE}) or TLS (RFC
 * 5425: the same framing inside TLS, the certificate checked against the host).
 */
public final class SyslogSender implements AlertSender {
  /** facility local0 (16), severity warning (4). */
  static final int PRI = 16 * 8 + 4;

  private static final int MAX_UDP = 8192;

  private final Destination.Syslog destination;
  private final String version;
  private final String hostname;
  private final SSLSocketFactory tls;

  public SyslogSender(Destination.Syslog destination, String version) {
    this.destination = destination;
    this.version = version;
    this.hostname = localHostname();
    this.tls =
        destination.transport() == Destination.Transport.TLS
            ? TrustedCertificates.socketFactory(destination.caFile())
            : null;
  }

  @Override
  public void send(Alert alert) throws IOException {
    byte[] message = message(alert).getBytes(StandardCharsets.UTF_8);
    if (destination.transport() == Destination.Transport.UDP) {
      if (message.length > MAX_UDP) {
        throw new IOException("message of " + message.length + " bytes is too long for UDP");
      }
      try (DatagramSocket socket = new DatagramSocket()) {
        socket.send(
            new DatagramPacket(
                message,
                message.length,
                new InetSocketAddress(destination.host(), destination.port())));
      }
      return;
    }
    try (Socket socket = tls == null ? new Socket() : tls.createSocket()) {
      socket.connect(new InetSocketAddress(destination.host(), destination.port()), 10_000);
      socket.setSoTimeout(10_000);
      if (socket instanceof SSLSocket ssl) {
        // the receiver's certificate must name the configured host (RFC 5425 section 5.2)
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
        ssl.startHandshake();
      }
      OutputStream out = socket.getOutputStream();
      out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
      out.write(message);
      out.flush();
    }
  }

  String message(Alert alert) {
    String timestamp =
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            alert.createdAt().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    return "<"
        + PRI
        + ">1 "
        + timestamp
        + " "
        + hostname
        + " fieldprint - alert - "
        + CefMessage.format(alert, version);
  }

  private static String localHostname() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.isBlank() || name.length() > 255 ? "-" : name.replace(' ', '-');
    } catch (IOException e) {
      return "-";
    }
  }
}
