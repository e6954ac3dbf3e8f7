package io.fieldprint.agent.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedModbusDeviceTest {
  private static final PlantDescription.ModbusDevice IO =
      new PlantDescription.ModbusDevice(
          "127.0.0.21",
          255,
          "Demo Automation GmbH",
          "DA2-220-1BA0",
          "V1.8.0",
          "DA-IO 220",
          "DA-IO 220 PN",
          "DA-IO 220 fw 1.8.0");

  @Test
  void everyWriteFunctionCodeIsRefusedWithIllegalFunction() throws Exception {
    try (SimulatedModbusDevice device = SimulatedModbusDevice.start(IO);
        Socket socket = connect(device)) {
      byte[][] writes = {
        {0x05, 0x00, 0x01, (byte) 0xFF, 0x00}, // Write Single Coil
        {0x06, 0x00, 0x01, 0x12, 0x34}, // Write Single Register
        {0x0F, 0x00, 0x01, 0x00, 0x08, 0x01, (byte) 0xFF}, // Write Multiple Coils
        {0x10, 0x00, 0x01, 0x00, 0x01, 0x02, 0x12, 0x34}, // Write Multiple Registers
        {0x16, 0x00, 0x01, 0x00, (byte) 0xFF, 0x00, 0x00}, // Mask Write Register
        {0x17, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x02, 0x12, 0x34} // Read/Write
      };
      for (byte[] write : writes) {
        byte[] answer = exchange(socket, 255, write);
        assertArrayEquals(
            new byte[] {(byte) (write[0] | 0x80), 0x01},
            answer,
            "function code " + write[0] + " answered " + Arrays.toString(answer));
      }
    }
  }

  @Test
  void readDeviceIdentificationPagesThroughTheRegularObjects() throws Exception {
    try (SimulatedModbusDevice device = SimulatedModbusDevice.start(IO);
        Socket socket = connect(device)) {
      byte[] first = exchange(socket, 255, new byte[] {0x2B, 0x0E, 0x02, 0x00});
      assertEquals(List.of(0x2B, 0x0E, 0x02, 0x82, 0xFF, 0x04, 3), head(first, 7));
      assertEquals("Demo Automation GmbH", text(first, 7));

      byte[] second = exchange(socket, 255, new byte[] {0x2B, 0x0E, 0x02, 0x04});
      assertEquals(List.of(0x2B, 0x0E, 0x02, 0x82, 0x00, 0x00, 2), head(second, 7));
      assertEquals("DA-IO 220", text(second, 7));
    }
  }

  @Test
  void anotherUnitIdGetsNoAnswer() throws Exception {
    try (SimulatedModbusDevice device = SimulatedModbusDevice.start(IO);
        Socket socket = connect(device)) {
      socket.setSoTimeout(300);
      socket.getOutputStream().write(frame(7, new byte[] {0x2B, 0x0E, 0x01, 0x00}));
      assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
    }
  }

  @Test
  void theDeviceListensOnItsOwnLoopbackAddress() throws Exception {
    try (SimulatedModbusDevice device = SimulatedModbusDevice.start(IO)) {
      assertEquals("127.0.0.21", device.address().getAddress().getHostAddress());
    }
  }

  private static Socket connect(SimulatedModbusDevice device) throws IOException {
    Socket socket = new Socket(device.address().getAddress(), device.address().getPort());
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static byte[] exchange(Socket socket, int unit, byte[] pdu) throws IOException {
    socket.getOutputStream().write(frame(unit, pdu));
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] header = new byte[7];
    in.readFully(header);
    assertEquals(0x4D, header[1], "transaction id echoed");
    byte[] answer = new byte[(((header[4] & 0xFF) << 8) | (header[5] & 0xFF)) - 1];
    in.readFully(answer);
    return answer;
  }

  private static byte[] frame(int unit, byte[] pdu) {
    byte[] frame = new byte[7 + pdu.length];
    frame[1] = 0x4D;
    frame[5] = (byte) (pdu.length + 1);
    frame[6] = (byte) unit;
    System.arraycopy(pdu, 0, frame, 7, pdu.length);
    return frame;
  }

  private static List<Integer> head(byte[] pdu, int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(pdu[i] & 0xFF);
    }
    return out;
  }

  /** The value of the object at {@code at} (id, length, value). */
  private static String text(byte[] pdu, int at) {
    return new String(pdu, at + 2, pdu[at + 1] & 0xFF, StandardCharsets.US_ASCII);
  }
}
