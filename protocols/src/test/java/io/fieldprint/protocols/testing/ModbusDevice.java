package io.fieldprint.protocols.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A well-behaved Modbus device for {@link ModbusTestServer}: answers FC 43/14 stream access from
 * its identification objects, two objects per basic page and four per regular page (so that
 * more-follows paging is exercised), FC 17 with a server id, and every other function code with
 * exception 0x01.
 */
public final class ModbusDevice implements ModbusTestServer.Responder {
  /** ACME PLC: vendor, product code (order number), revision; regular objects too. */
  public static final Map<Integer, String> ACME_OBJECTS =
      Map.of(
          0, "ACME Automation",
          1, "6ES7-ACME-5000",
          2, "V2.1.7",
          3, "https://acme.example",
          4, "ACME PLC-5000",
          5, "PLC-5000",
          6, "line-3-plc");

  private final int unitId;
  private final TreeMap<Integer, String> objects;
  private final int conformity;

  public ModbusDevice(int unitId, Map<Integer, String> objects, int conformity) {
    this.unitId = unitId;
    this.objects = new TreeMap<>(objects);
    this.conformity = conformity;
  }

  /** Unit 255 with {@link #ACME_OBJECTS}, conformity regular with individual access (0x82). */
  public static ModbusDevice acme() {
    return new ModbusDevice(255, ACME_OBJECTS, 0x82);
  }

  @Override
  public ModbusTestServer.Answer answer(int unit, byte[] pdu) {
    if (unit != unitId) {
      return new ModbusTestServer.Answer.Silence();
    }
    int fc = pdu[0] & 0xFF;
    if (fc == 0x2B && pdu.length == 4 && pdu[1] == 0x0E) {
      return new ModbusTestServer.Answer.Pdu(deviceId(pdu[2] & 0xFF, pdu[3] & 0xFF));
    }
    if (fc == 0x11) {
      byte[] text = "ACME PLC-5000 fw 2.1.7".getBytes(StandardCharsets.US_ASCII);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0x11);
      out.write(text.length + 2);
      out.write(0x2A);
      out.write(0xFF);
      out.writeBytes(text);
      return new ModbusTestServer.Answer.Pdu(out.toByteArray());
    }
    return new ModbusTestServer.Answer.Pdu(new byte[] {(byte) (fc | 0x80), 0x01});
  }

  private byte[] deviceId(int code, int from) {
    int last = code == 1 ? 2 : code == 2 ? 6 : 0xFF;
    List<Integer> ids = objects.subMap(from, true, last, true).keySet().stream().toList();
    List<Integer> page = ids.subList(0, Math.min(code == 1 ? 2 : 4, ids.size()));
    boolean more = ids.size() > page.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x2B, 0x0E, (byte) code, (byte) conformity});
    out.write(more ? 0xFF : 0x00);
    out.write(more ? ids.get(page.size()) : 0);
    out.write(page.size());
    for (int id : page) {
      byte[] value = objects.get(id).getBytes(StandardCharsets.US_ASCII);
      out.write(id);
      out.write(value.length);
      out.writeBytes(value);
    }
    return out.toByteArray();
  }
}
