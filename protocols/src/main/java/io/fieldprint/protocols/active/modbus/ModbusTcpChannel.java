package io.fieldprint.protocols.active.modbus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One plain TCP connection to a Modbus/TCP server. Writes frames exactly as given and reads one
 * response frame at a time, bounded: MBAP header (transaction id u16, protocol id u16 = 0, length
 * u16, unit id u8), then length - 1 bytes of PDU; a frame is at most {@value #MAX_FRAME} bytes. A
 * response for an earlier (timed-out) transaction is skipped, at most {@value #MAX_STALE} times.
 * Never retries; never throws on what the server sends.
 */
final class ModbusTcpChannel implements AutoCloseable {
  static final int MBAP_LENGTH = 7;

  /** Modbus Application Protocol: 7-byte MBAP header + at most 253 bytes of PDU. */
  static final int MAX_FRAME = 260;

  static final int MAX_STALE = 4;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private long bytesReceived;

  private ModbusTcpChannel(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects within {@code timeout}; fails with the I/O reason. */
  static ModbusTcpChannel connect(String host, int port, Duration timeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), millis(timeout));
      return new ModbusTcpChannel(socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** The address actually connected to. */
  String remoteAddress() {
    return socket.getInetAddress().getHostAddress();
  }

  long bytesReceived() {
    return bytesReceived;
  }

  /** Sends {@code frame} and waits up to {@code timeout} for the response to {@code tid}. */
  ModbusReply exchange(byte[] frame, int tid, Duration timeout) {
    try {
      out.write(frame);
      out.flush();
    } catch (IOException e) {
      return new ModbusReply.Broken("could not send: " + e.getMessage());
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int stale = 0; stale <= MAX_STALE; stale++) {
      ModbusReply reply = readFrame(deadline);
      if (!(reply instanceof ModbusReply.Frame f)) {
        return reply;
      }
      int got = ((f.frame()[0] & 0xFF) << 8) | (f.frame()[1] & 0xFF);
      if (got == tid) {
        int unit = frame[MBAP_LENGTH - 1] & 0xFF;
        return f.unitId() == unit
            ? reply
            : new ModbusReply.Broken(
                "response from unit " + f.unitId() + " to a request for unit " + unit);
      }
      if (got > tid) {
        return new ModbusReply.Broken(
            "response with transaction id " + got + " to request " + tid + " (out of step)");
      }
    }
    return new ModbusReply.Broken("more than " + MAX_STALE + " responses to earlier requests");
  }

  private ModbusReply readFrame(long deadline) {
    byte[] header = new byte[MBAP_LENGTH];
    try {
      if (!readFully(header, 0, MBAP_LENGTH, deadline)) {
        return new ModbusReply.Silence("no response within the request timeout");
      }
      int protocolId = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
      int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
      if (protocolId != 0) {
        return new ModbusReply.Broken("MBAP protocol id " + protocolId + ", expected 0");
      }
      if (length < 2 || MBAP_LENGTH - 1 + length > MAX_FRAME) {
        return new ModbusReply.Broken(
            "MBAP length " + length + " outside 2-" + (MAX_FRAME - MBAP_LENGTH + 1));
      }
      byte[] frame = new byte[MBAP_LENGTH - 1 + length];
      System.arraycopy(header, 0, frame, 0, MBAP_LENGTH);
      if (!readFully(frame, MBAP_LENGTH, frame.length - MBAP_LENGTH, deadline)) {
        return new ModbusReply.Broken(
            "response cut short: MBAP length " + length + ", rest did not arrive in time");
      }
      return new ModbusReply.Frame(header[6] & 0xFF, frame);
    } catch (EndOfStream e) {
      return new ModbusReply.Broken("connection closed by the device" + e.getMessage());
    } catch (IOException e) {
      return new ModbusReply.Broken("connection failed: " + e.getMessage());
    }
  }

  /** False when the deadline passed before {@code length} bytes arrived. */
  private boolean readFully(byte[] buffer, int offset, int length, long deadline)
      throws IOException {
    int done = 0;
    while (done < length) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
      int n;
      try {
        n = in.read(buffer, offset + done, length - done);
      } catch (SocketTimeoutException e) {
        return false;
      }
      if (n < 0) {
        throw new EndOfStream(done == 0 && offset == 0 ? "" : " mid-frame");
      }
      done += n;
      bytesReceived += n;
    }
    return true;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing is best effort; the socket is gone either way
    }
  }

  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  /** The peer closed the stream. */
  private static final class EndOfStream extends IOException {
    private static final long serialVersionUID = 1L;

    EndOfStream(String where) {
      super(where);
    }
  }
}
