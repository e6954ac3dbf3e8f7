package io.fieldprint.agent.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

/**
 * A Modbus/TCP end device on its own loopback address: answers FC 43/14 (basic, regular and
 * extended categories, each in one response as most devices do, or a few objects per response with
 * more-follows as devices with long strings must) and FC 17 from its {@link SimulatedIdentity},
 * every other function code with exception 0x01. Like most Modbus/TCP end devices it ignores the
 * unit id. Serves any number of connections, one thread each from a shared pool, and counts what it
 * sees in its {@link DeviceCounters}.
 */
final class SimulatedModbusDevice implements AutoCloseable {

  private final ServerSocket socket;
  private final TreeMap<Integer, String> objects = new TreeMap<>();
  private final SimulatedIdentity identity;
  private final DeviceCounters counters;
  private final ExecutorService threads;
  private final int objectsPerPage;

  private SimulatedModbusDevice(
      ServerSocket socket,
      SimulatedIdentity identity,
      int objectsPerPage,
      ExecutorService threads) {
    this.socket = socket;
    this.identity = identity;
    this.objectsPerPage = objectsPerPage;
    this.threads = threads;
    this.counters = new DeviceCounters(socket.getInetAddress().getHostAddress(), "modbus");
    objects.putAll(
        Map.of(
            0, identity.vendor(),
            1, identity.model(),
            2, identity.firmware(),
            3, "https://" + identity.vendor().split(" ")[0].toLowerCase() + ".example",
            4, identity.product(),
            5, identity.model(),
            6, "bench-" + identity.serial()));
  }

  /**
   * @param objectsPerPage most objects per FC 43 response; 0 for all of the category at once
   */
  static SimulatedModbusDevice start(
      InetAddress address,
      int port,
      SimulatedIdentity identity,
      int objectsPerPage,
      ExecutorService threads)
      throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(address, port), 64);
    SimulatedModbusDevice device =
        new SimulatedModbusDevice(socket, identity, objectsPerPage, threads);
    threads.submit(device::acceptLoop);
    return device;
  }

  DeviceCounters counters() {
    return counters;
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        counters.connectionOpened();
        threads.submit(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setTcpNoDelay(true);
      InputStream raw = client.getInputStream();
      DataInputStream in = new DataInputStream(raw);
      OutputStream out = client.getOutputStream();
      while (true) {
        byte[] header = new byte[7];
        in.readFully(header);
        int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        if (length < 2 || length > 254) {
          return;
        }
        byte[] pdu = new byte[length - 1];
        in.readFully(pdu);
        counters.request(kind(pdu));
        counters.started();
        if (raw.available() > 0) {
          counters.started(); // the next request arrived before this one was answered
          counters.answered();
        }
        out.write(frame(header, answer(pdu)));
        out.flush();
        counters.answered();
      }
    } catch (IOException e) {
      // the client closed or reset the connection
    } finally {
      counters.connectionClosed();
    }
  }

  private static String kind(byte[] pdu) {
    int fc = pdu[0] & 0xFF;
    return fc == 0x2B && pdu.length >= 3 ? "FC43/" + (pdu[2] & 0xFF) : "FC" + fc;
  }

  private static byte[] frame(byte[] request, byte[] pdu) {
    byte[] frame = new byte[7 + pdu.length];
    System.arraycopy(request, 0, frame, 0, 4);
    frame[4] = (byte) ((pdu.length + 1) >> 8);
    frame[5] = (byte) (pdu.length + 1);
    frame[6] = request[6];
    System.arraycopy(pdu, 0, frame, 7, pdu.length);
    return frame;
  }

  private byte[] answer(byte[] pdu) {
    int fc = pdu[0] & 0xFF;
    if (fc == 0x2B && pdu.length == 4 && pdu[1] == 0x0E) {
      return deviceIdentification(pdu[2] & 0xFF, pdu[3] & 0xFF);
    }
    if (fc == 0x11) {
      byte[] text = identity.serverText().getBytes(StandardCharsets.US_ASCII);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0x11);
      out.write(text.length + 2);
      out.write(identity.serverId());
      out.write(0xFF);
      out.writeBytes(text);
      return out.toByteArray();
    }
    return new byte[] {(byte) (fc | 0x80), 0x01};
  }

  /**
   * Read codes 1-3 (stream access): every object from {@code from} up to the last of the category
   * (basic 0-2, regular up to 0x7F, extended up to 0xFF), cumulative as pymodbus does.
   */
  private byte[] deviceIdentification(int code, int from) {
    if (code < 1 || code > 3) {
      return new byte[] {(byte) 0xAB, 0x03};
    }
    int last = code == 1 ? 2 : code == 2 ? 0x7F : 0xFF;
    var rest = List.copyOf(objects.subMap(Math.min(from, last), true, last, true).keySet());
    var page =
        objectsPerPage > 0 && rest.size() > objectsPerPage ? rest.subList(0, objectsPerPage) : rest;
    boolean more = page.size() < rest.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x2B, 0x0E, (byte) code, (byte) 0x02});
    out.write(more ? 0xFF : 0x00);
    out.write(more ? rest.get(page.size()) : 0x00);
    out.write(page.size());
    for (int id : page) {
      byte[] value = objects.get(id).getBytes(StandardCharsets.US_ASCII);
      out.write(id);
      out.write(value.length);
      out.writeBytes(value);
    }
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
