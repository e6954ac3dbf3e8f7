package io.fieldprint.agent.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read-only Modbus application layer of a simulated device: FC 43/14 Read Device Identification
 * (stream access, paged: two objects per basic page and three per regular page, so more-follows
 * paging is used), FC 17 Report Server ID, and exception 01 (Illegal Function) for every other
 * function code, writes included. It holds no registers, so nothing can be written.
 */
final class ModbusIdentityResponder {
  static final int READ_DEVICE_IDENTIFICATION = 0x2B;
  static final int MEI_DEVICE_IDENTIFICATION = 0x0E;
  static final int REPORT_SERVER_ID = 0x11;
  static final int ILLEGAL_FUNCTION = 0x01;
  static final int ILLEGAL_DATA_VALUE = 0x03;

  /** Conformity level 0x82: regular identification, stream and individual access. */
  private static final int CONFORMITY = 0x82;

  private final int unitId;
  private final TreeMap<Integer, String> objects = new TreeMap<>();
  private final String serverId;

  ModbusIdentityResponder(PlantDescription.ModbusDevice device) {
    this.unitId = device.unitId();
    objects.putAll(
        Map.of(
            0, device.vendor(),
            1, device.productCode(),
            2, device.revision(),
            4, device.productName(),
            5, device.modelName()));
    this.serverId = device.serverId();
  }

  /** The response PDU to a request PDU for {@code unit}; empty when the unit is not this one. */
  Optional<byte[]> answer(int unit, byte[] pdu) {
    if (unit != unitId || pdu.length == 0) {
      return Optional.empty();
    }
    int fc = pdu[0] & 0xFF;
    if (fc == READ_DEVICE_IDENTIFICATION
        && pdu.length == 4
        && pdu[1] == MEI_DEVICE_IDENTIFICATION) {
      int code = pdu[2] & 0xFF;
      return Optional.of(
          code == 1 || code == 2
              ? identification(code, pdu[3] & 0xFF)
              : exception(fc, ILLEGAL_DATA_VALUE));
    }
    if (fc == REPORT_SERVER_ID && pdu.length == 1) {
      return Optional.of(reportServerId());
    }
    return Optional.of(exception(fc, ILLEGAL_FUNCTION));
  }

  private static byte[] exception(int fc, int code) {
    return new byte[] {(byte) (fc | 0x80), (byte) code};
  }

  private byte[] identification(int code, int from) {
    int last = code == 1 ? 2 : 6;
    List<Integer> ids = objects.subMap(from, true, last, true).keySet().stream().toList();
    List<Integer> page = ids.subList(0, Math.min(code == 1 ? 2 : 3, ids.size()));
    boolean more = ids.size() > page.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        new byte[] {
          READ_DEVICE_IDENTIFICATION, MEI_DEVICE_IDENTIFICATION, (byte) code, (byte) CONFORMITY
        });
    out.write(more ? 0xFF : 0x00);
    out.write(more ? ids.get(page.size()) : 0);
    out.write(page.size());
    for (int id : page) {
      byte[] value = ascii(objects.get(id));
      out.write(id);
      out.write(value.length);
      out.writeBytes(value);
    }
    return out.toByteArray();
  }

  private byte[] reportServerId() {
    byte[] text = ascii(serverId);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(REPORT_SERVER_ID);
    out.write(text.length + 2);
    out.write(0x2A);
    out.write(0xFF);
    out.writeBytes(text);
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return bytes.length > 120 ? java.util.Arrays.copyOf(bytes, 120) : bytes;
  }
}
