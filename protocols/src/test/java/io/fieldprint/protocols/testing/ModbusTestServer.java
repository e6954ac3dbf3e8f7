package io.fieldprint.protocols.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Modbus/TCP server on loopback, port 0, for probe tests. Each request frame is recorded
 * with the server's own clock ({@link System#nanoTime()} at the moment the whole frame arrived),
 * then answered as the {@link Responder} says: a PDU (framed with the request's transaction id),
 * raw bytes (for hostile servers), silence, or raw bytes followed by a connection reset.
 */
public final class ModbusTestServer implements AutoCloseable {

  /** What the server does with one request. */
  public interface Responder {
    Answer answer(int unitId, byte[] pdu);
  }

  /** The server's answer to one request. */
  public sealed interface Answer {
    /** A well-framed response carrying {@code pdu}. */
    record Pdu(byte[] pdu) implements Answer {}

    /** Exactly these bytes (no framing); the transaction id is patched in when asked. */
    record Raw(byte[] bytes, boolean patchTransactionId) implements Answer {}

    /** Nothing at all. */
    record Silence() implements Answer {}

    /** These bytes, then a TCP reset. */
    record ResetAfter(byte[] bytes) implements Answer {}
  }

  /**
   * One request as received.
   *
   * @param nanos server clock when the frame was complete
   * @param connection 1-based number of the connection it came on
   * @param unitId unit id of the request
   * @param pdu the request PDU (function code first)
   */
  public record Received(long nanos, int connection, int unitId, byte[] pdu) {
    public int functionCode() {
      return pdu.length == 0 ? -1 : pdu[0] & 0xFF;
    }
  }

  private final ServerSocket socket;
  private final Responder responder;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Received> received = new ArrayList<>();

  private ModbusTestServer(ServerSocket socket, Responder responder) {
    this.socket = socket;
    this.responder = responder;
  }

  /** Starts a server on 127.0.0.1, port 0. */
  public static ModbusTestServer start(Responder responder) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    ModbusTestServer server = new ModbusTestServer(socket, responder);
    server.threads.submit(server::acceptLoop);
    return server;
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** {@code modbus://127.0.0.1:PORT} plus {@code suffix} (e.g. {@code /1}). */
  public String target(String suffix) {
    return "modbus://127.0.0.1:" + port() + suffix;
  }

  public int connections() {
    return connections.get();
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        int number = connections.incrementAndGet();
        threads.submit(() -> serve(client, number));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client, int number) {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        byte[] header = new byte[7];
        in.readFully(header);
        int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        if (length < 1 || length > 254) {
          return;
        }
        byte[] pdu = new byte[length - 1];
        in.readFully(pdu);
        int unit = header[6] & 0xFF;
        synchronized (this) {
          received.add(new Received(System.nanoTime(), number, unit, pdu));
        }
        if (!answer(client, out, header, responder.answer(unit, pdu))) {
          return;
        }
      }
    } catch (IOException e) {
      // the client closed or reset the connection: nothing more to serve
    }
  }

  private static boolean answer(Socket client, OutputStream out, byte[] request, Answer answer)
      throws IOException {
    if (answer instanceof Answer.Pdu p) {
      byte[] frame = new byte[7 + p.pdu().length];
      frame[0] = request[0];
      frame[1] = request[1];
      frame[4] = (byte) ((p.pdu().length + 1) >> 8);
      frame[5] = (byte) (p.pdu().length + 1);
      frame[6] = request[6];
      System.arraycopy(p.pdu(), 0, frame, 7, p.pdu().length);
      out.write(frame);
    } else if (answer instanceof Answer.Raw r) {
      byte[] bytes = r.bytes().clone();
      if (r.patchTransactionId() && bytes.length >= 2) {
        bytes[0] = request[0];
        bytes[1] = request[1];
      }
      out.write(bytes);
    } else if (answer instanceof Answer.ResetAfter r) {
      out.write(r.bytes());
      out.flush();
      client.setSoLinger(true, 0);
      return false;
    }
    out.flush();
    return true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }
}
