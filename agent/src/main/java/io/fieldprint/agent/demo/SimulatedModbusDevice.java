package io.fieldprint.agent.demo;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A simulated Modbus/TCP device on a loopback address, port 0: reads MBAP frames and answers them
 * with a {@link ModbusIdentityResponder}. Read-only: a write function code gets exception 01. At
 * most {@value #MAX_CONNECTIONS} connections are served at a time; a frame whose length field is
 * out of range closes the connection.
 */
final class SimulatedModbusDevice implements Closeable {
  static final int MAX_CONNECTIONS = 4;
  private static final int READ_TIMEOUT_MILLIS = 30_000;

  private final ServerSocket socket;
  private final ModbusIdentityResponder responder;
  private final ExecutorService threads = Executors.newFixedThreadPool(MAX_CONNECTIONS + 1);

  private SimulatedModbusDevice(ServerSocket socket, ModbusIdentityResponder responder) {
    this.socket = socket;
    this.responder = responder;
  }

  /** Starts the device on its loopback address, port 0. */
  static SimulatedModbusDevice start(PlantDescription.ModbusDevice device) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getByName(device.address()), 0));
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    SimulatedModbusDevice d =
        new SimulatedModbusDevice(socket, new ModbusIdentityResponder(device));
    d.threads.submit(d::acceptLoop);
    return d;
  }

  /** The address and port it listens on. */
  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        client.setSoTimeout(READ_TIMEOUT_MILLIS);
        threads.submit(() -> serve(client));
      } catch (IOException e) {
        return;
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        byte[] header = new byte[7];
        in.readFully(header);
        int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        if (header[2] != 0 || header[3] != 0 || length < 2 || length > 254) {
          return;
        }
        byte[] pdu = new byte[length - 1];
        in.readFully(pdu);
        Optional<byte[]> answer = responder.answer(header[6] & 0xFF, pdu);
        if (answer.isPresent()) {
          out.write(frame(header, answer.get()));
          out.flush();
        }
      }
    } catch (IOException e) {
      // the client closed, reset or went silent: nothing more to serve
    }
  }

  private static byte[] frame(byte[] request, byte[] pdu) {
    byte[] frame = new byte[7 + pdu.length];
    frame[0] = request[0];
    frame[1] = request[1];
    frame[4] = (byte) ((pdu.length + 1) >> 8);
    frame[5] = (byte) (pdu.length + 1);
    frame[6] = request[6];
    System.arraycopy(pdu, 0, frame, 7, pdu.length);
    return frame;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
